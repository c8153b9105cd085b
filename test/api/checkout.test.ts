import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireUnpaidOrders, reconcile } from '../../src/modules/orders/index.js';
import { providerFor } from '../../src/modules/payments/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenPlatform, password } from '../support/builders.js';
import {
  callProviders,
  checkout,
  deliverAllNotices,
  givenShop,
  givenShopper,
  homeAddress,
  notify,
  payInSandbox,
  type Shop,
  signedNotice,
  successNotice,
} from '../support/checkout.js';
import { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

// 14:00 in Beijing: the stores are open.
const start = '2026-11-26T06:00:00Z';

describe('checkout: carts, placement, sandbox payments, the ledger', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let shop: Shop;
  let shopper: TestClient & { email: string };
  beforeEach(async () => {
    clock = new ManualClock(start);
    fw = await startFlywheel({ clock });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
  });
  afterEach(async () => {
    // Whatever a test did, the books agree with the orders, the payments and the stock.
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });

  const level = async (locationId: string, skuId: string) => {
    const r = await fw.rt.db
      .selectFrom('inventory_level')
      .select(['on_hand', 'reserved'])
      .where('location_id', '=', locationId)
      .where('sku_id', '=', skuId)
      .executeTakeFirstOrThrow();
    return { onHand: Number(r.on_hand), reserved: Number(r.reserved) };
  };
  const balances = async () =>
    Object.fromEntries(
      (
        await fw.rt.db
          .selectFrom('ledger_entry')
          .select((eb) => ['account', eb.fn.sum<number>('amount').as('sum')])
          .groupBy('account')
          .execute()
      ).map((r) => [r.account, Number(r.sum)]),
    );
  const ledgerSum = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.sum<number>('amount').as('s'))
          .executeTakeFirstOrThrow()
      ).s ?? 0,
    );

  it('quotes one-hour delivery from the nearest store, holds its stock, and routes the order once paid', async () => {
    const [sku] = shop.skus;
    const { quote, order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: sku, quantity: 2 }],
    });
    expect(quote).toMatchObject({
      subtotal: 2 * shop.price,
      deliveryFee: 0,
      total: 2 * shop.price,
      quote: { mode: 'hour', available: true, kind: 'hour', from: ['JD Home sanlitun'] },
    });
    expect(order.statusCode).toBe(201);
    const o = order.json();
    expect(o).toMatchObject({ status: 'pending_payment', total: 2 * shop.price, delivery: 'hour' });
    expect(o.shipments).toMatchObject([
      { locationId: shop.stores.sanlitun.locationId, mode: 'hour', status: 'pending' },
    ]);
    expect(o.payment).toMatchObject({ status: 'created', amount: 2 * shop.price });
    expect(await level(shop.stores.sanlitun.locationId, sku)).toEqual({ onHand: 20, reserved: 2 });

    // The sandbox's pay page, then its (duplicated) notifications.
    const page = await fw.app.inject({ method: 'GET', url: new URL(o.payment.payUrl).pathname });
    expect(page.body).toContain('¥5,998.00');
    const paidOnPage = await fw.app.inject({
      method: 'POST',
      url: `${new URL(o.payment.payUrl).pathname}/pay?return=${encodeURIComponent(`/shop/orders/${o.id}?paying=1`)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(paidOnPage.statusCode).toBe(303);
    expect(paidOnPage.headers.location).toBe(`/shop/orders/${o.id}?paying=1`);
    expect(await deliverAllNotices(fw)).toBe(2);

    const paid = (await shopper.get(`/api/shop/orders/${o.id}`)).json();
    expect(paid.status).toBe('routed');
    expect(paid.history.map((h: any) => h.to)).toEqual(['pending_payment', 'paid', 'routed']);
    const eta = paid.shipments[0].etaMinutes;
    expect(paid.shipments[0]).toMatchObject({ status: 'routed' });
    expect(new Date(paid.shipments[0].promiseAt).getTime() - clock.now().getTime()).toBe(eta * 60_000);
    expect(eta).toBeLessThanOrEqual(60);
    expect(await level(shop.stores.sanlitun.locationId, sku)).toEqual({ onHand: 18, reserved: 0 });
    expect(await balances()).toEqual({
      provider_clearing: 2 * shop.price,
      merchant_payable: -2 * shop.price,
    });
    const outcomes = await fw.rt.db.selectFrom('payments_notification').select('outcome').execute();
    expect(outcomes.map((r) => r.outcome).sort()).toEqual(['applied']);

    // The brand sees the routing decision with every candidate's verdict; the store sees its order.
    const seen = (await shop.brand.get(`/api/orders/${o.id}`)).json();
    expect(seen.routing.kind).toBe('hour');
    expect(seen.routing.candidates.map((c: any) => [c.name, c.rejected, c.chosen])).toContainEqual([
      'JD Home sanlitun',
      null,
      true,
    ]);
    expect(seen.routing.candidates.find((c: any) => c.kind === 'warehouse')).toBeTruthy();
  });

  it("keeps the product's names on the order as they were at placement, English too (DESIGN §6.5)", async () => {
    const [row] = await fw.rt.db
      .selectFrom('catalog_sku')
      .select('product_id')
      .where('id', '=', shop.skus[0])
      .execute();
    const productId = row.product_id;
    const named = await shop.brand.patch(`/api/catalog/products/${productId}`, {
      name: '寻找 X',
      nameEn: 'Find X',
    });
    expect(named.statusCode, named.body).toBe(200);
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    expect(order.statusCode).toBe(201);
    await shop.brand.patch(`/api/catalog/products/${productId}`, { name: '新名字', nameEn: 'New name' });
    const kept = (await shopper.get(`/api/shop/orders/${order.json().id}`)).json();
    expect(kept.lines.map((l: any) => [l.name, l.nameEn])).toEqual([['寻找 X', 'Find X']]);
  });

  it('takes a payment once whatever the provider repeats, and refuses forged, stale and wrong-amount notices', async () => {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    const payment = order.json().payment;
    const notice = signedNotice(fw, successNotice(payment, 'sbn_same'));

    const forged = await notify(fw, signedNotice(fw, successNotice(payment), { key: 'not-the-key' }));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('payments.signature_invalid');
    const stale = await notify(
      fw,
      signedNotice(fw, successNotice(payment), { at: new Date(clock.now().getTime() - 600_000) }),
    );
    expect(stale.statusCode).toBe(401);
    const wrong = await notify(
      fw,
      signedNotice(fw, successNotice({ ...payment, amount: payment.amount - 1 })),
    );
    expect(wrong.statusCode).toBe(422);
    const unsigned = await fw.app.inject({
      method: 'POST',
      url: '/api/payments/notify/sandbox',
      headers: { 'content-type': 'application/json' },
      payload: notice.raw,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(await fw.rt.db.selectFrom('payments_notification').selectAll().execute()).toHaveLength(0);
    expect((await shopper.get(`/api/shop/orders/${order.json().id}`)).json().status).toBe('pending_payment');

    // The same notification three times, two of them at once, and a second one with another id.
    const results = await Promise.all([notify(fw, notice), notify(fw, notice)]);
    results.push(await notify(fw, notice));
    results.push(await notify(fw, signedNotice(fw, successNotice(payment, 'sbn_other'))));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(results.map((r) => r.json().outcome).sort()).toEqual([
      'applied',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await fw.rt.db.selectFrom('ledger_transaction').selectAll().execute()).toHaveLength(1);
    expect(await balances()).toEqual({ provider_clearing: shop.price, merchant_payable: -shop.price });
    expect((await shopper.get(`/api/shop/orders/${order.json().id}`)).json().status).toBe('routed');
  });

  it('cancels an unpaid order in time, releases its stock, and refunds a payment that comes after', async () => {
    const sku = shop.skus[0];
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: sku, quantity: 3 }],
    });
    const o = order.json();
    clock.advance(16 * 60_000);
    expect(await expireUnpaidOrders(fw.rt)).toBe(1);
    expect(await level(shop.stores.sanlitun.locationId, sku)).toEqual({ onHand: 20, reserved: 0 });
    // The provider is told after the cancellation commits.
    expect(await callProviders(fw)).toBe(1);

    // The pay page refuses now; a provider that took the money anyway notifies late.
    expect(await providerFor(fw.rt.config).pay(fw.rt.db, o.payment.id, clock.now())).toBe('closed');
    expect(await payInSandbox(fw, o.payment.id, { late: true })).toBe('paid');
    const outcomes = await fw.rt.db.selectFrom('payments_notification').select('outcome').execute();
    expect(outcomes.map((r) => r.outcome)).toContain('refunded_late');
    const payment = await fw.rt.db
      .selectFrom('payments_payment')
      .selectAll()
      .where('id', '=', o.payment.id)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ status: 'refunded' });
    expect(Number(payment.refunded)).toBe(3 * shop.price);
    expect(await balances()).toEqual({ provider_clearing: 0, merchant_payable: 0 });
    expect(await ledgerSum()).toBe(0);
    expect(await level(shop.stores.sanlitun.locationId, sku)).toEqual({ onHand: 20, reserved: 0 });
  });

  it("keeps the shopper's cart on the server: a second device opens the same one, another shopper none", async () => {
    const phone = shopper;
    const laptop = await new TestClient(fw.app).loginShopper(shopper.email, password);
    const open = async (c: TestClient) =>
      (await c.get(`/api/shop/carts?channelId=${shop.channelId}`)).json().items;
    expect(await open(phone)).toEqual([]);
    const cart = (await phone.post('/api/shop/carts', { channelId: shop.channelId })).json();
    await phone.post(`/api/shop/carts/${cart.id}/lines`, { skuId: shop.skus[0], quantity: 2 });
    expect(await open(laptop)).toEqual([
      {
        id: cart.id,
        channelId: shop.channelId,
        brandId: cart.brandId,
        items: 2,
        updatedAt: expect.any(String),
      },
    ]);
    expect((await laptop.get(`/api/shop/carts/${cart.id}`)).json().lines).toMatchObject([
      { skuId: shop.skus[0], quantity: 2 },
    ]);
    // Another shopper never sees it; a bad shop id is named.
    expect(await open(await givenShopper(fw))).toEqual([]);
    const bad = await laptop.get('/api/shop/carts?channelId=nope');
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'querystring.channelId']);
    // Ordered, the cart is no longer open.
    await laptop.post(`/api/shop/carts/${cart.id}/delivery`, { mode: 'hour', address: homeAddress });
    expect((await laptop.post('/api/shop/orders', { cartId: cart.id })).statusCode).toBe(201);
    expect(await open(phone)).toEqual([]);
  });

  it('gives the same order for a repeated placement and one order per cart', async () => {
    const cart = (await shopper.post('/api/shop/carts', { channelId: shop.channelId })).json();
    await shopper.post(`/api/shop/carts/${cart.id}/lines`, { skuId: shop.skus[0], quantity: 1 });
    await shopper.post(`/api/shop/carts/${cart.id}/delivery`, { mode: 'hour', address: homeAddress });
    const [a, b] = await Promise.all([
      shopper.post('/api/shop/orders', { cartId: cart.id }, { 'idempotency-key': 'k1' }),
      shopper.post('/api/shop/orders', { cartId: cart.id }, { 'idempotency-key': 'k1' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    const other = await shopper.post('/api/shop/orders', { cartId: cart.id }, { 'idempotency-key': 'k2' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('orders.cart_closed');
    expect(await fw.rt.db.selectFrom('orders_order').selectAll().execute()).toHaveLength(1);
    expect(await level(shop.stores.sanlitun.locationId, shop.skus[0])).toEqual({ onHand: 20, reserved: 1 });
  });

  it('refuses a delivery with no door, recipient or phone, naming each and holding nothing', async () => {
    const { lat, lng, province, city, district } = homeAddress;
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      address: { province, city, district, lat, lng },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json().code).toBe('orders.address_incomplete');
    expect(order.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'address.line',
      'address.name',
      'address.phone',
    ]);
    expect(await level(shop.stores.sanlitun.locationId, shop.skus[0])).toEqual({ onHand: 20, reserved: 0 });
  });

  it('refuses what cannot be kept: a store-less hour, an empty stock, a pick-up store without it', async () => {
    const far = { ...homeAddress, district: '延庆区', line: '妫水北街 1 号', lat: undefined, lng: undefined };
    const hour = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      address: far,
    });
    expect(hour.quote.quote).toMatchObject({ available: false, kind: 'standard' });
    expect(hour.order.statusCode).toBe(409);
    expect(hour.order.json()).toMatchObject({ code: 'orders.hour_unavailable', alternative: 'standard' });
    const standard = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
      address: far,
      mode: 'standard',
    });
    expect(standard.order.statusCode).toBe(201);
    expect(standard.order.json()).toMatchObject({
      deliveryFee: 0,
      shipments: [{ locationId: shop.warehouse, mode: 'standard' }],
    });

    const tooMany = await shopper.post(`/api/shop/carts/${standard.cartId}/lines`, {
      skuId: shop.skus[0],
      quantity: 11,
    });
    expect(tooMany.statusCode).toBe(409);
    const fresh = (await shopper.post('/api/shop/carts', { channelId: shop.channelId })).json();
    const over = await shopper.post(`/api/shop/carts/${fresh.id}/lines`, {
      skuId: shop.skus[0],
      quantity: 11,
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([{ field: 'quantity', message: 'at most 10' }]);

    const pickup = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[1], quantity: 1 }],
      mode: 'pickup',
      pickupLocationId: shop.stores.zhongguancun.locationId,
    });
    expect(pickup.order.statusCode).toBe(201);
    const shipment = pickup.order.json().shipments[0];
    expect(shipment).toMatchObject({ mode: 'pickup', locationId: shop.stores.zhongguancun.locationId });
    expect(shipment.pickupCode).toMatch(/^\d{6}$/);
    expect(pickup.order.json().deliveryFee).toBe(0);

    // A pick-up store that is not one of this shop's (another brand's, or none) is named at once.
    const other = await givenShop(fw);
    for (const pickupLocationId of [other.stores.zhongguancun.locationId, 'loc_00000000000000000000000000']) {
      const cart = (await shopper.post('/api/shop/carts', { channelId: shop.channelId })).json();
      const refused = await shopper.post(`/api/shop/carts/${cart.id}/delivery`, {
        mode: 'pickup',
        address: { province: '北京', city: '北京', district: '海淀区' },
        pickupLocationId,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().errors).toEqual([
        { field: 'pickupLocationId', message: 'not a store of this shop' },
      ]);
      expect((await shopper.get(`/api/shop/carts/${cart.id}`)).json().pickupLocationId ?? null).toBeNull();
    }
  });

  it('cancels a paid order before picking: units back on hand through the ledger, money back in full', async () => {
    const sku = shop.skus[1];
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: sku, quantity: 1 }],
    });
    const o = order.json();
    await payInSandbox(fw, o.payment.id);
    const cancelled = await shopper.post(`/api/shop/orders/${o.id}/cancel`, { reason: 'changed my mind' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      payment: { status: 'refunded', refunded: shop.price },
    });
    expect(await level(shop.stores.sanlitun.locationId, sku)).toEqual({ onHand: 20, reserved: 0 });
    const moves = await fw.rt.db
      .selectFrom('inventory_movement')
      .select(['kind', 'quantity'])
      .where('location_id', '=', shop.stores.sanlitun.locationId)
      .where('sku_id', '=', sku)
      .orderBy('id')
      .execute();
    expect(moves.map((m) => [m.kind, Number(m.quantity)])).toEqual([
      ['receive', 20],
      ['sale', -1],
      ['return', 1],
    ]);
    expect(await balances()).toEqual({ provider_clearing: 0, merchant_payable: 0 });
    const again = await shopper.post(`/api/shop/orders/${o.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    await deliverAllNotices(fw);
  });

  it('reconciles a day, and finds a payment booked wrongly or stock the ledger does not explain', async () => {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    await payInSandbox(fw, order.json().payment.id);
    const operator = await givenMember(fw, (await givenPlatform(fw)).orgId, 'admin');
    // Today is not over: nothing is reconciled, and the field says why.
    const early = await operator.post('/api/reconciliations', { day: '2026-11-26' });
    expect([early.statusCode, early.json().code, early.json().errors]).toEqual([
      422,
      'orders.day_not_over',
      [{ field: 'day', message: 'not over yet' }],
    ]);
    clock.advance(10 * 3_600_000 + 60_000); // past midnight in China
    const run = await operator.post('/api/reconciliations', { day: '2026-11-26' });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({
      ok: true,
      findings: [],
      figures: { payments: 1, paidOrders: 1, paidAmount: shop.price },
    });
    expect((await operator.post('/api/reconciliations', { day: '2026-11-25' })).json().figures.payments).toBe(
      0,
    );

    const entry = await fw.rt.db
      .selectFrom('ledger_entry')
      .select('id')
      .where('account', '=', 'merchant_payable')
      .executeTakeFirstOrThrow();
    await fw.rt.db
      .updateTable('ledger_entry')
      .set({ amount: -shop.price + 1 })
      .where('id', '=', entry.id)
      .execute();
    await fw.rt.db
      .updateTable('inventory_level')
      .set((eb) => ({ on_hand: eb('on_hand', '+', 1) }))
      .where('location_id', '=', shop.warehouse)
      .execute();
    // Run again, the day's reconciliation is brought up to date: one row a day.
    const broken = (await operator.post('/api/reconciliations', { day: '2026-11-26' })).json();
    expect(broken.id).toBe(run.json().id);
    expect(broken.ok).toBe(false);
    expect(broken.findings.some((f: string) => f.includes('do not sum to 0'))).toBe(true);
    expect(broken.findings.some((f: string) => f.startsWith('stock') && f.includes('ledger'))).toBe(true);
    expect((await operator.get('/api/reconciliations')).json().items.map((r: any) => [r.day, r.ok])).toEqual([
      ['2026-11-26', false],
      ['2026-11-25', true],
    ]);
    // Put it right again for the check after each test.
    await fw.rt.db
      .updateTable('ledger_entry')
      .set({ amount: -shop.price })
      .where('id', '=', entry.id)
      .execute();
    await fw.rt.db
      .updateTable('inventory_level')
      .set((eb) => ({ on_hand: eb('on_hand', '-', 1) }))
      .where('location_id', '=', shop.warehouse)
      .execute();
  });

  it('shows the shops, their products at channel prices and what a product page promises for an address', async () => {
    const guest = new TestClient(fw.app);
    const shops = (await guest.get('/api/shop/shops')).json().items;
    expect(shops).toContainEqual(expect.objectContaining({ id: shop.channelId, brandName: 'OPPO' }));
    const products = (await guest.get(`/api/shop/shops/${shop.channelId}/products`)).json().items;
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({ fromPrice: shop.price, sellable: true });
    expect(products[0].skus.map((s: any) => s.skuId).sort()).toEqual([...shop.skus].sort());
    const q = (extra: string) =>
      guest.get(
        `/api/shop/estimate?channelId=${shop.channelId}&skuId=${shop.skus[0]}&province=${encodeURIComponent('北京')}&city=${encodeURIComponent('北京')}&${extra}`,
      );
    const near = (await q(`district=${encodeURIComponent('朝阳区')}`)).json();
    expect(near).toMatchObject({
      sellable: true,
      district: '朝阳区',
      hour: { from: ['JD Home sanlitun'] },
      standard: { days: 2 },
    });
    expect(near.hour.etaMinutes).toBeLessThanOrEqual(60);
    expect(near.pickup[0].name).toBe('JD Home sanlitun');
    const far = (await q(`district=${encodeURIComponent('延庆区')}`)).json();
    expect(far).toMatchObject({ hour: null, standard: { days: 2 } });
    const unknown = await q(`district=${encodeURIComponent('不存在区')}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: 'query.district', message: 'unknown district: give lat and lng' },
    ]);
    const districts = (await guest.get('/api/shop/districts')).json();
    expect(districts.items).toContainEqual({
      province: '北京',
      provinceEn: 'Beijing',
      city: '北京',
      cityEn: 'Beijing',
      district: '朝阳区',
      districtEn: 'Chaoyang District',
    });
    expect(districts.provinces).toHaveLength(34);
  });

  it('asks the provider before cancelling an unpaid order: a payment whose notification was lost is taken', async () => {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity: 1 }],
    });
    const o = order.json();
    expect(await providerFor(fw.rt.config).pay(fw.rt.db, o.payment.id, clock.now())).toBe('paid');
    clock.advance(16 * 60_000);
    expect(await expireUnpaidOrders(fw.rt)).toBe(0);
    const paid = await fw.rt.db
      .selectFrom('orders_order')
      .select('status')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(paid.status).toBe('routed');
    // The notifications that were late come now and change nothing.
    await deliverAllNotices(fw);
    const outcomes = await fw.rt.db
      .selectFrom('payments_notification')
      .select('outcome')
      .orderBy('received_at')
      .execute();
    expect(outcomes.map((r) => r.outcome)).toEqual(['applied', 'duplicate']);
  });
});
