import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepClaims } from '../../src/modules/aftersales/index.js';
import { simulateCouriers } from '../../src/modules/fulfilment/index.js';
import { stockFindings } from '../../src/modules/inventory/index.js';
import { reconcile } from '../../src/modules/orders/index.js';
import { demoTiers } from '../../src/modules/trust/seed.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenPlatform, password } from '../support/builders.js';
import {
  checkout,
  givenShop,
  givenShopper,
  notify,
  payInSandbox,
  type Shop,
  signedNotice,
} from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/**
 * After-sales claims (issue 12, item 3) with the Trust Card rights their order was placed under:
 * each right's arithmetic to the fen, the deposit drawn and advanced, deadlines on the clock,
 * racing moves paying once, and the ledger balanced after each.
 */
describe('after-sales claims and the rights they are paid by', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let operator: TestClient;
  let shop: Shop;
  let shopper: TestClient & { email: string };
  let staff: TestClient;
  const price = 299_900;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T06:00:00Z'); // 14:00 in Beijing
    fw = await startFlywheel({ clock });
    operator = await givenMember(fw, (await givenPlatform(fw)).orgId, 'admin');
    for (const tier of demoTiers)
      expect((await operator.post('/api/trust/tiers', tier)).statusCode).toBe(201);
    shop = await givenShop(fw);
    staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    shopper = await givenShopper(fw);
  });
  afterEach(async () => {
    expect(await ledgerSum()).toBe(0);
    expect(await stockFindings(fw.rt.db)).toEqual([]);
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });

  const ledgerSum = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.sum<number>('amount').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
  const tier = async (code: string) =>
    (await operator.get('/api/trust/tiers')).json().items.find((t: any) => t.code === code);
  const patchTier = async (code: string, change: Record<string, unknown>) => {
    const t = await tier(code);
    const r = await operator.patch(`/api/trust/tiers/${t.id}`, change);
    expect(r.statusCode, r.body).toBe(200);
  };
  const deposit = (amount: number) => shop.brand.post('/api/trust/deposits', { amount, source: 'transfer' });
  const brandId = async () => (await shop.brand.get('/api/auth/me')).json().org.id as string;
  const standing = async () => (await shop.brand.get(`/api/trust/shops/${await brandId()}`)).json();
  const move = (id: string, to: string, extra: Record<string, unknown> = {}) =>
    staff.post(`/api/fulfilment/shipments/${id}/moves`, { to, ...extra });

  /** A paid one-hour order of one unit, delivered by the courier on its promise unless `late`. */
  async function deliveredOrder(opts: { late?: boolean; deliver?: boolean } = {}) {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    await payInSandbox(fw, order.json().payment.id);
    const o = (await shopper.get(`/api/shop/orders/${order.json().id}`)).json();
    if (opts.deliver === false) return o;
    const [s] = o.shipments;
    for (const to of ['picking', 'ready']) expect((await move(s.id, to)).statusCode).toBe(200);
    await move(s.id, 'out_for_delivery', { courier: { name: '李师傅' } });
    clock.advance(
      opts.late ? Date.parse(s.promiseAt) - clock.now().getTime() + 10 * 60_000 : s.etaMinutes * 60_000,
    );
    expect(await simulateCouriers(fw.rt)).toBe(1);
    return (await shopper.get(`/api/shop/orders/${o.id}`)).json();
  }
  /** Days on the clock outlast a session: sign in again, as the shopper would. */
  const later = async (ms: number) => {
    clock.advance(ms);
    await shopper.loginShopper(shopper.email, password);
  };
  const claim = (o: any, kind: string, reason: string, extra: Record<string, unknown> = {}) =>
    shopper.post('/api/shop/claims', {
      orderId: o.id,
      kind,
      reason,
      lines: [{ orderLineId: o.lines[0].id, quantity: 1 }],
      ...extra,
    });
  const refunds = async (paymentId: string) =>
    (
      await fw.rt.db
        .selectFrom('payments_refund')
        .select('amount')
        .where('payment_id', '=', paymentId)
        .execute()
    ).map((r) => Number(r.amount));
  const transfers = async (paymentId: string) =>
    (
      await fw.rt.db
        .selectFrom('payments_transfer')
        .select('amount')
        .where('payment_id', '=', paymentId)
        .execute()
    ).map((r) => Number(r.amount));

  it('fake one, pay ten: the merchant rejects, the shopper escalates, the operator rules counterfeit', async () => {
    await deposit(5_000_000);
    const o = await deliveredOrder();
    const opened = await claim(o, 'counterfeit', 'counterfeit', { description: '序列号查无此机' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ status: 'awaiting_merchant', refundFen: price, kind: 'counterfeit' });
    // The merchant has 36 hours to answer a claim after shipment.
    expect(Date.parse(c.dueAt) - clock.now().getTime()).toBe(36 * 3_600_000);
    // The thread between them, and nobody else.
    expect((await shopper.post(`/api/shop/claims/${c.id}/messages`, { body: '附开箱视频' })).statusCode).toBe(
      201,
    );
    expect(
      (await shop.brand.post(`/api/aftersales/claims/${c.id}/messages`, { body: '请提供序列号照片' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await (await givenShopper(fw)).post(`/api/shop/claims/${c.id}/messages`, { body: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await shopper.get(`/api/shop/claims/${c.id}`)).json().messages.map((m: any) => [m.author, m.body]),
    ).toEqual([
      ['shopper', '附开箱视频'],
      ['merchant', '请提供序列号照片'],
    ]);
    const noReason = await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({
      code: 'aftersales.missing_field',
      errors: [{ field: 'reason' }],
    });
    const rejected = await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, {
      move: 'reject',
      reason: '正品,附官方验机报告',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: '正品,附官方验机报告' });
    // A tier changed after purchase does not change this order's rights (DESIGN §6.5).
    await patchTier('gold', { rights: { ...(await tier('gold')).rights, fakeOnePayTen: { multiple: 3 } } });
    expect((await shopper.post(`/api/shop/claims/${c.id}/moves`, { move: 'escalate' })).json().status).toBe(
      'escalated',
    );
    // Only the operator rules.
    expect(
      (
        await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, {
          move: 'rule_for_merchant',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const ruled = await operator.post(`/api/aftersales/claims/${c.id}/moves`, {
      move: 'rule_for_shopper',
      reason: '鉴定为假冒',
      counterfeit: true,
    });
    expect(ruled.statusCode, ruled.body).toBe(200);
    // Refund of ¥2,999.00 plus 10 × ¥2,999.00 = ¥29,990.00 from the deposit.
    expect(ruled.json()).toMatchObject({
      status: 'refunded',
      refundedFen: price,
      compensatedFen: 10 * price,
      verdict: 'for_shopper',
      counterfeit: true,
    });
    expect(ruled.json().history.map((h: any) => h.to)).toEqual([
      'awaiting_merchant',
      'rejected',
      'escalated',
      'approved',
      'refunded',
    ]);
    expect(await refunds(o.payment.id)).toEqual([price]);
    expect(await transfers(o.payment.id)).toEqual([10 * price]);
    // The deposit is drawn and falls below gold's ¥50,000: the shop drops to silver.
    const s = await standing();
    expect(s).toMatchObject({ depositFen: 5_000_000 - 10 * price, debtFen: 0, tier: { code: 'silver' } });
    expect(s.evaluations[0]).toMatchObject({
      from: { code: 'gold' },
      to: { code: 'silver' },
      cause: 'claim',
    });
  });

  it('advances a compensation beyond the deposit as debt, drops the tier, and nets it from the next payable', async () => {
    await patchTier('gold', {
      qualification: { minDepositFen: 1_000_000, minScore: null, maxDisputeRateBp: null },
    });
    await deposit(1_000_000);
    expect((await standing()).tier.code).toBe('gold');
    const o = await deliveredOrder();
    const c = (await claim(o, 'counterfeit', 'counterfeit')).json();
    const approved = await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'approve' });
    // The merchant concedes: ¥29,990.00, of which ¥10,000.00 from the deposit and ¥19,990.00 advanced.
    expect(approved.json()).toMatchObject({ status: 'refunded', compensatedFen: 10 * price });
    expect(await standing()).toMatchObject({
      depositFen: 0,
      debtFen: 10 * price - 1_000_000,
      tier: { code: 'basic' },
    });
    const card = (await shopper.get(`/api/shop/brands/${await brandId()}/trust`)).json();
    expect(card.tier.code).toBe('basic');
    // The next order's payment pays into the payable; the debt takes it.
    await deliveredOrder({ deliver: false });
    await fw.relay.drain();
    expect(await standing()).toMatchObject({ debtFen: 10 * price - 1_000_000 - price, payableFen: 0 });
  });

  it('a no-reason return: approved, sent back with its freight, received into stock, refunded with the freight up to the cap', async () => {
    await deposit(1_000_000); // silver: return freight up to ¥12.00
    const o = await deliveredOrder();
    const c = (await claim(o, 'return_refund', 'no_reason')).json();
    expect(c.status).toBe('awaiting_merchant');
    const approved = (
      await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'approve' })
    ).json();
    expect(approved.status).toBe('awaiting_return');
    expect(Date.parse(approved.dueAt) - clock.now().getTime()).toBe(7 * 86_400_000);
    const noTracking = await shopper.post(`/api/shop/claims/${c.id}/moves`, { move: 'ship_return' });
    expect(noTracking.json()).toMatchObject({ errors: [{ field: 'tracking' }] });
    const sent = await shopper.post(`/api/shop/claims/${c.id}/moves`, {
      move: 'ship_return',
      tracking: 'SF1234567890',
      freightFen: 1_800,
    });
    expect(sent.json().status).toBe('returning');
    const onHand = async () =>
      Number(
        (
          await fw.rt.db
            .selectFrom('inventory_level')
            .select('on_hand')
            .where('location_id', '=', o.lines[0].locationId ?? shop.stores.sanlitun.locationId)
            .where('sku_id', '=', shop.skus[0])
            .executeTakeFirstOrThrow()
        ).on_hand,
      );
    const before = await onHand();
    const received = await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, {
      move: 'receive',
      condition: 'sellable',
    });
    expect(received.json().status).toBe('received');
    expect(await onHand()).toBe(before + 1);
    const refunded = (
      await shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'refund' })
    ).json();
    // ¥2,999.00 back, and ¥12.00 of the ¥18.00 freight (the cap).
    expect(refunded).toMatchObject({ status: 'refunded', refundedFen: price, compensatedFen: 1_200 });
    expect(await transfers(o.payment.id)).toEqual([1_200]);
    // A second claim on the refunded line is refused, naming the line.
    const again = await claim(o, 'refund_only', 'damaged');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'aftersales.quantity_exceeds',
      errors: [{ field: 'lines[0].quantity' }],
    });
  });

  it('runs on the clock: a merchant that does not answer sees it approved, a shopper that does not return sees it closed', async () => {
    const o = await deliveredOrder();
    const c = (await claim(o, 'return_refund', 'damaged')).json();
    clock.advance(36 * 3_600_000 - 1_000);
    expect(await sweepClaims(fw.rt)).toBe(0);
    await later(1_000);
    expect(await sweepClaims(fw.rt)).toBe(1);
    expect((await shopper.get(`/api/shop/claims/${c.id}`)).json().status).toBe('awaiting_return');
    await later(7 * 86_400_000);
    expect(await sweepClaims(fw.rt)).toBe(1);
    const closed = (await shopper.get(`/api/shop/claims/${c.id}`)).json();
    expect(closed.status).toBe('closed');
    expect(closed.history.map((h: any) => [h.move, h.by])).toEqual([
      ['await_merchant', 'system'],
      ['review_lapsed', 'system'],
      ['ask_return', 'system'],
      ['return_lapsed', 'system'],
    ]);
    expect(await refunds(o.payment.id)).toEqual([]);
    // Closed without a refund, the line may be claimed again.
    expect((await claim(o, 'return_refund', 'damaged')).statusCode).toBe(201);
  });

  it('fast refund and late delivery are paid at once, by the rights as placed', async () => {
    await deposit(5_000_000);
    await patchTier('gold', { rights: { ...(await tier('gold')).rights, fastRefund: { maxFen: 300_000 } } });
    const late = await deliveredOrder({ late: true });
    // Delivered ten minutes after its promise: ¥10.00, with nobody asking.
    const auto = (await shopper.get('/api/shop/claims')).json().items;
    expect(auto).toMatchObject([
      { kind: 'late_delivery', status: 'refunded', refundedFen: 0, compensatedFen: 1_000 },
    ]);
    expect(await transfers(late.payment.id)).toEqual([1_000]);
    const fast = await claim(late, 'refund_only', 'damaged');
    expect(fast.json()).toMatchObject({ status: 'refunded', refundedFen: price, compensatedFen: 0 });
    expect(fast.json().history.map((h: any) => h.move)).toEqual(['approve_at_once', 'refund']);
    expect((await standing()).depositFen).toBe(5_000_000 - 1_000);
  });

  it('refunds without a return at once for a shopper of standing, and asks the merchant for a new one', async () => {
    await deposit(5_000_000);
    await patchTier('gold', {
      rights: {
        ...(await tier('gold')).rights,
        fastRefund: null,
        refundWithoutReturn: { maxOrderFen: 500_000 },
      },
    });
    // Forty days on, an account with no claims has standing: refunded at once, no return asked.
    await later(40 * 86_400_000);
    await shop.brand.login(shop.brand.email, password);
    await staff.login((staff as TestClient & { email: string }).email, password);
    const o = await deliveredOrder();
    const c = (await claim(o, 'refund_only', 'not_as_described')).json();
    expect(c).toMatchObject({ status: 'refunded', refundedFen: price, compensatedFen: 0 });
    expect(c.history.map((h: any) => h.move)).toEqual(['approve_at_once', 'refund']);
    // A new account: the merchant decides.
    shopper = await givenShopper(fw);
    const young = await deliveredOrder();
    const asked = (await claim(young, 'refund_only', 'not_as_described')).json();
    expect(asked.status).toBe('awaiting_merchant');
  });

  it('has no no-reason return for a category the rights exclude, and still takes a defect', async () => {
    await patchTier('basic', {
      rights: { ...(await tier('basic')).rights, noReasonReturn: { days: 7, excludedCategories: ['phone'] } },
    });
    const o = await deliveredOrder();
    const excluded = await claim(o, 'return_refund', 'no_reason');
    expect(excluded.statusCode).toBe(422);
    expect(excluded.json()).toMatchObject({
      code: 'aftersales.category_excluded',
      errors: [{ field: 'lines[0].orderLineId' }],
    });
    expect((await claim(o, 'return_refund', 'damaged')).json().status).toBe('awaiting_merchant');
  });

  it('pays once under 32 racing approvals, and two racing claims on one line never hold more than was paid', async () => {
    await deposit(5_000_000);
    const o = await deliveredOrder();
    const [a, b] = await Promise.all([
      claim(o, 'counterfeit', 'counterfeit'),
      claim(o, 'counterfeit', 'counterfeit'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const c = (a.statusCode === 201 ? a : b).json();
    const tries = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        i % 2 === 0
          ? shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'approve' })
          : shop.brand.post(`/api/aftersales/claims/${c.id}/moves`, { move: 'refund' }),
      ),
    );
    expect(tries.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(tries.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    expect(await refunds(o.payment.id)).toEqual([price]);
    expect(await transfers(o.payment.id)).toEqual([10 * price]);
    expect((await standing()).depositFen).toBe(5_000_000 - 10 * price);
  });

  it('gives the merchant its claims to handle by deadline, the most pressing first, page by page', async () => {
    const first = await deliveredOrder();
    const second = await deliveredOrder();
    const sooner = (await claim(second, 'refund_only', 'damaged')).json();
    clock.advance(60_000);
    const later = (await claim(first, 'return_refund', 'damaged')).json();
    const page1 = (await shop.brand.get('/api/aftersales/claims?group=handle&limit=1')).json();
    expect(page1.items.map((c: any) => c.id)).toEqual([sooner.id]);
    const page2 = (
      await shop.brand.get(`/api/aftersales/claims?group=handle&limit=1&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2).toMatchObject({ items: [{ id: later.id }], nextCursor: null });
    const forged = await shop.brand.get('/api/aftersales/claims?group=handle&cursor=eyJhdCI6IngnIn0');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].field).toBe('cursor');
  });

  it('refuses a claim on another shopper’s order, before shipment, after the window, on a line not in the order', async () => {
    const o = await deliveredOrder();
    const stranger = await givenShopper(fw);
    const theirs = await stranger.post('/api/shop/claims', {
      orderId: o.id,
      kind: 'refund_only',
      reason: 'damaged',
      lines: [{ orderLineId: o.lines[0].id, quantity: 1 }],
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().errors[0].field).toBe('orderId');
    const notLine = await claim(o, 'refund_only', 'damaged', {
      lines: [{ orderLineId: 'oln_00000000000000000000000000', quantity: 1 }],
    });
    expect(notLine.json()).toMatchObject({
      code: 'aftersales.line_not_in_order',
      errors: [{ field: 'lines[0].orderLineId' }],
    });
    const twice = await claim(o, 'refund_only', 'damaged', {
      lines: [
        { orderLineId: o.lines[0].id, quantity: 1 },
        { orderLineId: o.lines[0].id, quantity: 1 },
      ],
    });
    expect(twice.json()).toMatchObject({
      code: 'aftersales.line_twice',
      errors: [{ field: 'lines[1].orderLineId' }],
    });
    // A claim asks for lines, never an amount: what it refunds is what they were paid.
    const asking = await claim(o, 'refund_only', 'damaged', { amount: price + 1 });
    expect(asking.statusCode).toBe(400);
    expect(JSON.stringify(asking.json().errors)).toContain('amount');
    const tooMany = await claim(o, 'refund_only', 'damaged', {
      lines: [{ orderLineId: o.lines[0].id, quantity: 2 }],
    });
    expect(tooMany.json().errors[0].field).toBe('lines[0].quantity');
    const waiting = await deliveredOrder({ deliver: false });
    expect((await claim(waiting, 'refund_only', 'damaged')).json()).toMatchObject({
      code: 'aftersales.not_shipped',
    });
    // Seven days and a minute after delivery, a no-reason return is over (basic: 7 days).
    await later(7 * 86_400_000 + 60_000);
    const late = await claim(o, 'return_refund', 'no_reason');
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'aftersales.window_closed', errors: [{ field: 'reason' }] });
    expect((await shopper.get('/api/shop/claims')).json().items).toEqual([]);
    // A refund notification forged without the provider's key changes nothing.
    const forged = signedNotice(
      fw,
      {
        id: 'sbn_forged',
        create_time: clock.now().toISOString(),
        event_type: 'REFUND.SUCCESS',
        resource: {
          out_trade_no: o.payment.id,
          transaction_id: '4200forged',
          amount: { total: price, currency: 'CNY' },
          success_time: clock.now().toISOString(),
        },
      },
      { key: 'not-the-sandbox-key' },
    );
    expect((await notify(fw, forged)).statusCode).toBe(401);
    expect(await refunds(o.payment.id)).toEqual([]);
    expect((await shopper.get(`/api/shop/orders/${o.id}`)).json().payment.refunded).toBe(0);
  });
});
