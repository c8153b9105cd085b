import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateDaily } from '../../src/modules/trust/index.js';
import { demoTiers } from '../../src/modules/trust/seed.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenPlatform } from '../support/builders.js';
import { checkout, givenShop, givenShopper, payInSandbox, type Shop } from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/**
 * Trust Card tiers (issue 12, item 1-2): the operator defines them, a brand holds the best one
 * its deposit (and later its score) earns, with the reason; every order keeps the rights it was
 * placed under (DESIGN §6.5); deposits are paid in through the ledger.
 */
describe('Trust Card tiers and deposits', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let operator: TestClient;
  let shop: Shop;
  let shopper: TestClient;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T06:00:00Z');
    fw = await startFlywheel({ clock });
    operator = await givenMember(fw, (await givenPlatform(fw)).orgId, 'admin');
    for (const tier of demoTiers)
      expect((await operator.post('/api/trust/tiers', tier)).statusCode).toBe(201);
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
  });
  afterEach(() => fw.cleanup());

  const brandId = async () => (await shop.brand.get('/api/auth/me')).json().org.id as string;
  const standing = async () => (await shop.brand.get(`/api/trust/shops/${await brandId()}`)).json();
  const ledgerSum = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.sum<number>('amount').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
  async function paidOrder() {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    expect(order.statusCode, order.body).toBe(201);
    await payInSandbox(fw, order.json().payment.id);
    return order.json().id as string;
  }

  it('raises a brand to the tier its deposit earns, says why, and what the next tier lacks', async () => {
    const paid = await shop.brand.post('/api/trust/deposits', {
      amount: 1_000_000,
      source: 'transfer',
      reference: 'ICBC 001',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ depositFen: 1_000_000, tier: { code: 'silver' } });
    const s = await standing();
    expect(s).toMatchObject({ tier: { code: 'silver' }, depositFen: 1_000_000, debtFen: 0 });
    // A new shop has no score yet: it is not held against it, and the reason says so.
    expect(s.reason.checks).toEqual([
      { rule: 'deposit', need: 1_000_000, have: 1_000_000, met: true, pending: false },
      { rule: 'score', need: 4.5, have: null, met: true, pending: true },
      { rule: 'dispute_rate', need: 100, have: null, met: true, pending: true },
    ]);
    expect(s.reason.next).toEqual({
      tier: 'gold',
      missing: [{ rule: 'deposit', need: 5_000_000, have: 1_000_000, met: false, pending: false }],
    });
    expect(s.evaluations.map((e: any) => [e.from?.code ?? null, e.to?.code, e.cause])).toEqual([
      ['basic', 'silver', 'deposit'],
      [null, 'basic', 'onboarded'],
    ]);
    expect(s.deposits).toMatchObject([{ amount: 1_000_000, source: 'transfer', reference: 'ICBC 001' }]);
    // The money is in the ledger, balanced: the platform's bank holds it, the brand's deposit is owed back.
    const balances = (await shop.brand.get('/api/ledger/balances')).json().items;
    expect(balances).toContainEqual(
      expect.objectContaining({ account: 'merchant_deposit', balance: -1_000_000 }),
    );
    expect(await ledgerSum()).toBe(0);
    // The storefront's card says the same.
    const card = (
      await new (shopper.constructor as any)(fw.app).get(`/api/shop/brands/${await brandId()}/trust`)
    ).json();
    expect(card).toMatchObject({ tier: { code: 'silver' }, rights: { returnShipping: { capFen: 1_200 } } });
  });

  it('pays a deposit out of the payable only up to what the platform owes, under racing payments', async () => {
    const short = await shop.brand.post('/api/trust/deposits', { amount: 1, source: 'payable' });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ code: 'trust.payable_short', errors: [{ field: 'amount' }] });
    expect((await standing()).deposits).toEqual([]);
    await paidOrder();
    await paidOrder();
    // Two orders of ¥2,999.00 are owed to the brand: eight racing payments of ¥1,500.00 from it, two fit.
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        shop.brand.post(
          '/api/trust/deposits',
          { amount: 299_900, source: 'payable' },
          { 'idempotency-key': `dep-${i}` },
        ),
      ),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 201, 409, 409, 409, 409, 409, 409]);
    const s = await standing();
    expect(s).toMatchObject({ depositFen: 599_800, payableFen: 0 });
    expect(await ledgerSum()).toBe(0);
  });

  it('keeps the rights an order was placed under when the tier changes or the shop drops', async () => {
    await shop.brand.post('/api/trust/deposits', { amount: 5_000_000, source: 'transfer' });
    const before = await paidOrder();
    const gold = (await operator.get('/api/trust/tiers')).json().items.find((t: any) => t.code === 'gold');
    expect(gold.shops).toBe(1);
    // The operator makes gold stricter: the shop drops to silver, and gold's rights shrink.
    const changed = await operator.patch(`/api/trust/tiers/${gold.id}`, {
      name: '金牌信任卡(新)',
      qualification: { ...gold.qualification, minDepositFen: 8_000_000 },
      rights: { ...gold.rights, fakeOnePayTen: { multiple: 3 } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await standing()).tier.code).toBe('silver');
    const after = await paidOrder();
    const placedUnderGold = (await shopper.get(`/api/shop/orders/${before}/rights`)).json();
    expect(placedUnderGold).toMatchObject({
      tier: { code: 'gold', name: '金牌信任卡', nameEn: 'Gold Trust Card' },
      rights: {
        fakeOnePayTen: { multiple: 10 },
        noReasonReturn: { days: 15 },
        lateDelivery: { fixedFen: 1_000 },
      },
    });
    expect((await shopper.get(`/api/shop/orders/${after}/rights`)).json()).toMatchObject({
      tier: { code: 'silver' },
      rights: { fakeOnePayTen: null, noReasonReturn: { days: 7 } },
    });
    // The brand reads its orders' rights; another shopper and another brand do not.
    expect((await shop.brand.get(`/api/trust/orders/${before}/rights`)).json().tier.code).toBe('gold');
    expect((await (await givenShopper(fw)).get(`/api/shop/orders/${before}/rights`)).statusCode).toBe(404);
    const other = await givenShop(fw);
    expect((await other.brand.get(`/api/trust/orders/${before}/rights`)).statusCode).toBe(404);
    expect((await other.brand.get(`/api/trust/shops/${await brandId()}`)).statusCode).toBe(404);
  });

  it('gives every order the baseline rights where no tier is met', async () => {
    for (const t of (await operator.get('/api/trust/tiers')).json().items)
      await operator.patch(`/api/trust/tiers/${t.id}`, { active: false });
    const id = await paidOrder();
    expect((await shopper.get(`/api/shop/orders/${id}/rights`)).json()).toMatchObject({
      tier: null,
      rights: { noReasonReturn: { days: 7, excludedCategories: [] }, fakeOnePayTen: null },
    });
  });

  it('judges every brand once a day, and only the operator defines tiers', async () => {
    const tier = { ...demoTiers[1], code: 'bronze', rank: 5 };
    expect((await shop.brand.post('/api/trust/tiers', tier)).statusCode).toBe(403);
    const taken = await operator.post('/api/trust/tiers', { ...tier, rank: 10 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'trust.rank_taken', errors: [{ field: 'rank' }] });
    const dup = await operator.post('/api/trust/tiers', { ...tier, code: 'silver' });
    expect(dup.json()).toMatchObject({ code: 'trust.code_taken', errors: [{ field: 'code' }] });
    const twice = await operator.post('/api/trust/tiers', {
      ...tier,
      rights: { ...tier.rights, noReasonReturn: { days: 7, excludedCategories: ['phone', 'phone'] } },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toMatch(/excludedCategories/);
    expect((await operator.get('/api/trust/tiers')).json().items.map((t: any) => t.code)).toEqual([
      'gold',
      'silver',
      'basic',
    ]);
    // Every brand was judged when it was onboarded; the daily round judges each again once a day.
    expect(await evaluateDaily(fw.rt)).toBe(0);
    clock.advance(86_400_000);
    expect(await evaluateDaily(fw.rt)).toBe(1);
    expect(await evaluateDaily(fw.rt)).toBe(0);
  });
});
