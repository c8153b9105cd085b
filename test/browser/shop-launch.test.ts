import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  beijingAfternoon,
  haveChromium,
  phone,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * A product before its launch (issue 11, item 15): the shop says when it goes on sale, in the
 * page's language; within its last day the product page counts down on the server's clock (the
 * world's clock runs hours ahead of the phone's here), and at zero the SKU can be bought.
 */
describe.skipIf(!haveChromium)('a launch, on a phone', () => {
  let world: BrowserWorld;
  let brand: TestClient;
  let online: string;
  // A product per language: a launch that has come stands, so each run launches its own.
  const products: Record<string, string> = {};
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingAfternoon() });
    brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    online = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    const listings = (await brand.get(`/api/channels/${online}/listings?limit=200`)).json().items;
    products['zh-CN'] = listings.find((l: any) => l.productName === 'OPPO Find X5 Pro').productId;
    products.en = listings.find((l: any) => l.productName === 'OPPO Watch 2').productId;
  }, 120_000);
  afterAll(() => world?.close());
  const launchIn = (productId: string, ms: number) =>
    brand.post(`/api/catalog/products/${productId}/launch`, {
      startsAt: new Date(world.fw.rt.clock.now().getTime() + ms).toISOString(),
      channelIds: [online],
    });

  for (const lang of ['zh-CN', 'en'] as const)
    it(`says when it goes on sale, counts down its last day, and sells at zero (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const productId = products[lang];
      const scheduled = await launchIn(productId, 90 * 60_000 + 30_000);
      expect(scheduled.statusCode, scheduled.body).toBeLessThan(300);
      const page = await world.page(lang, phone);
      await page.goto(`${world.base}/shop/products/${productId}`);
      const note = page.locator('[data-testid=launch-note]');
      await note.waitFor();
      expect(await note.textContent()).toContain(zh ? '开售' : 'On sale');
      // An hour and a half on the server's clock, whatever the phone's says.
      await expect
        .poll(() => page.locator('[data-testid=launch-countdown]').textContent())
        .toMatch(zh ? /^距开售还有 1:30:\d\d$/ : /^Goes on sale in 1:30:\d\d$/);
      await page.screenshot({ path: `${artifacts}/shop-launch-${lang}.png`, fullPage: true });
      const buy = page.locator(`button:has-text("${zh ? '立即购买' : 'Buy now'}")`);
      expect(await buy.isDisabled()).toBe(true);

      // Moved to a few seconds from now: at zero the page asks again, and the SKU is on sale.
      expect((await launchIn(productId, 4_000)).statusCode).toBeLessThan(300);
      await page.reload();
      await page.locator('[data-testid=launch-countdown]').waitFor();
      await expect.poll(() => buy.isDisabled(), { timeout: 20_000 }).toBe(false);
      await page.context().close();
    });
});
