import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingAfternoon,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { homeAddress, payInSandbox } from '../support/checkout.js';

requireChromium();

describe.skipIf(!haveChromium)('a shopper cancels a paid order on the phone', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingAfternoon() });
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`is asked first, told what comes back, and reads why in words (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const page = await world.page(lang, { width: 390, height: 844 });
      await world.signInShopper(page);
      // An order placed through the storefront's own API calls, with this session.
      const placed = (await page.evaluate(async (address) => {
        const doc = (globalThis as any).document;
        const csrf = decodeURIComponent(/(?:^|; )fw_csrf=([^;]+)/.exec(doc.cookie)?.[1] ?? '');
        const call = async (method: string, path: string, body?: unknown): Promise<any> =>
          (
            await fetch(path, {
              method,
              headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
              body: body === undefined ? undefined : JSON.stringify(body),
            })
          ).json();
        const shops = await call('GET', '/api/shop/shops');
        const shop = shops.items.find((s: any) => s.brandName === 'OPPO');
        const products = await call('GET', `/api/shop/shops/${shop.id}/products?limit=50`);
        const product = products.items.find((p: any) => p.nameEn && p.skus.some((s: any) => s.sellable));
        const sku = product.skus.find((s: any) => s.sellable);
        const cart = await call('POST', '/api/shop/carts', { channelId: shop.id });
        await call('POST', `/api/shop/carts/${cart.id}/lines`, { skuId: sku.skuId, quantity: 1 });
        await call('POST', `/api/shop/carts/${cart.id}/delivery`, { mode: 'standard', address });
        return call('POST', '/api/shop/orders', { cartId: cart.id });
      }, homeAddress)) as { id: string; total: number; payment: { id: string }; lines: any[] };
      expect(placed.lines[0].nameEn).toBeTruthy();
      await payInSandbox(world.fw, placed.payment.id);
      await page.goto(`${world.base}/shop/orders/${placed.id}`);
      // The line in the shopper's language.
      const line = placed.lines[0];
      await page.waitForSelector(`text=${zh ? line.name : line.nameEn}`);
      await page.click(`button:has-text("${zh ? '取消订单' : 'Cancel order'}")`);
      const ask = page.locator('.ant-modal-confirm');
      await ask.waitFor();
      const refund = `¥${(placed.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
      expect(await ask.textContent()).toContain(refund);
      expect(await ask.textContent()).toContain(zh ? '原路退回' : 'goes back to the account you paid with');
      await page.screenshot({ path: `${artifacts}/shop-cancel-ask-${lang}.png` });
      await ask.locator('.ant-btn-dangerous').click();
      await page.waitForSelector(`[data-testid=order-status]:has-text("${zh ? '已取消' : 'Cancelled'}")`);
      await ask.waitFor({ state: 'detached' });
      expect(await page.locator('.ant-alert').textContent()).toContain(zh ? '您已取消' : 'you cancelled it');
      await page.screenshot({ path: `${artifacts}/shop-cancelled-${lang}.png`, fullPage: true });
      await page.context().close();
    });
});
