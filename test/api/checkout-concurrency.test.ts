import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireUnpaidOrders, reconcile } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import {
  checkout,
  givenShop,
  givenShopper,
  homeAddress,
  notify,
  type Shop,
  signedNotice,
  successNotice,
} from '../support/checkout.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/**
 * DESIGN §6 invariants 2, 3 and 4 under 64 concurrent shoppers, on whichever engine
 * DATABASE_URL names (the suite runs on SQLite and, in CI, on PostgreSQL).
 */
describe('checkout under 64 concurrent shoppers of one SKU', () => {
  let fw: TestFlywheel;
  let shop: Shop;
  beforeEach(async () => {
    fw = await startFlywheel({
      clock: new ManualClock('2026-11-26T06:00:00Z'),
      config: { loginRatePerMinute: 100_000 },
    });
    // 10 units in the warehouse and in each of three stores: 40 in all.
    shop = await givenShop(fw, { stock: 10 });
  });
  afterEach(() => fw.cleanup());

  it('never sells more than there was, books every payment once, and keeps stock and money balanced', async () => {
    const sku = shop.skus[0];
    const shoppers = await Promise.all(Array.from({ length: 64 }, () => givenShopper(fw)));
    const results = await Promise.all(
      shoppers.map(async (shopper, i) => {
        const { cartId, order } = await checkout(shopper, {
          channelId: shop.channelId,
          lines: [{ skuId: sku, quantity: 1 }],
          mode: i % 2 === 0 ? 'hour' : 'standard',
          address: homeAddress,
          key: `order-${i}`,
        });
        if (order.statusCode !== 201) return { status: order.statusCode, code: order.json().code as string };
        const o = order.json();
        // The provider notifies twice at once, as a lost acknowledgement makes it do.
        const notice = signedNotice(fw, successNotice(o.payment, `sbn_${i}`));
        const answers = await Promise.all([notify(fw, notice), notify(fw, notice)]);
        // A retried placement with the same key answers the same order.
        const again = await shopper.post('/api/shop/orders', { cartId }, { 'idempotency-key': `order-${i}` });
        return {
          status: 201,
          id: o.id as string,
          answers: answers.map((a) => a.statusCode),
          replay: again.statusCode === 201 ? (again.json().id as string) : null,
        };
      }),
    );
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThanOrEqual(40);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(['orders.hour_unavailable', 'orders.out_of_stock', 'inventory.insufficient_stock']).toContain(
        r.code,
      );
    }
    for (const r of placed) {
      expect(r.answers).toEqual([200, 200]);
      expect(r.replay).toBe(r.id);
    }
    await expireUnpaidOrders(fw.rt);

    const sold = await fw.rt.db
      .selectFrom('inventory_movement')
      .select((eb) => eb.fn.sum<number>('quantity').as('n'))
      .where('sku_id', '=', sku)
      .where('kind', '=', 'sale')
      .executeTakeFirstOrThrow();
    const paid = await fw.rt.db
      .selectFrom('orders_order')
      .innerJoin('orders_line', 'orders_line.order_id', 'orders_order.id')
      .select((eb) => eb.fn.sum<number>('orders_line.quantity').as('n'))
      .where('orders_order.status', '=', 'routed')
      .where('orders_line.sku_id', '=', sku)
      .executeTakeFirstOrThrow();
    expect(-Number(sold.n)).toBe(placed.length);
    expect(Number(paid.n)).toBe(placed.length);
    const taken = await fw.rt.db
      .selectFrom('ledger_transaction')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'payment')
      .executeTakeFirstOrThrow();
    expect(Number(taken.n)).toBe(placed.length);
    const r = await reconcile(fw.rt.db);
    expect(r.findings).toEqual([]);
    expect(r.figures).toMatchObject({ paidOrders: placed.length, paidAmount: placed.length * shop.price });
  }, 120_000);
});
