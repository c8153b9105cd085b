import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * The console edits what the API edits (issue 11, item 7), each thing by its owner: the brand its
 * products and SKUs; the store its own hours, for every brand it keeps stock for.
 */
describe.skipIf(!haveChromium)('the console changes products, SKUs and locations, each by its owner', () => {
  let world: BrowserWorld;
  let brand: TestClient;
  let store: TestClient;
  beforeAll(async () => {
    world = await startBrowserWorld();
    brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
    store = await new TestClient(world.fw.app).login('store@jdhome.demo', 'flywheel-demo');
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`the brand renames a product and gives an SKU its images; the store sets its hours (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const save = zh ? '保存' : 'Save';
      const page = await world.page(lang);
      await world.signIn(page, 'brand@oppo.demo');
      await page.goto(`${world.base}/products`);
      // Named in English mode by its English name, which the run before may have changed.
      await page.click('td:has-text("Find X3 Pro")');
      await page.click('[data-testid=edit-product]');
      const english = `Find X3 Pro (${lang})`;
      await page.fill('.ant-modal #nameEn', english);
      await page.fill('.ant-modal #description', zh ? '哈苏影像旗舰' : 'The Hasselblad flagship');
      await page.click(`.ant-modal-footer button:has-text("${save}")`);
      await page.waitForSelector('.ant-modal', { state: 'detached' });
      const products = (await brand.get('/api/catalog/products?q=Find%20X3%20Pro')).json().items;
      expect(products[0].nameEn).toBe(english);

      // An SKU's images, one address a line; a bad GTIN is named in the page's language.
      await page.locator('.ant-drawer [data-testid=edit-sku]').first().click();
      await page.fill('.ant-modal #gtin', '6932160000010');
      await page.click(`.ant-modal-footer button:has-text("${save}")`);
      // Said once, under the field it is about.
      const said = page.locator('.ant-modal .ant-alert-error, .ant-modal .ant-form-item-explain-error');
      await said.first().waitFor();
      expect(await said.allTextContents()).toHaveLength(1);
      expect(await said.first().textContent()).toContain(zh ? '校验位' : 'check digit');
      await page.fill('.ant-modal #gtin', '');
      await page.fill(
        '.ant-modal #images',
        'https://img.flywheel.dev/x3-black-front.png\nhttps://img.flywheel.dev/x3-black-back.png',
      );
      await page.click(`.ant-modal-footer button:has-text("${save}")`);
      await page.waitForSelector('.ant-modal', { state: 'detached' });
      const product = (await brand.get(`/api/catalog/products/${products[0].id}`)).json();
      expect(product.skus.some((s: { images: string[] }) => s.images.length === 2)).toBe(true);
      await page.screenshot({ path: `${artifacts}/console-edit-product-${lang}.png`, fullPage: true });

      // The brand opening a store's location changes its name and status, not the store's hours.
      await page.goto(`${world.base}/locations`);
      // In English, the store goes by its English name, and its district too.
      await page.click(`td:has-text("${zh ? '三里屯' : 'Sanlitun'}") >> nth=0`);
      if (!zh) await page.waitForSelector('.ant-drawer-title:has-text("Sanlitun")');
      await page.click(`.ant-drawer .ant-tabs-tab:has-text("${zh ? '库存地点' : 'Location'}")`);
      await page.click('[data-testid=edit-location]');
      await page.waitForSelector('.ant-modal #name');
      expect(await page.locator('.ant-modal #open').count()).toBe(0);
      await page.context().close();

      // The store sets its hours, for every brand's stock it keeps.
      const staff = await world.page(lang);
      await world.signIn(staff, 'store@jdhome.demo');
      await staff.goto(`${world.base}/locations`);
      await staff.locator('.ant-table-tbody tr.ant-table-row').first().click();
      await staff.click(`.ant-drawer .ant-tabs-tab:has-text("${zh ? '库存地点' : 'Location'}")`);
      await staff.click('[data-testid=edit-location]');
      expect(await staff.locator('.ant-modal #name').count()).toBe(0);
      const opens = lang === 'en' ? '08:30' : '08:45';
      await staff.fill('.ant-modal #open', opens);
      await staff.click(`.ant-modal-footer button:has-text("${save}")`);
      await staff.waitForSelector('.ant-modal', { state: 'detached' });
      await staff.waitForSelector(`.ant-drawer td:has-text("${opens}–")`);
      await staff.screenshot({ path: `${artifacts}/console-edit-store-hours-${lang}.png`, fullPage: true });
      const mine = (await store.get('/api/inventory/locations')).json().items as Array<{
        openingHours: { open: string };
      }>;
      expect(mine.map((l) => l.openingHours.open)).toEqual(mine.map(() => opens));
      await staff.context().close();
    });
});
