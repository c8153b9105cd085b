import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingBeforeOpening,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { givenShopper, password } from '../support/builders.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * Promises respect opening hours (issue 11, item 1): at 07:30 in Beijing, before JD Home
 * Sanlitun opens, the product page offers the pick-up from the store's opening, not "now".
 */
describe.skipIf(!haveChromium)('promises before the stores open, on a phone', () => {
  let world: BrowserWorld;
  let productId: string;
  let ready: string;
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingBeforeOpening() });
    const brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    const sanlitun = (await brand.get('/api/inventory/locations?kind=store'))
      .json()
      .items.find((l: any) => l.name.includes('三里屯'));
    const [h, m] = sanlitun.openingHours.open.split(':').map(Number);
    const at = h * 60 + m + sanlitun.prepMinutes;
    ready = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    const online = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    const listings = (await brand.get(`/api/channels/${online}/listings?limit=200`)).json().items;
    for (const l of listings.filter((x: any) => x.sellable)) {
      const cell = (
        await brand.get(`/api/inventory/levels?locationId=${sanlitun.id}&skuId=${l.skuId}`)
      ).json().items[0];
      if (cell?.available >= 1) {
        productId = l.productId;
        break;
      }
    }
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`says when the pick-up will be ready, from the store's opening (${lang})`, async () => {
      const page = await world.page(lang, { width: 390, height: 844 });
      await page.goto(`${world.base}/shop/products/${productId}`);
      const said = page.locator('[data-testid=pickup-estimate]');
      await said.waitFor();
      expect(await said.textContent()).toMatch(
        lang === 'zh-CN'
          ? new RegExp(`(今天|明天) ${ready} 起可取`)
          : new RegExp(`ready from (today|tomorrow) ${ready}`),
      );
      await page.screenshot({ path: `${artifacts}/shop-pickup-before-opening-${lang}.png` });
      await page.context().close();
    });

  for (const lang of ['zh-CN', 'en'] as const)
    it(`the cart says why one-hour delivery is off and chooses the best mode on offer (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const page = await world.page(lang, { width: 390, height: 844 });
      // A shopper of their own: the account's cart remembers the mode a former run chose.
      const shopper = await givenShopper(world.fw);
      await page.goto(`${world.base}/shop/me`);
      await page.fill('#email', shopper.email);
      await page.fill('#password', password);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=hello]');
      await page.goto(`${world.base}/shop/products/${productId}`);
      await page.click(`button:has-text("${zh ? '加入购物车' : 'Add to cart'}")`);
      await page.waitForSelector('.ant-message-notice');
      await page.goto(`${world.base}/shop/cart`);
      // Not a disabled button: the stores are closed, so the cart chose what can be had now.
      const note = page.locator('[data-testid=fell-back]');
      await note.waitFor();
      expect(await note.textContent()).toMatch(
        zh ? /1小时达暂不可用,已为您选择(标准配送|门店自提)/ : /so (Standard|Pick up in store) is chosen/,
      );
      const hour = page.locator('label:has([data-testid=mode-hour])');
      expect(await hour.getAttribute('class')).toContain('ant-radio-wrapper-disabled');
      expect(await page.locator('[data-testid=mode-hour]').textContent()).toMatch(
        zh
          ? /门店已打烊,(今天|明天) \d\d:\d\d 起可送/
          : /the stores are closed: from (today|tomorrow) \d\d:\d\d/,
      );
      await page.screenshot({ path: `${artifacts}/shop-cart-hour-closed-${lang}.png`, fullPage: true });
      await page.context().close();
    });
});
