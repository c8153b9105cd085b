import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commerceEn, commerceZh } from '../../web/shared/i18n-commerce.js';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  layoutFaults,
  phone,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';
import { TestClient } from '../support/client.js';

requireChromium();

/**
 * The merchant's order list (issue 11, item 14): search, a date range, channel and customer
 * columns, and the CSV export of what the list shows; a routing rule is removed only when confirmed.
 */
describe.skipIf(!haveChromium)("the brand's order list: search, days, channel, customer, export", () => {
  let world: BrowserWorld;
  let brand: TestClient;
  beforeAll(async () => {
    world = await startBrowserWorld();
    brand = await new TestClient(world.fw.app).login('brand@oppo.demo', 'flywheel-demo');
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['zh-CN', 'en'] as const)
    it(`finds orders by street, shows whose they are, and exports the same rows (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      const page = await world.page(lang);
      await world.signIn(page, 'brand@oppo.demo');
      await page.goto(`${world.base}/orders`);
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      // Whose order, masked, and through which channel.
      expect(await rows.first().textContent()).toContain('王小明 138****0000');
      const all = (await brand.get('/api/orders?limit=50')).json().items;
      expect(await rows.first().textContent()).toContain(all[0].channelName);

      const street = '望京街';
      const expected = (await brand.get(`/api/orders?limit=50&q=${encodeURIComponent(street)}`)).json().items;
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      await page.fill('[data-testid=order-search] input', street);
      await page.press('[data-testid=order-search] input', 'Enter');
      await expect.poll(() => rows.count()).toBe(expected.length);
      await page.screenshot({ path: `${artifacts}/orders-search-${lang}.png`, fullPage: true });

      // The export is what the list shows.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=order-export]'),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      const exported = parse(csv.replace(/^\ufeff/, ''), { columns: true }) as Array<Record<string, string>>;
      // In the console's language: its header and statuses are words.
      expect(exported.map((r) => r[zh ? '订单号' : 'Order'])).toEqual(
        expected.map((o: { id: string }) => o.id),
      );
      const words = (zh ? commerceZh : commerceEn).order;
      expect(exported[0][zh ? '状态' : 'Status']).toBe(
        words.status[expected[0].status as keyof typeof words.status],
      );
      expect(download.suggestedFilename()).toMatch(/^flywheel-orders-\d{4}-\d{2}-\d{2}\.csv$/);

      // A day range with no orders in it empties the list.
      await page.click('.ant-picker-range input >> nth=0');
      await page.fill('.ant-picker-range input >> nth=0', '2020-01-01');
      await page.fill('.ant-picker-range input >> nth=1', '2020-01-02');
      await page.press('.ant-picker-range input >> nth=1', 'Enter');
      await page.waitForSelector('.ant-table-tbody .ant-empty');

      // An order opened on a phone reads in one column, nothing crushed letter by letter.
      await page.setViewportSize(phone);
      await page.fill('[data-testid=order-search] input', '');
      await page.press('[data-testid=order-search] input', 'Enter');
      await page
        .locator('.ant-picker-range .ant-picker-clear')
        .click({ force: true })
        .catch(() => {});
      await page.goto(`${world.base}/orders`);
      // The days are chosen one at a time on a phone: the calendar fits the screen.
      await page.click('[data-testid=order-days] input >> nth=0');
      const calendar = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
      await calendar.waitFor();
      const box = (await calendar.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
      await page.keyboard.press('Escape');
      await rows.first().click();
      await page.waitForSelector('.ant-drawer [data-testid=routing-explanation]');
      // Once the drawer has slid in.
      await page.waitForFunction(() => {
        const box = (globalThis as any).document
          .querySelector('.ant-drawer-content-wrapper')
          ?.getBoundingClientRect();
        return box && Math.round(box.left) === 0;
      });
      expect((await layoutFaults(page)).broken).toEqual([]);
      await page.screenshot({ path: `${artifacts}/orders-drawer-phone-${lang}.png`, fullPage: true });
      await page.goto(`${world.base}/orders`);
      await page.setViewportSize({ width: 1360, height: 860 });

      // Routing rules: moved up a rank, removed only when confirmed.
      for (const kind of ['avoid_split', 'same_province'])
        expect([201, 409]).toContain((await brand.post('/api/fulfilment/rules', { kind })).statusCode);
      const ranked = async () =>
        (await brand.get('/api/fulfilment/rules')).json().items.map((r: { id: string }) => r.id) as string[];
      const before = await ranked();
      await page.click(`.ant-tabs-tab:has-text("${zh ? '路由规则' : 'Routing rules'}")`);
      const ruleRows = page.locator('tr.ant-table-row', { has: page.locator('[data-testid=remove-rule]') });
      await expect.poll(() => ruleRows.count()).toBe(before.length);
      await ruleRows.last().locator('[data-testid=rule-up]').click();
      await expect
        .poll(ranked)
        .toEqual([...before.slice(0, -2), before[before.length - 1], before[before.length - 2]]);
      await page.screenshot({ path: `${artifacts}/orders-rules-${lang}.png`, fullPage: true });
      await page.locator('[data-testid=remove-rule]').first().click();
      await page.click(`.ant-popconfirm-buttons button:has-text("${zh ? '取消' : 'Cancel'}")`);
      expect((await ranked()).length).toBe(before.length);
      await page.context().close();
    });
});
