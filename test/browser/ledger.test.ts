import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../src/platform/clock.js';
import {
  artifacts,
  type BrowserWorld,
  haveChromium,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

describe.skipIf(!haveChromium)('the operator reads the books and reconciles a day in the console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['en', 'zh-CN'] as const)
    it(`reads the statement as the balances read, and reconciles yesterday twice into one row (${lang})`, async () => {
      const en = lang === 'en';
      const page = await world.page(lang);
      await world.signIn(page, 'operator@flywheel.demo');
      await page.click(en ? 'text=Ledger' : 'text=资金账本');
      await page.waitForSelector('[data-testid=menu]');
      await expect.poll(() => page.title()).toBe(en ? 'Ledger · Flywheel' : '资金账本 · Flywheel 飞轮');

      // The statement reads as the balances do: what a merchant is owed for a payment is positive.
      await page.click(`.ant-tabs-tab:has-text("${en ? 'Statement' : '流水'}")`);
      const owed = page.locator(
        `tr:has(td:text-is("${en ? 'Owed to the merchant' : '应付商家'}")):has(.ant-tag:text-is("${en ? 'Payment' : '支付'}"))`,
      );
      await owed.first().waitFor();
      const amounts = await owed.locator('[data-testid=entry-amount]').allTextContents();
      expect(amounts.length).toBeGreaterThan(0);
      expect(amounts.filter((a) => a.startsWith('-'))).toEqual([]);

      await page.click(`.ant-tabs-tab:has-text("${en ? 'Daily reconciliation' : '每日对账'}")`);
      const yesterday = chinaDay(new Date(world.fw.rt.clock.now().getTime() - 86_400_000));
      for (let i = 0; i < 2; i++) {
        await page.fill('.ant-picker input', yesterday);
        await page.press('.ant-picker input', 'Enter');
        await page.click(`button:has-text("${en ? 'Reconcile a day' : '对账'}")`);
        await page.waitForSelector(`td:has-text("${yesterday}")`);
      }
      await page.waitForSelector(`text=${en ? 'Orders paid' : '已支付订单'}`);
      expect(await page.locator(`tr:has(td:text-is("${yesterday}"))`).count()).toBe(1);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${artifacts}/operator-reconciliation-${lang}.png`, fullPage: true });
      await page.context().close();
    });

  for (const lang of ['zh-CN', 'en'] as const)
    it(`the retailer reads what its stores earned, and the agreement that says so (${lang})`, async () => {
      const en = lang === 'en';
      const page = await world.page(lang);
      await world.signIn(page, 'retailer@jdhome.demo');
      // Home: what its stores have earned and the platform owes it.
      const earned = page.locator('[data-figure="ledger.retailerOwed"] .ant-statistic-content-value');
      await earned.waitFor();
      expect(await earned.textContent()).toMatch(/^¥[1-9][\d,]*\.\d\d$/);
      await page.click(`[data-testid=menu] :text("${en ? 'Ledger' : '资金账本'}")`);
      const owed = page.locator(`tr:has(td:text-is("${en ? 'Owed to the retailer' : '应付零售商'}"))`);
      await owed.waitFor();
      expect(await owed.textContent()).not.toContain('-');
      await page.click(`.ant-tabs-tab:has-text("${en ? 'Statement' : '流水'}")`);
      const share = page.locator(`tr:has(.ant-tag:text-is("${en ? 'Store share' : '门店分成'}"))`).first();
      await share.waitFor();
      expect(await share.textContent()).toContain(en ? 'Commission of 8%' : '的 8% 佣金');
      expect(await share.locator('[data-testid=entry-amount]').textContent()).toMatch(/^¥[1-9]/);
      await page.screenshot({ path: `${artifacts}/retailer-ledger-${lang}.png`, fullPage: true });
      await page.click(`[data-testid=menu] :text("${en ? 'Agreements' : '合作协议'}")`);
      // The agreement and its parties by their names in the page's language (its row, once the
      // list has come: before, the table shows only its empty row).
      const title = en
        ? 'JD Home × OPPO national key-account partnership agreement'
        : '京东之家 × OPPO 全国重点客户战略合作协议';
      const row = page.locator('.ant-table-tbody tr', { hasText: title }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(en ? 'OPPO × JD Home' : 'OPPO × 京东之家');
      await row.click();
      expect(await page.locator('[data-testid=settlement]').textContent()).toBe(
        en
          ? 'The retailer earns 8% of what its stores sell and deliver'
          : '零售商获得其门店售出及配送商品金额的 8%',
      );
      await page.context().close();
    });
});
