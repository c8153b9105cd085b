import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { catalogCsv, phoneRow } from '../support/catalog-csv.js';

requireChromium();

describe.skipIf(!haveChromium)('products in the console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  it('a brand finds its products, creates one with two SKUs, sees a bad GTIN named, and puts it on sale', async () => {
    const page = await world.page('zh-CN');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('text=商品管理');
    await page.waitForSelector('td:has-text("OPPO Find X3 Pro")');
    await page.fill('.ant-input-search input', '6932160000016');
    await page.press('.ant-input-search input', 'Enter');
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1,
    );
    await page.fill('.ant-input-search input', '');
    await page.press('.ant-input-search input', 'Enter');
    await page.screenshot({ path: `${artifacts}/brand-products-zh-CN.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    expect(download.suggestedFilename()).toMatch(/^flywheel-catalog-.*\.csv$/);

    await page.click('button:has-text("新建商品")');
    await page.fill('.ant-modal #name', 'OPPO Find N3');
    await page.fill('.ant-modal #productLine', 'Find X');
    await page.fill('.ant-modal #category', 'phone');
    await page.fill('.ant-modal #optionNames', 'colour, storage');
    await page.fill('.ant-modal #skus_0_code', 'FN3-BLK-256');
    await page.fill('.ant-modal #skus_0_options', 'Black, 256GB');
    await page.fill('.ant-modal #skus_0_gtin', '6932169999990');
    await page.click('.ant-modal button:has-text("添加 SKU")');
    await page.fill('.ant-modal #skus_1_code', 'FN3-WHT-512');
    await page.fill('.ant-modal #skus_1_options', 'White, 512GB');
    await page.click('.ant-modal button:has-text("新建")');
    await page.waitForSelector('.ant-modal .ant-alert-error');
    // Said in the page's language, by the kind of fault.
    expect(await page.locator('.ant-modal .ant-alert-error').textContent()).toContain('校验位错误');

    await page.fill('.ant-modal #skus_0_gtin', '6932169999991');
    await page.click('.ant-modal button:has-text("新建")');
    await page.waitForSelector('td:has-text("OPPO Find N3")');
    await page.click('td:has-text("OPPO Find N3")');
    await page.waitForSelector('.ant-drawer td:has-text("FN3-WHT-512")');
    await page.click('[data-testid=status-active]');
    await page.waitForSelector('.ant-drawer [data-testid=status-discontinued]');
    await page.screenshot({ path: `${artifacts}/brand-product-drawer-zh-CN.png`, fullPage: true });

    const list = (await page.evaluate(async () => (await fetch('/api/catalog/products?q=N3')).json())) as {
      items: Array<{ status: string; optionNames: string[] }>;
    };
    expect(list.items).toEqual([
      expect.objectContaining({ status: 'active', optionNames: ['colour', 'storage'] }),
    ]);
    await page.context().close();
  });

  it('a brand uploads a spreadsheet: a bad file lists its bad lines and changes nothing; a good one imports', async () => {
    const page = await world.page('en');
    await world.signIn(page, 'brand@oppo.demo');
    await page.click('text=Products');
    await page.waitForSelector('td:has-text("OPPO Find X3 Pro")');
    const rows = Array.from({ length: 6 }, (_, i) => phoneRow(i, {}, 'UPL'));
    rows[2] = phoneRow(2, { gtin: '6930000000001' }, 'UPL');
    rows[4] = phoneRow(4, { sku_code: 'UPL-0' }, 'UPL');
    await page.click('[data-testid=import]');
    await page.setInputFiles('.ant-modal input[type=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(catalogCsv(rows)),
    });
    await page.waitForSelector('[data-testid=import-problems]');
    const cells = await page.locator('.ant-modal .ant-table-tbody tr').allTextContents();
    expect(cells).toEqual([
      expect.stringMatching(/^4gtin.*check digit/),
      expect.stringMatching(/^6sku_code.*line 2/),
    ]);
    expect(await page.locator('[data-testid=import-apply]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${artifacts}/brand-import-rejected-en.png`, fullPage: true });

    rows[2] = phoneRow(2, {}, 'UPL');
    rows[4] = phoneRow(4, {}, 'UPL');
    await page.setInputFiles('.ant-modal input[type=file]', {
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(catalogCsv(rows)),
    });
    await page.waitForSelector('[data-testid=import-summary]');
    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('text=6 rows imported.');
    await page.screenshot({ path: `${artifacts}/brand-import-done-en.png`, fullPage: true });
    await page.click('.ant-modal button:has-text("Close")');
    await page.waitForSelector('td:has-text("UPL phone 0")');
    await page.context().close();
  });
});
