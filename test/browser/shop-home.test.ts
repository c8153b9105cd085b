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

requireChromium();

/**
 * The storefront's front page loads fast (issue 11, item 16): it is drawn without the component
 * library, its JavaScript is under 200 KB as sent (compressed), and it still lists, searches and
 * switches shops; the district chooser loads when the shopper taps the address.
 */
describe.skipIf(!haveChromium)("the storefront's front page, on a phone", () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld({}, { clock: beijingAfternoon() });
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`shows the shop in under 200 KB of JavaScript, searches, switches shop and district (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const page = await world.page(lang, phone);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const scripts: Array<Promise<number>> = [];
      page.on('requestfinished', (r) => {
        if (r.url().endsWith('.js')) scripts.push(r.sizes().then((s) => s.responseBodySize));
      });
      await page.goto(`${world.base}/shop`);
      await page.locator('[data-testid=product-tile]').first().waitFor();
      await page.waitForLoadState('networkidle');
      const sent = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThan(200 * 1024);
      // Nothing of the component library is on the page yet.
      expect(await page.locator('[class*="ant-"]').count()).toBe(0);
      expect(await layoutFaults(page)).toEqual({ overflow: 0, broken: [] });
      await page.screenshot({ path: `${artifacts}/shop-home-${lang}.png`, fullPage: true });

      // Search: what matches, then nothing for nonsense, then the whole shop again.
      const all = await page.locator('[data-testid=product-tile]').count();
      await page.fill('[data-testid=product-search]', 'Find');
      await page.press('[data-testid=product-search]', 'Enter');
      await expect.poll(() => page.locator('[data-testid=product-tile]').count()).toBeLessThan(all);
      expect(await page.locator('[data-testid=product-tile]').first().textContent()).toContain('Find');
      // A category's word in the page's language finds what no name says: the watches.
      await page.fill('[data-testid=product-search]', zh ? '手表' : 'watches');
      await page.press('[data-testid=product-search]', 'Enter');
      await expect
        .poll(() => page.locator('[data-testid=product-tile]').allTextContents())
        .toEqual([expect.stringContaining('Watch'), expect.stringContaining('Watch')]);
      await page.fill('[data-testid=product-search]', 'zzzz-nothing');
      await page.press('[data-testid=product-search]', 'Enter');
      await page.waitForSelector('[data-testid=no-products]');
      await page.fill('[data-testid=product-search]', '');
      await expect.poll(() => page.locator('[data-testid=product-tile]').count()).toBe(all);

      // Another brand's shop.
      const options = await page.locator('[data-testid=shop-choice] option').allTextContents();
      expect(options.length).toBeGreaterThan(1);
      const first = await page.locator('[data-testid=product-tile]').first().textContent();
      await page.selectOption('[data-testid=shop-choice]', { index: 1 });
      await expect
        .poll(() => page.locator('[data-testid=product-tile]').first().textContent())
        .not.toBe(first);

      // The address: in words, then the chooser, which loads on the tap and opens.
      expect(await page.textContent('[data-testid=address-button]')).toContain(zh ? '朝阳区' : 'Chaoyang');
      await page.click('[data-testid=address-button]');
      // Its three columns fit the phone, long English names and all.
      const chooser = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)');
      await page.locator('.ant-cascader-menu:nth-child(3)').waitFor();
      // Once it has slid open.
      await expect.poll(() => chooser.getAttribute('class')).not.toContain('slide-up');
      await page.screenshot({ path: `${artifacts}/shop-address-chooser-${lang}.png` });
      const box = (await chooser.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await page.click(
        `.ant-cascader-menu:nth-child(3) .ant-cascader-menu-item[title="${zh ? '海淀区' : 'Haidian District'}"]`,
      );
      await page.waitForSelector(`[data-testid=address-picker]:has-text("${zh ? '海淀区' : 'Haidian'}")`);
      // A product's picture is drawn in the colour chosen (OPPO Find X3 Pro: white, then black).
      await page.selectOption('[data-testid=shop-choice]', { label: 'OPPO' });
      await page.locator('[data-testid=product-tile]', { hasText: 'Find X3 Pro' }).first().click();
      await page.waitForURL('**/shop/products/**');
      const art = page.locator('.ant-card [data-testid=product-art]');
      await art.waitFor();
      const before = await art.getAttribute('data-colour');
      await page.locator('.ant-segmented').first().locator('.ant-segmented-item').nth(1).click();
      await expect.poll(() => art.getAttribute('data-colour')).not.toBe(before);
      await page.screenshot({ path: `${artifacts}/shop-product-art-${lang}.png` });

      // A guest's orders: asked to sign in, no empty list, no error every few seconds.
      await page.goto(`${world.base}/shop/orders`);
      await page.waitForSelector('[data-testid=sign-in-to-see]');
      await page.goto(`${world.base}/shop/orders/ord_00000000000000000000000000`);
      await page.waitForSelector('[data-testid=sign-in-to-see]');
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
