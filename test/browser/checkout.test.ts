import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingAfternoon,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * DESIGN §1 A, end to end in Chromium: a shopper orders with one-hour delivery and pays in the
 * sandbox; JD Home Sanlitun's staff pick and hand over; the courier delivers and the shopper's
 * tracking page shows it; the operator reads why the order went to Sanlitun.
 */
describe.skipIf(!haveChromium)('one-hour delivery in Chromium', () => {
  let world: BrowserWorld;
  let productId: string;
  let skuId: string;
  beforeAll(async () => {
    // The demo courier rides 120 times faster than life: a ten-minute ride takes five seconds.
    world = await startBrowserWorld(
      { courierSpeed: 120, sandboxNotifyDelayMs: 300 },
      { clock: beijingAfternoon() },
    );
    // A phone the online shop sells now that JD Home Sanlitun holds.
    const brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    const online = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    const sanlitun = (await brand.get('/api/inventory/locations?kind=store'))
      .json()
      .items.find((l: any) => l.name.includes('三里屯'));
    const listings = (await brand.get(`/api/channels/${online}/listings?limit=200`)).json().items;
    for (const l of listings.filter((x: any) => x.sellable)) {
      const cell = (
        await brand.get(`/api/inventory/levels?locationId=${sanlitun.id}&skuId=${l.skuId}`)
      ).json().items[0];
      if (cell?.available >= 2) {
        productId = l.productId;
        skuId = l.skuId;
        break;
      }
    }
    expect(skuId).toBeDefined();
  }, 120_000);
  afterAll(() => world?.close());

  it('a shopper orders for one-hour delivery, pays, the store picks and hands over, and tracking shows the delivery', async () => {
    const shop = await world.page('zh-CN', { width: 390, height: 844 });
    const errors: string[] = [];
    shop.on('pageerror', (e) => errors.push(e.message));
    await world.signInShopper(shop);

    await shop.goto(`${world.base}/shop/products/${productId}?sku=${skuId}`);
    await shop.waitForSelector('[data-testid=delivery-promise] :text("1小时达")');
    expect(await shop.locator('[data-testid=delivery-promise]').textContent()).toContain(
      '京东之家·北京三里屯店',
    );
    await shop.screenshot({ path: `${artifacts}/shop-product-zh-CN.png`, fullPage: true });

    await shop.click('button:has-text("立即购买")');
    await shop.waitForURL('**/shop/cart');
    await shop.waitForSelector('[data-testid=mode-hour] :text("约")');
    // Signed in, the default of the shopper's address book is where the order goes: nothing to type.
    await shop.waitForSelector('[data-testid=saved-addresses] :text("工体北路 8 号院 3 号楼 1201")');
    expect(await shop.inputValue('input[placeholder="街道门牌"]')).toBe('工体北路 8 号院 3 号楼 1201');
    await shop.waitForSelector('[data-testid=cart-total]');
    await shop.screenshot({ path: `${artifacts}/shop-cart-zh-CN.png`, fullPage: true });
    await shop.click('button:has-text("提交订单并支付")');

    // The sandbox provider's own page, then back to the order.
    await shop.waitForSelector('[data-testid=sandbox-amount]');
    // It says its status in words, in both languages, and fits a 360 px phone.
    expect(await shop.textContent('[data-testid=sandbox-status]')).toBe('待支付 · Awaiting payment');
    await shop.setViewportSize({ width: 360, height: 740 });
    expect(
      await shop.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(360);
    await shop.screenshot({ path: `${artifacts}/sandbox-pay.png` });
    await shop.setViewportSize({ width: 390, height: 844 });
    // Every status the order page shows from its first paint, to see it never says "unpaid".
    await shop.addInitScript(() => {
      const g = globalThis as any;
      g.statusesShown = [];
      new g.MutationObserver(() => {
        const text = g.document.querySelector('[data-testid=order-status]')?.textContent;
        if (text && g.statusesShown.at(-1) !== text) g.statusesShown.push(text);
      }).observe(g.document, { subtree: true, childList: true, characterData: true });
    });
    await shop.click('button:has-text("确认支付")');
    await shop.waitForURL('**/shop/orders/ord_*');
    const orderId = new URL(shop.url()).pathname.split('/').pop()!;
    await shop.waitForSelector('[data-testid=order-status]:has-text("已派单")', { timeout: 15_000 });
    // Back from paying, the page waits for the provider's word: confirming, then paid.
    const shown = (await shop.evaluate(() => (globalThis as any).statusesShown)) as string[];
    expect(shown).not.toContain('待支付');
    expect(shown.at(-1)).toBe('已派单');
    expect(new URL(shop.url()).search).toBe('');
    // Sent to the store: paid is done, the store's picking is the step under way.
    await shop.waitForSelector('[data-testid=order-steps] .ant-steps-item-process:has-text("门店拣货")');
    await shop.waitForSelector('[data-testid=countdown]');
    expect(await shop.locator('[data-testid=countdown]').textContent()).toMatch(/剩余 \d\d:\d\d/);
    await shop.screenshot({ path: `${artifacts}/shop-tracking-routed-zh-CN.png`, fullPage: true });

    // JD Home Sanlitun's staff work the task queue.
    const store = await world.page('zh-CN');
    await world.signIn(store, 'store@jdhome.demo');
    await store.goto(`${world.base}/tasks`);
    const task = store.locator('[data-testid=task]', { hasText: orderId.slice(-10) });
    await task.waitFor();
    await task.locator('button:has-text("开始拣货")').click();
    await task.locator('button:has-text("打包完成")').click();
    await store.screenshot({ path: `${artifacts}/store-tasks-zh-CN.png`, fullPage: true });
    await task.locator('button:has-text("交给骑手")').click();
    await store.fill('.ant-modal input', '李师傅');
    await store.click('.ant-modal button.ant-btn-primary');
    await task.waitFor({ state: 'detached' });

    // A walk-in at the counter: ring up a phone from the shelf, scan the shopper's payment code.
    await store.goto(`${world.base}/pos`);
    await store.locator('[data-testid=pos-item]').first().click();
    await store.fill('input[placeholder^="扫顾客付款码"]', '134567890123456789');
    await store.click('button:has-text("收款")');
    await store.waitForSelector('.ant-result-title:has-text("已收款")');
    await store.screenshot({ path: `${artifacts}/store-pos-zh-CN.png` });
    // A declined code: the provider's no, in the staff's language, and nothing sold.
    await store.click('button:has-text("下一单")');
    await store.locator('[data-testid=pos-item]').first().click();
    await store.fill('input[placeholder^="扫顾客付款码"]', '134567890123450000');
    await store.click('button:has-text("收款")');
    await store.waitForSelector('.ant-message-notice:has-text("支付被拒绝")');
    await store.screenshot({ path: `${artifacts}/store-pos-declined-zh-CN.png` });
    // The sale is its own kind of order, not a pick-up.
    await store.goto(`${world.base}/orders`);
    await store.waitForSelector('td:has-text("门店收银")');
    await store.context().close();

    // The courier rides; the tracking page follows by itself.
    await shop.waitForSelector('[data-testid=order-status]:has-text("已送达")', { timeout: 30_000 });
    // Delivered: every step ticked, the last too.
    await shop.waitForSelector('[data-testid=order-steps] .ant-steps-item:last-child.ant-steps-item-finish');
    expect(await shop.locator('[data-testid=order-steps] .ant-steps-item-finish').count()).toBe(5);
    // The shopper confirms receipt: the order is complete, and says so.
    await shop.click('[data-testid=confirm-receipt]');
    await shop.waitForSelector('[data-testid=order-status]:has-text("已完成")');
    // The shipment says its state once, and when it was delivered.
    const parcel = (await shop.locator('.ant-card:has-text("发货")').textContent()) ?? '';
    expect(parcel.split('已送达').length - 1).toBe(1);
    expect(parcel).toContain('送达时间');
    expect(await shop.locator('body').textContent()).toContain('李师傅');
    await shop.screenshot({ path: `${artifacts}/shop-tracking-delivered-zh-CN.png`, fullPage: true });
    expect(errors).toEqual([]);
    await shop.context().close();

    // The operator reads the routing decision: every candidate with its verdict.
    const ops = await world.page('en');
    await world.signIn(ops, 'operator@flywheel.demo');
    await ops.goto(`${world.base}/orders`);
    await ops.click(`td:has-text("${orderId.slice(-10)}")`);
    const explanation = ops.locator('[data-testid=routing-explanation]');
    // Named in English, the store and the district too (place names arrive with the page's first use).
    await explanation.locator('text=Chaoyang District').waitFor();
    const text = await explanation.textContent();
    expect(text).toContain('One-hour delivery');
    expect(text).toMatch(/Chosen\s*JD Home Beijing Sanlitun/);
    expect(text).toContain('Address: Chaoyang District (its coordinates)');
    expect(text).toContain('Out of delivery radius');
    // The stores of other cities are folded behind one line, and open on demand.
    const rows = explanation.locator('.ant-table-tbody tr');
    const near = await rows.count();
    const far = explanation.locator('[data-testid=routing-far]');
    const folded = Number(/(\d+) more stores? beyond 50 km/.exec((await far.textContent()) ?? '')?.[1]);
    expect(folded).toBeGreaterThan(5);
    await far.click();
    await expect.poll(() => rows.count()).toBe(near + folded);
    await far.click();
    // The shopper came by a shared link (`?sku=`): growth recorded it when the order was placed.
    await ops.waitForSelector('[data-testid=placed-from]');
    expect(await ops.locator('[data-testid=placed-from]').textContent()).toBe('Online shop · Shared link');
    await ops.waitForTimeout(500); // the drawer slides in
    await ops.screenshot({ path: `${artifacts}/operator-order-en.png` });
    await explanation.scrollIntoViewIfNeeded();
    await explanation.screenshot({ path: `${artifacts}/operator-routing-en.png` });
    await ops.context().close();
  }, 120_000);
});
