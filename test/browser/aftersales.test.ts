import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  type BrowserWorld,
  choose,
  haveChromium,
  phone,
  requireChromium,
  startBrowserWorld,
} from '../support/browser.js';

requireChromium();

/**
 * Fake one, pay ten end to end (issue 12): the shopper claims a counterfeit on the storefront,
 * the merchant rejects it in the console, the shopper escalates, the operator rules counterfeit,
 * the shopper sees the refund and ten times the price, and the merchant's ledger the deposit drawn.
 */
describe.skipIf(!haveChromium)('a counterfeit claim, rejected, escalated and ruled', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
  }, 120_000);
  afterAll(() => world?.close());

  /** A delivered OPPO order of the demo shopper that has no claim yet. */
  async function unclaimedOrder() {
    const db = world.fw.rt.db;
    const claimed = (await db.selectFrom('aftersales_claim').select('order_id').execute()).map(
      (c) => c.order_id,
    );
    const orders = await db
      .selectFrom('orders_order')
      .select(['id', 'subtotal'])
      .where('status', '=', 'delivered')
      .where('subtotal', '>', 100_000)
      .orderBy('placed_at', 'desc')
      .execute();
    return orders.find((o) => !claimed.includes(o.id))!;
  }

  for (const lang of ['zh-CN', 'en'] as const)
    it(`pays the refund and ten times the price, from the deposit (${lang})`, async () => {
      const en = lang === 'en';
      const order = await unclaimedOrder();
      const price = Number(order.subtotal);
      const yuan = (fen: number) =>
        `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

      // The shopper, on a phone: the order's after-sales, a counterfeit.
      const shopper = await world.page(lang, phone);
      await world.signInShopper(shopper);
      await shopper.goto(`${world.base}/shop/orders/${order.id}`);
      await shopper.click('[data-testid=apply-claim]');
      await shopper.waitForSelector('[data-testid=claim-line]');
      await shopper.click(`[data-testid=claim-kind] label:has-text("${en ? 'Counterfeit' : '假货投诉'}")`);
      await choose(shopper, '[data-testid=claim-reason]', en ? 'Not genuine' : '疑似假货');
      await shopper.fill(
        'textarea',
        en ? 'The serial number is unknown to the official site' : '序列号在官网查询不到',
      );
      await shopper.click('[data-testid=claim-submit]');
      await shopper.waitForSelector('[data-testid=claim-status][data-status=awaiting_merchant]');
      const code = (await shopper.textContent('[data-testid=claim-code]'))!;
      await shopper.screenshot({ path: `${artifacts}/claim-counterfeit-${lang}.png`, fullPage: true });

      // The merchant rejects it, with its reason.
      const merchant = await world.page(lang);
      await world.signIn(merchant, 'brand@oppo.demo');
      await merchant.goto(`${world.base}/claims`);
      await merchant.click(`[data-testid=claims] tr:has-text("${code}")`);
      await merchant.click('[data-testid=reject]');
      await merchant.fill(
        '[data-testid=move-reason]',
        en ? 'Genuine: inspection report attached' : '正品,附验机报告',
      );
      await merchant.click('.ant-modal .ant-btn-primary');
      await merchant.waitForSelector(
        '[data-testid=claim-drawer] [data-testid=claim-status][data-status=rejected]',
      );

      // The shopper escalates.
      await shopper.reload();
      await shopper.click('[data-testid=escalate]');
      await shopper.waitForSelector('[data-testid=claim-status][data-status=escalated]');

      // The operator rules it counterfeit.
      const operator = await world.page(lang);
      await world.signIn(operator, 'operator@flywheel.demo');
      await operator.goto(`${world.base}/claims`);
      await operator.click(`[data-testid=claims] tr:has-text("${code}")`);
      await operator.click('[data-testid=rule-for-shopper]');
      await operator.fill(
        '[data-testid=move-reason]',
        en ? 'Found counterfeit by the brand’s lab' : '经鉴定为假冒',
      );
      await operator.check('[data-testid=found-counterfeit]');
      await operator.click('.ant-modal .ant-btn-primary');
      await operator.waitForSelector(
        '[data-testid=claim-drawer] [data-testid=claim-status][data-status=refunded]',
      );
      expect(await operator.textContent('[data-testid=drawer-compensated]')).toBe(yuan(10 * price));
      await operator.screenshot({ path: `${artifacts}/claim-ruled-${lang}.png`, fullPage: true });

      // The shopper sees the refund and ten times the price.
      await shopper.reload();
      await shopper.waitForSelector('[data-testid=claim-status][data-status=refunded]');
      expect(await shopper.textContent('[data-testid=claim-refunded] strong')).toBe(yuan(price));
      expect(await shopper.textContent('[data-testid=claim-compensated] strong')).toBe(yuan(10 * price));
      await shopper.screenshot({ path: `${artifacts}/claim-paid-${lang}.png`, fullPage: true });

      // The merchant's ledger: the deposit drawn for the compensation.
      await merchant.goto(`${world.base}/ledger`);
      await merchant.click(`.ant-tabs-tab:has-text("${en ? 'Statement' : '流水'}")`);
      const drawn = merchant.locator(
        `tr:has(td:text-is("${en ? 'Merchant deposit' : '商家保证金'}")):has(.ant-tag:text-is("${en ? 'Compensation' : '赔付'}"))`,
      );
      await drawn.first().waitFor();
      await merchant.screenshot({ path: `${artifacts}/claim-ledger-${lang}.png`, fullPage: true });
      for (const p of [shopper, merchant, operator]) await p.context().close();
    });
});
