import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingAfternoon,
  haveChromium,
  layoutFaults,
  phone,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { homeAddress, payInSandbox } from '../support/checkout.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * Store staff hold a phone (DESIGN §1 A): the queue, picking, the hand-over to the courier, the
 * pick-up code and the counter all work at 390 px; every other page of the console fits the
 * screen, its menu in a drawer and no text crushed a letter per line.
 */
describe.skipIf(!haveChromium)('the store console on a phone', () => {
  let world: BrowserWorld;
  let shopper: TestClient;
  let channelId: string;
  let sanlitun: string;
  let skuId: string;
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingAfternoon() });
    const brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    shopper = await new TestClient(world.fw.app).loginShopper('shopper@flywheel.demo', 'flywheel-demo');
    channelId = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    sanlitun = (await brand.get('/api/inventory/locations?kind=store'))
      .json()
      .items.find((l: any) => l.name.includes('三里屯')).id;
    const listings = (await brand.get(`/api/channels/${channelId}/listings?limit=200`)).json().items;
    for (const l of listings.filter((x: any) => x.sellable)) {
      const cell = (await brand.get(`/api/inventory/levels?locationId=${sanlitun}&skuId=${l.skuId}`)).json()
        .items[0];
      if (cell?.available >= 6) {
        skuId = l.skuId;
        break;
      }
    }
    expect(skuId).toBeDefined();
  }, 120_000);
  afterAll(() => world?.close());

  /** A paid order of the demo shopper's, sent to JD Home Sanlitun. */
  async function paidOrder(mode: 'hour' | 'pickup'): Promise<{ id: string; pickupCode: string | null }> {
    const cart = (await shopper.post('/api/shop/carts', { channelId })).json();
    await shopper.post(`/api/shop/carts/${cart.id}/lines`, { skuId, quantity: 1 });
    const quote = await shopper.post(`/api/shop/carts/${cart.id}/delivery`, {
      mode,
      address: homeAddress,
      ...(mode === 'pickup' ? { pickupLocationId: sanlitun } : {}),
    });
    expect(quote.statusCode, quote.body).toBe(200);
    const placed = await shopper.post(
      '/api/shop/orders',
      { cartId: cart.id },
      { 'idempotency-key': `phone-${cart.id}` },
    );
    expect(placed.statusCode, placed.body).toBe(201);
    await payInSandbox(world.fw, placed.json().payment.id);
    const order = (await shopper.get(`/api/shop/orders/${placed.json().id}`)).json();
    return { id: order.id, pickupCode: order.shipments[0].pickupCode };
  }

  /** Opens a page of the console from the menu in the drawer, as a thumb does. */
  async function openFromMenu(page: Page, label: string) {
    await page.click('[data-testid=menu-button]');
    await page.click(`.ant-drawer [data-testid=menu] .ant-menu-item:has-text("${label}")`);
    await page.waitForSelector('.ant-drawer-content-wrapper', { state: 'hidden' });
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    const zh = lang === 'zh-CN';
    it(`works the queue, hands a pick-up over by its code and rings up a sale at 390 px (${lang})`, async () => {
      const hour = await paidOrder('hour');
      const pickup = await paidOrder('pickup');
      expect(pickup.pickupCode).toMatch(/^\d{6}$/);

      const page = await world.page(lang, phone);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await world.signIn(page, 'store@jdhome.demo');
      // No sider pushing the page aside: the menu waits behind its button.
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      // Home begins with the store's to-do list; its first item opens the task queue.
      const toPick = page.locator('[data-todo="fulfilment.toPick"]');
      await toPick.waitFor();
      expect(await toPick.textContent()).toMatch(zh ? /\d+ 单待拣货/ : /\d+ orders? to pick/);
      await page.screenshot({ path: `${artifacts}/store-phone-home-${lang}.png`, fullPage: true });
      await toPick.click();
      await page.waitForURL('**/tasks');

      // The hour order: pick, pack, hand to the courier, with thumb-sized buttons.
      const task = page.locator('[data-testid=task]', { hasText: hour.id.slice(-10) });
      await task.waitFor();
      expect(await layoutFaults(page)).toEqual({ overflow: 0, broken: [] });
      await page.screenshot({ path: `${artifacts}/store-phone-tasks-${lang}.png`, fullPage: true });
      const start = task.locator(`button:has-text("${zh ? '开始拣货' : 'Start picking'}")`);
      expect((await start.boundingBox())!.height).toBeGreaterThanOrEqual(40);
      await start.click();
      await task.locator(`button:has-text("${zh ? '打包完成' : 'Packed'}")`).click();
      await task.locator(`button:has-text("${zh ? '交给骑手' : 'Hand to courier'}")`).click();
      await page.fill('.ant-modal input', zh ? '李师傅' : 'Li');
      await page.click('.ant-modal button.ant-btn-primary');
      // With the courier: on the list still, nothing more for the store to do.
      await task.locator(`:text("${zh ? '骑手配送中' : 'With the courier'}")`).waitFor();
      await task.locator('button').first().waitFor({ state: 'detached' });

      // The pick-up: made ready, then handed over when the shopper shows the code.
      const waiting = page.locator('[data-testid=task]', { hasText: pickup.id.slice(-10) });
      await waiting.locator(`button:has-text("${zh ? '开始拣货' : 'Start picking'}")`).click();
      await waiting.locator(`button:has-text("${zh ? '打包完成' : 'Packed'}")`).click();
      // Packed, it waits for its shopper: nothing more to tap on it.
      await waiting.locator('button').first().waitFor({ state: 'detached' });
      const codeBox = page.locator(
        `input[placeholder="${zh ? '顾客出示的取货码' : 'Code shown by the shopper'}"]`,
      );
      // The code box comes first on a phone: the shopper stands at the counter.
      expect((await codeBox.boundingBox())!.y).toBeLessThan((await waiting.boundingBox())!.y);
      await codeBox.fill(pickup.pickupCode!);
      await page.click(`button:has-text("${zh ? '确认交付' : 'Hand over'}")`);
      await page.waitForSelector(`.ant-message-notice:has-text("${zh ? '已交付' : 'Handed over'}")`);
      await waiting.waitFor({ state: 'detached' });
      expect((await shopper.get(`/api/shop/orders/${pickup.id}`)).json().shipments[0].status).toBe(
        'picked_up',
      );

      // The counter: the shelf fills the screen, the sale waits in a bar and opens as a sheet.
      await openFromMenu(page, zh ? '门店收银' : 'Counter');
      // Two of an item with two or more on the shelf.
      const item = page.locator('[data-testid=pos-item]', {
        hasText: zh ? /在架 ([2-9]|\d\d+) 件/ : /([2-9]|\d\d+) on the shelf/,
      });
      await item.first().click();
      await item.first().click();
      const bar = page.locator('[data-testid=pos-bar]');
      expect(await bar.textContent()).toContain(zh ? '2 件' : '2 items');
      // The bar stays on screen, at its bottom.
      const box = (await bar.boundingBox())!;
      expect(box.y + box.height).toBeCloseTo(phone.height, 0);
      expect(await layoutFaults(page)).toEqual({ overflow: 0, broken: [] });
      await page.screenshot({ path: `${artifacts}/store-phone-pos-${lang}.png` });
      await bar.locator('button').click();
      const sheet = page.locator('.pos-sheet .ant-drawer-section');
      await sheet.locator('input[inputmode=numeric]').fill('134567890123456789');
      await sheet.locator(`button:has-text("${zh ? '收款' : 'Charge'}")`).click();
      await sheet.locator(`.ant-result-title:has-text("${zh ? '已收款' : 'Paid'}")`).waitFor();
      await page.screenshot({ path: `${artifacts}/store-phone-pos-paid-${lang}.png` });
      await sheet.locator(`button:has-text("${zh ? '下一单' : 'Next sale'}")`).click();
      await sheet.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  const members = [
    { who: 'store', email: 'store@jdhome.demo' },
    { who: 'retailer', email: 'retailer@jdhome.demo' },
    { who: 'brand', email: 'brand@oppo.demo' },
    { who: 'operator', email: 'operator@flywheel.demo' },
  ];
  for (const m of members)
    it(`every console page of the ${m.who}'s menu fits a 390 px phone (zh-CN)`, async () => {
      const page = await world.page('zh-CN', phone);
      await world.signIn(page, m.email);
      const faults: Record<string, { overflow: number; broken: string[] }> = {};
      await page.click('[data-testid=menu-button]');
      const count = await page.locator('.ant-drawer [data-testid=menu] .ant-menu-item').count();
      await page.keyboard.press('Escape');
      for (let i = 0; i < count; i++) {
        await page.click('[data-testid=menu-button]');
        await page.locator('.ant-drawer [data-testid=menu] .ant-menu-item').nth(i).click();
        await page.waitForSelector('.ant-drawer-content-wrapper', { state: 'hidden' });
        await page.waitForSelector(
          '.ant-card .ant-table-tbody tr, .ant-card .ant-list-item, [data-testid=figures]',
        );
        await page.waitForLoadState('networkidle');
        const slug = new URL(page.url()).pathname.slice(1) || 'home';
        const found = await layoutFaults(page);
        if (found.overflow > 0 || found.broken.length) faults[slug] = found;
        await page.screenshot({ path: `${artifacts}/phone-${m.who}-${slug}.png`, fullPage: true });
      }
      expect(faults).toEqual({});
      await page.context().close();
    });
});
