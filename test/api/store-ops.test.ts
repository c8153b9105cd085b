import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulateCouriers } from '../../src/modules/fulfilment/index.js';
import { reconcile } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg } from '../support/builders.js';
import {
  checkout,
  givenShop,
  givenShopper,
  givenStoreChannel,
  payInSandbox,
  type Shop,
} from '../support/checkout.js';
import { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('store operations: the task queue, picking to the door, pick-up codes, promise kept, routing rules', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let shop: Shop;
  let shopper: TestClient;
  let staff: TestClient;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T06:00:00Z');
    fw = await startFlywheel({ clock });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
    staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
  });
  afterEach(async () => {
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });

  async function paidOrder(mode: 'hour' | 'pickup' = 'hour', lines = [{ skuId: shop.skus[0], quantity: 1 }]) {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines,
      mode,
      ...(mode === 'pickup' ? { pickupLocationId: shop.stores.sanlitun.locationId } : {}),
    });
    expect(order.statusCode).toBe(201);
    await payInSandbox(fw, order.json().payment.id);
    return (await shopper.get(`/api/shop/orders/${order.json().id}`)).json();
  }
  const move = (client: TestClient, id: string, body: Record<string, unknown>) =>
    client.post(`/api/fulfilment/shipments/${id}/moves`, body);
  const status = async (orderId: string) => (await shopper.get(`/api/shop/orders/${orderId}`)).json().status;

  it('queues a paid hour order at its store, and the order follows the store from picking to the door', async () => {
    const o = await paidOrder();
    const tasks = (await staff.get('/api/fulfilment/tasks')).json().items;
    expect(tasks).toHaveLength(1);
    const task = tasks[0];
    expect(task).toMatchObject({
      orderId: o.id,
      status: 'routed',
      mode: 'hour',
      canWork: true,
      promiseAt: o.shipments[0].promiseAt,
    });
    expect(task.pickList[0]).toMatchObject({
      skuId: shop.skus[0],
      quantity: 1,
      options: { colour: 'Colour 1' },
    });
    expect(task.address).toMatchObject({ district: '朝阳区', name: '王小明' });

    // The brand sees the task but works only its warehouses; another store sees nothing.
    const brandView = (await shop.brand.get('/api/fulfilment/tasks')).json().items;
    expect(brandView[0]).toMatchObject({ id: task.id, canWork: false });
    expect((await move(shop.brand, task.id, { to: 'picking' })).statusCode).toBe(403);
    const other = await givenMember(fw, shop.stores.guomao.orgId, 'staff');
    expect((await other.get('/api/fulfilment/tasks')).json().items).toEqual([]);
    expect((await other.get(`/api/fulfilment/shipments/${task.id}`)).statusCode).toBe(404);
    expect((await move(other, task.id, { to: 'picking' })).statusCode).toBe(404);

    expect((await move(staff, task.id, { to: 'delivered' })).statusCode).toBe(409);
    expect((await move(staff, task.id, { to: 'picking' })).statusCode).toBe(200);
    expect(await status(o.id)).toBe('picking');
    expect((await shopper.post(`/api/shop/orders/${o.id}/cancel`, {})).statusCode).toBe(409);
    await move(staff, task.id, { to: 'ready' });
    expect(await status(o.id)).toBe('ready');
    const handed = await move(staff, task.id, {
      to: 'out_for_delivery',
      courier: { name: '李师傅', phone: '13900000000' },
    });
    expect(handed.statusCode).toBe(200);
    expect(await status(o.id)).toBe('out_for_delivery');

    // The demo courier rides for the estimate's travel minutes, then delivers.
    expect(await simulateCouriers(fw.rt)).toBe(0);
    clock.advance(o.shipments[0].etaMinutes * 60_000);
    expect(await simulateCouriers(fw.rt)).toBe(1);
    const done = (await shopper.get(`/api/shop/orders/${o.id}`)).json();
    expect(done.status).toBe('delivered');
    expect(done.history.map((h: any) => h.to)).toEqual([
      'pending_payment',
      'paid',
      'routed',
      'picking',
      'ready',
      'out_for_delivery',
      'delivered',
    ]);
    const perf = (await staff.get('/api/fulfilment/performance')).json().items;
    expect(perf).toEqual([
      {
        locationId: shop.stores.sanlitun.locationId,
        name: 'JD Home sanlitun',
        nameEn: null,
        done: 1,
        kept: 1,
        rate: 1,
      },
    ]);
    expect(
      (await staff.get(`/api/fulfilment/shipments/${task.id}`)).json().events.map((e: any) => e.status),
    ).toEqual(['routed', 'picking', 'ready', 'out_for_delivery', 'delivered']);
  });

  it('promises a pick-up paid before the store opens from its opening, and says so beforehand', async () => {
    const location = (
      await shop.brand.get(`/api/inventory/locations/${shop.stores.sanlitun.locationId}`)
    ).json();
    const [h, m] = location.openingHours.open.split(':').map(Number);
    // Two hours before the store opens, in Beijing (UTC+8).
    const opensAt = Date.UTC(2026, 10, 27, h - 8, m);
    clock.set(new Date(opensAt - 2 * 3_600_000));
    // Signed in then: a session outlives a night only when in use.
    shopper = await givenShopper(fw);
    staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const ready = new Date(opensAt + location.prepMinutes * 60_000).toISOString();
    const estimate = (
      await shopper.get(
        `/api/shop/estimate?channelId=${shop.channelId}&skuId=${shop.skus[0]}&province=北京&city=北京&district=朝阳区&lat=39.9366&lng=116.4472`,
      )
    ).json();
    expect(estimate.hour).toBeNull();
    // The page says why there is no one-hour delivery, and from when there is.
    expect(estimate.hourGap).toEqual({
      reason: 'closed',
      availableAt: new Date(opensAt).toISOString(),
    });
    expect(estimate.pickup[0]).toMatchObject({ locationId: shop.stores.sanlitun.locationId, readyAt: ready });
    const o = await paidOrder('pickup');
    expect(o.shipments[0].promiseAt).toBe(ready);
    // The store's queue does not show it late before the store has even opened.
    const [task] = (await staff.get('/api/fulfilment/tasks')).json().items;
    expect(task).toMatchObject({ orderId: o.id, promiseAt: ready });
    expect(Date.parse(task.promiseAt)).toBeGreaterThan(clock.now().getTime());
  });

  it('hands a pick-up over only for its code', async () => {
    const o = await paidOrder('pickup');
    const [s] = o.shipments;
    expect(s).toMatchObject({ mode: 'pickup', status: 'routed' });
    await move(staff, s.id, { to: 'picking' });
    expect((await move(staff, s.id, { to: 'out_for_delivery' })).statusCode).toBe(409);
    await move(staff, s.id, { to: 'ready' });
    const wrong = await staff.post('/api/fulfilment/pickups', {
      code: s.pickupCode === '111111' ? '222222' : '111111',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([{ field: 'code', message: 'no pick-up ready with it' }]);
    expect(await status(o.id)).toBe('ready');
    // The store's home lists it as waiting for its shopper.
    const todo = async () =>
      Object.fromEntries(
        (await staff.get('/api/home'))
          .json()
          .figures.filter((f: any) => f.group === 'todo' && f.key.startsWith('fulfilment.'))
          .map((f: any) => [f.key, f.value]),
      );
    expect(await todo()).toEqual({ 'fulfilment.toPick': 0, 'fulfilment.pickupsWaiting': 1 });
    const right = await staff.post('/api/fulfilment/pickups', { code: s.pickupCode });
    expect(right.json()).toMatchObject({ id: s.id, status: 'picked_up' });
    expect(await status(o.id)).toBe('delivered');
    expect(await todo()).toEqual({ 'fulfilment.toPick': 0, 'fulfilment.pickupsWaiting': 0 });
    // The shopper confirms receipt (确认收货): the order is complete; again, it stays so.
    const receipt = () => shopper.post(`/api/shop/orders/${o.id}/receipt`, {});
    expect((await receipt()).json().status).toBe('completed');
    expect((await receipt()).json().status).toBe('completed');
    // An order still on its way cannot be confirmed, and another shopper's is not there.
    const next = await paidOrder('pickup');
    const early = await shopper.post(`/api/shop/orders/${next.id}/receipt`, {});
    expect([early.statusCode, early.json().code]).toEqual([409, 'orders.illegal_transition']);
    const stranger = await givenShopper(fw);
    expect((await stranger.post(`/api/shop/orders/${o.id}/receipt`, {})).statusCode).toBe(404);
  });

  it('is partly delivered while one of two stores has delivered', async () => {
    // Only Sanlitun holds the first SKU and only Guomao the second: a split.
    const empty = (locationId: string, skuId: string) =>
      shop.brand.post('/api/inventory/adjustments', {
        locationId,
        skuId,
        kind: 'adjust',
        quantity: -20,
        reason: 'test',
      });
    await empty(shop.stores.sanlitun.locationId, shop.skus[1]);
    await empty(shop.stores.guomao.locationId, shop.skus[0]);
    await empty(shop.stores.zhongguancun.locationId, shop.skus[0]);
    await empty(shop.stores.zhongguancun.locationId, shop.skus[1]);
    const o = await paidOrder(
      'hour',
      shop.skus.map((skuId) => ({ skuId, quantity: 1 })),
    );
    expect(o.shipments.map((s: any) => s.locationId).sort()).toEqual(
      [shop.stores.sanlitun.locationId, shop.stores.guomao.locationId].sort(),
    );
    const guomao = await givenMember(fw, shop.stores.guomao.orgId, 'staff');
    for (const [client, s] of [
      [staff, o.shipments.find((x: any) => x.locationId === shop.stores.sanlitun.locationId)],
      [guomao, o.shipments.find((x: any) => x.locationId === shop.stores.guomao.locationId)],
    ] as const) {
      for (const to of ['picking', 'ready', 'out_for_delivery'])
        expect((await move(client, s.id, { to })).statusCode).toBe(200);
      if (client === staff) {
        // One parcel has left, the other not: the order is as far as the other, and not cancellable.
        expect(await status(o.id)).toBe('routed');
        const refused = await shopper.post(`/api/shop/orders/${o.id}/cancel`, {});
        expect(refused.statusCode).toBe(409);
        expect(refused.json().detail).toMatch(/after-sales/);
      }
    }
    const first = o.shipments[0];
    const firstStaff = first.locationId === shop.stores.sanlitun.locationId ? staff : guomao;
    // Both parcels have left: neither the shopper nor the brand cancels the order now.
    expect((await shop.brand.post(`/api/orders/${o.id}/cancel`, {})).statusCode).toBe(409);
    await move(firstStaff, first.id, { to: 'delivered' });
    expect(await status(o.id)).toBe('partially_delivered');
    const second = o.shipments[1];
    await move(firstStaff === staff ? guomao : staff, second.id, { to: 'delivered' });
    expect(await status(o.id)).toBe('delivered');
  });

  it('follows the brand’s ranked rules: prefer a store', async () => {
    const admin = shop.brand;
    const rule = await admin.post('/api/fulfilment/rules', {
      kind: 'prefer_location',
      locationId: shop.stores.guomao.locationId,
    });
    expect(rule.statusCode).toBe(201);
    const foreign = await admin.post('/api/fulfilment/rules', {
      kind: 'prefer_location',
      locationId: 'loc_00000000000000000000000000',
    });
    expect(foreign.statusCode).toBe(422);
    const o = await paidOrder();
    expect(o.shipments[0].locationId).toBe(shop.stores.guomao.locationId);
    const decision = (await admin.get(`/api/orders/${o.id}`)).json().routing;
    expect(decision.rules.applied).toEqual([`prefer_location:${shop.stores.guomao.locationId}`]);
    expect((await admin.delete(`/api/fulfilment/rules/${rule.json().id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/fulfilment/rules')).json().items).toEqual([]);
    const otherBrand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await otherBrand.get('/api/fulfilment/rules')).json().items).toEqual([]);
  });

  it('sells at the counter from the store’s own stock, paid with the shopper’s payment code', async () => {
    const listed = await givenStoreChannel(shop);
    expect(listed.statusCode).toBe(200);
    const catalog = (await staff.get('/api/pos/catalog')).json();
    expect(catalog.brands.map((b: any) => b.name)).toEqual(['OPPO']);
    expect(catalog.items).toEqual([
      expect.objectContaining({ skuId: shop.skus[0], sellingPrice: shop.price, available: 20 }),
    ]);
    const sale = (authCode: string, quantity = 2, headers: Record<string, string> = {}) =>
      staff.post(
        '/api/pos/sales',
        { brandId: catalog.brands[0].id, lines: [{ skuId: shop.skus[0], quantity }], authCode },
        headers,
      );
    const walkInOrders = () =>
      fw.rt.db
        .selectFrom('orders_order')
        .select(['id', 'status', 'cancel_reason'])
        .where('shopper_id', '=', 'walk_in')
        .execute();
    // Not a payment code of any provider: refused at the edge, nothing written.
    const malformed = await sale('990000000000000000');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors.map((e: { field: string }) => e.field)).toEqual(['authCode']);
    expect(await walkInOrders()).toEqual([]);
    // The provider declines the code after the sale was recorded (it is asked outside the
    // transaction): the decline is its error, and the sale is taken back whole.
    const declined = await sale('134567890123450000', 2, { 'idempotency-key': 'declined-sale' });
    expect(declined.statusCode).toBe(422);
    expect(declined.json()).toMatchObject({
      code: 'payments.payment_refused',
      errors: [{ field: 'authCode', message: 'declined: balance too low' }],
    });
    const attempts = await walkInOrders();
    expect(attempts).toEqual([
      {
        id: expect.any(String),
        status: 'cancelled',
        cancel_reason: 'payment refused: the shopper’s balance is too low',
      },
    ]);
    expect((await staff.get(`/api/orders/${attempts[0].id}`)).json()).toMatchObject({
      payment: { status: 'closed' },
      shipments: [{ status: 'cancelled' }],
    });
    expect((await staff.get('/api/pos/catalog')).json().items[0].available).toBe(20);
    // Sent again with its key, the sale answers the same decline and takes nothing.
    const replayed = await sale('134567890123450000', 2, { 'idempotency-key': 'declined-sale' });
    expect([replayed.statusCode, replayed.json().code]).toEqual([422, 'payments.payment_refused']);
    expect(await walkInOrders()).toHaveLength(1);
    // The shopper's code is not kept once the provider has answered.
    const kept = await fw.rt.db
      .selectFrom('payments_intent')
      .select('args')
      .where('kind', '=', 'micropay')
      .execute();
    expect(kept.map((k) => k.args).join()).not.toContain('134567890123450000');
    expect((await sale('134567890123456789', 11)).json().errors).toEqual([
      { field: 'lines.0.quantity', message: 'at most 10 of one item' },
    ]);
    const sold = await sale('134567890123456789');
    expect(sold.statusCode).toBe(201);
    // A sale of its own kind, not a pick-up: it makes no promise, so it counts for none kept.
    expect(sold.json()).toMatchObject({
      status: 'completed',
      delivery: 'counter',
      total: 2 * shop.price,
      payment: { status: 'paid', amount: 2 * shop.price },
      shipments: [{ status: 'picked_up', mode: 'counter', locationId: shop.stores.sanlitun.locationId }],
    });
    const performance = (await staff.get('/api/fulfilment/performance')).json().items;
    expect(
      performance.find((p: { locationId: string }) => p.locationId === shop.stores.sanlitun.locationId),
    ).toBeUndefined();
    expect((await staff.get('/api/pos/catalog')).json().items[0].available).toBe(18);
    const audited = await fw.rt.db
      .selectFrom('platform_audit')
      .select('object_id')
      .where('action', '=', 'orders.pos.sale')
      .execute();
    expect(audited.map((a) => a.object_id)).toContain(sold.json().id);
    // Placed from the store's counter, on the store channel.
    expect((await shop.brand.get(`/api/growth/order-sources/${sold.json().id}`)).json()).toMatchObject({
      channelKind: 'store',
      source: 'counter',
    });
    await shop.brand.post('/api/inventory/adjustments', {
      locationId: shop.stores.sanlitun.locationId,
      skuId: shop.skus[0],
      kind: 'damage',
      quantity: 17,
      reason: 'dropped',
    });
    const short = await sale('134567890123456789');
    expect(short.statusCode).toBe(409);
    expect(short.json().code).toBe('inventory.insufficient_stock');
    // Not on the online shop's channel: its SKU two is not listed for the stores.
    const other = await staff.post('/api/pos/sales', {
      brandId: catalog.brands[0].id,
      lines: [{ skuId: shop.skus[1], quantity: 1 }],
      authCode: '134567890123456789',
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors).toEqual([{ field: 'lines.0.skuId', message: 'not_listed' }]);
  });

  it('takes a delivery partner’s reports through the API with the retailer’s key', async () => {
    const o = await paidOrder();
    const [s] = o.shipments;
    for (const to of ['picking', 'ready']) await move(staff, s.id, { to });
    const key = (await shop.retailer.post('/api/api-keys', { name: 'SF courier', role: 'staff' })).json();
    const partner = new TestClient(fw.app);
    partner.bearer = key.secret;
    const out = await move(partner, s.id, {
      to: 'out_for_delivery',
      courier: { name: '顺丰 张师傅', phone: '13700000000' },
    });
    expect(out.statusCode).toBe(200);
    expect((await move(partner, s.id, { to: 'delivered' })).statusCode).toBe(200);
    const done = (await shopper.get(`/api/shop/orders/${o.id}`)).json();
    expect(done).toMatchObject({ status: 'delivered', shipments: [{ courier: { name: '顺丰 张师傅' } }] });
    // A key of another retailer cannot touch it.
    const otherRetailer = await givenMember(fw, await givenOrg(fw, 'retailer'), 'admin');
    const foreignKey = (await otherRetailer.post('/api/api-keys', { name: 'x', role: 'staff' })).json();
    const stranger = new TestClient(fw.app);
    stranger.bearer = foreignKey.secret;
    expect((await move(stranger, s.id, { to: 'delivered' })).statusCode).toBe(404);
  });
});
