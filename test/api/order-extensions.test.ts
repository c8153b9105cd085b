import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { DomainError } from '../../src/platform/errors.js';
import { givenMember, givenOrg, givenShopper } from '../support/builders.js';
import { checkout, givenShop, payInSandbox, type Shop } from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('order extension points: price adjusters and placement contributors', () => {
  let fw: TestFlywheel;
  let shop: Shop;
  let shopper: TestClient;
  beforeEach(async () => {
    fw = await startFlywheel({ clock: new ManualClock('2026-11-26T06:00:00Z') });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
  });
  afterEach(async () => {
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });

  const rows = (table: 'orders_order' | 'growth_order_source' | 'inventory_reservation') =>
    fw.rt.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();

  it('records where each order was placed from, shows it to its brand only, and names a bad source', async () => {
    const searched = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      placement: { source: 'search', sourceRef: 'find x5' },
    });
    expect(searched.order.statusCode).toBe(201);
    const orderId = searched.order.json().id;
    const source = await shop.brand.get(`/api/growth/order-sources/${orderId}`);
    expect(source.json()).toMatchObject({
      orderId,
      channelId: shop.channelId,
      channelKind: 'online',
      source: 'search',
      ref: 'find x5',
    });
    const stranger = await givenMember(fw, await givenOrg(fw, 'brand'), 'owner');
    expect((await stranger.get(`/api/growth/order-sources/${orderId}`)).statusCode).toBe(404);

    const direct = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[1], quantity: 1 }],
    });
    expect((await shop.brand.get(`/api/growth/order-sources/${direct.order.json().id}`)).json().source).toBe(
      'direct',
    );

    const before = await rows('orders_order');
    const bad = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      placement: { source: 'billboard' },
    });
    expect(bad.order.statusCode).toBe(400);
    expect(bad.order.json().errors.map((e: { field: string }) => e.field)).toContain('source');
    expect(await rows('orders_order')).toEqual(before);
  });

  it('lets a contributor refuse an order: nothing of it is kept, the cart stays open', async () => {
    let refuse = true;
    fw.orderExtensions.addPlacementContributor({
      name: 'test.refuse',
      async contribute() {
        if (refuse) throw new DomainError('orders.not_sellable', 'refused by a contributor');
      },
    });
    const before = await Promise.all([
      rows('orders_order'),
      rows('growth_order_source'),
      rows('inventory_reservation'),
    ]);
    const refused = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    expect(refused.order.statusCode).toBe(409);
    expect(refused.order.json().code).toBe('orders.not_sellable');
    expect(
      await Promise.all([rows('orders_order'), rows('growth_order_source'), rows('inventory_reservation')]),
    ).toEqual(before);
    refuse = false;
    const again = await shopper.post(
      '/api/shop/orders',
      { cartId: refused.cartId },
      { 'idempotency-key': 'retry' },
    );
    expect(again.statusCode).toBe(201);
  });

  it('applies price adjusters in their declared order, on the quote and on the order, and takes what they say', async () => {
    // Registered out of order: the live price (10) runs before the coupon (20), which sees it.
    fw.orderExtensions.addPriceAdjuster({
      name: 'test.coupon',
      order: 20,
      async adjust(c) {
        const after = c.subtotal + c.before.reduce((s, a) => s + a.amount, 0);
        return after >= 200_000
          ? [{ source: 'test.coupon', reason: '¥100 off ¥2,000', skuId: null, amount: -10_000 }]
          : [];
      },
    });
    fw.orderExtensions.addPriceAdjuster({
      name: 'test.live_price',
      order: 10,
      async adjust(c) {
        return c.lines.map((l) => ({
          source: 'test.live_price',
          reason: 'live price',
          skuId: l.skuId,
          amount: -5_000 * l.quantity,
        }));
      },
    });
    const { quote, order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      mode: 'standard',
    });
    const adjustments = [
      { source: 'test.live_price', reason: 'live price', skuId: shop.skus[0], amount: -5_000 },
      { source: 'test.coupon', reason: '¥100 off ¥2,000', skuId: null, amount: -10_000 },
    ];
    expect(quote).toMatchObject({ subtotal: shop.price, adjustments, total: shop.price - 15_000 });
    expect(order.statusCode).toBe(201);
    const placed = order.json();
    expect(placed).toMatchObject({ subtotal: shop.price, adjustments, total: shop.price - 15_000 });
    // The payment is for the adjusted total, and the books take it to the fen.
    const payment = await fw.rt.db
      .selectFrom('payments_payment')
      .selectAll()
      .where('order_id', '=', placed.id)
      .executeTakeFirstOrThrow();
    expect(Number(payment.amount)).toBe(shop.price - 15_000);
    await payInSandbox(fw, payment.id);
    expect((await shopper.get(`/api/shop/orders/${placed.id}`)).json()).toMatchObject({
      status: 'routed',
      adjustments,
    });
  });
});
