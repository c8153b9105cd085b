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

describe.skipIf(!haveChromium)('the operator reconciles a day in the console', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 120_000);
  afterAll(() => world?.close());

  for (const lang of ['en', 'zh-CN'] as const)
    it(`reconciles yesterday twice and keeps one row for it, its figures labelled (${lang})`, async () => {
      const page = await world.page(lang);
      await world.signIn(page, 'operator@flywheel.demo');
      await page.click(lang === 'en' ? 'text=Ledger' : 'text=资金账本');
      await page.click(`.ant-tabs-tab:has-text("${lang === 'en' ? 'Daily reconciliation' : '每日对账'}")`);
      const yesterday = chinaDay(new Date(world.fw.rt.clock.now().getTime() - 86_400_000));
      const run = lang === 'en' ? 'Reconcile a day' : '对账';
      for (let i = 0; i < 2; i++) {
        await page.fill('.ant-picker input', yesterday);
        await page.press('.ant-picker input', 'Enter');
        await page.click(`button:has-text("${run}")`);
        await page.waitForSelector(`td:has-text("${yesterday}")`);
      }
      await page.waitForSelector(`text=${lang === 'en' ? 'Orders paid' : '已支付订单'}`);
      expect(await page.locator(`tr:has(td:text-is("${yesterday}"))`).count()).toBe(1);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${artifacts}/operator-reconciliation-${lang}.png`, fullPage: true });
      await page.context().close();
    });
});
