import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const password = 'flywheel-demo';
/** A flat a few steps from JD Home Sanlitun. */
const nearSanlitun = {
  province: '北京',
  city: '北京',
  district: '朝阳区',
  line: '三里屯路 11 号',
  lat: 39.9336,
  lng: 116.455,
  name: '王小明',
  phone: '13800000000',
};

/** Routing for one-hour delivery on the demo world: OPPO online, JD Home's Beijing stores, the DCs. */
describe('routing on the demo world', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let shopper: TestClient;
  let brand: TestClient;
  let channelId: string;
  let stores: Array<{ id: string; name: string; city: string; lat: number; lng: number }>;
  let sanlitun: { id: string; name: string };
  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T06:00:00Z'); // 14:00 in Beijing
    fw = await startFlywheel({ clock, config: { loginRatePerMinute: 100_000 } });
    await seedDemoWorld(fw);
    shopper = await new TestClient(fw.app).loginShopper('shopper@flywheel.demo', password);
    brand = await new TestClient(fw.app).login('brand@oppo.demo', password);
    channelId = (await brand.get('/api/channels')).json().items.find((c: any) => c.kind === 'online').id;
    stores = (await brand.get('/api/inventory/locations?kind=store')).json().items;
    sanlitun = stores.find((s) => s.name.includes('三里屯'))!;
  });
  afterEach(() => fw.cleanup());

  /** A SKU the online shop sells now with stock in Sanlitun and in at least two other Beijing stores. */
  async function skuStockedAround(): Promise<string> {
    const listings = (await brand.get(`/api/channels/${channelId}/listings?limit=200`)).json().items;
    const beijing = stores.filter((s) => s.city === '北京');
    for (const l of listings.filter((x: any) => x.sellable)) {
      const cells = (await brand.get(`/api/inventory/levels?skuId=${l.skuId}&limit=200`)).json().items;
      const stocked = beijing.filter((s) =>
        cells.some((c: any) => c.locationId === s.id && c.available >= 2),
      );
      if (stocked.some((s) => s.id === sanlitun.id) && stocked.length >= 3) return l.skuId;
    }
    throw new Error('no SKU stocked around Sanlitun');
  }

  async function order(skuId: string, address: Record<string, unknown> = nearSanlitun, mode = 'hour') {
    const cart = (await shopper.post('/api/shop/carts', { channelId })).json();
    expect((await shopper.post(`/api/shop/carts/${cart.id}/lines`, { skuId, quantity: 1 })).statusCode).toBe(
      200,
    );
    const quote = (await shopper.post(`/api/shop/carts/${cart.id}/delivery`, { mode, address })).json().quote;
    const placed = await shopper.post('/api/shop/orders', { cartId: cart.id });
    const routing =
      placed.statusCode === 201 ? (await brand.get(`/api/orders/${placed.json().id}`)).json().routing : null;
    return { quote, placed, routing };
  }
  const verdict = (routing: any, name: string) => routing.candidates.find((c: any) => c.name === name);
  const emptyAt = async (locationId: string, skuId: string) => {
    const cell = (await brand.get(`/api/inventory/levels?locationId=${locationId}&skuId=${skuId}`)).json()
      .items[0];
    const r = await brand.post('/api/inventory/adjustments', {
      locationId,
      skuId,
      kind: 'adjust',
      quantity: -cell.available,
      reason: 'sold out in store',
    });
    expect(r.statusCode).toBe(200);
  };

  it('serves a Beijing address within the hour from the nearest store with stock, then from the next', async () => {
    const skuId = await skuStockedAround();
    const first = await order(skuId);
    expect(first.quote).toMatchObject({ available: true, kind: 'hour', from: [sanlitun.name] });
    expect(first.routing.kind).toBe('hour');
    expect(verdict(first.routing, sanlitun.name)).toMatchObject({ chosen: true, rejected: null });
    expect(first.placed.json().shipments[0]).toMatchObject({ locationId: sanlitun.id, mode: 'hour' });
    expect(first.placed.json().shipments[0].etaMinutes).toBeLessThanOrEqual(60);
    // Guangzhou's stores are too far; the warehouses are candidates for a parcel, not chosen.
    const guangzhou = first.routing.candidates.find((c: any) => c.name.includes('广州'));
    expect(guangzhou.rejected).toMatch(/radius|agreement|promise/);

    await emptyAt(sanlitun.id, skuId);
    const second = await order(skuId);
    expect(verdict(second.routing, sanlitun.name)).toMatchObject({ rejected: 'stock', chosen: false });
    const chosen = second.routing.candidates.find((c: any) => c.chosen);
    const able = second.routing.candidates.filter((c: any) => c.kind === 'store' && c.rejected === null);
    // The next: the earliest of the stores that keep the promise and hold it.
    expect(chosen.name).not.toBe(sanlitun.name);
    expect(chosen.etaMinutes).toBe(Math.min(...able.map((c: any) => c.etaMinutes)));
    expect(chosen.distanceM).toBeGreaterThan(verdict(second.routing, sanlitun.name).distanceM);
  });

  it('falls back to the warehouse when no store can keep the promise', async () => {
    const skuId = await skuStockedAround();
    const far = {
      province: '北京',
      city: '北京',
      district: '延庆区',
      line: '妫水北街 1 号',
      name: '王小明',
      phone: '13800000000',
    };
    const hour = await order(skuId, far);
    // Yanqing is beyond every store's radius, and the quote says so.
    expect(hour.quote).toMatchObject({
      available: false,
      kind: 'standard',
      hourGap: { reason: 'radius', availableAt: null },
    });
    expect(hour.placed.statusCode).toBe(409);
    expect(hour.placed.json()).toMatchObject({ code: 'orders.hour_unavailable', alternative: 'standard' });
    const parcel = await order(skuId, far, 'standard');
    expect(parcel.placed.statusCode).toBe(201);
    expect(parcel.routing.kind).toBe('standard');
    expect(parcel.routing.candidates.find((c: any) => c.chosen).kind).toBe('warehouse');
    // Every Beijing store out of it: the nearby address goes to the warehouse too.
    for (const s of stores.filter((x) => x.city === '北京')) {
      const cell = (await brand.get(`/api/inventory/levels?locationId=${s.id}&skuId=${skuId}`)).json()
        .items[0];
      if (cell && cell.available > 0) await emptyAt(s.id, skuId);
    }
    const none = await order(skuId);
    expect(none.quote).toMatchObject({
      available: false,
      kind: 'standard',
      hourGap: { reason: 'stock', availableAt: null },
    });
    // Asked for a parcel, the quote has no reason to give about the hour unless there is one.
    expect(parcel.quote.hourGap).toMatchObject({ reason: 'radius' });
  });

  it('skips a closed store: out of its hours, and closed for good', async () => {
    const skuId = await skuStockedAround();
    clock.set('2026-11-26T14:30:00Z'); // 22:30 in Beijing: every store has closed
    await shopper.loginShopper('shopper@flywheel.demo', password);
    await brand.login('brand@oppo.demo', password);
    const late = await order(skuId, nearSanlitun, 'standard');
    expect(
      late.routing.candidates.filter((c: any) => c.kind === 'store').every((c: any) => c.rejected !== null),
    ).toBe(true);
    expect(verdict(late.routing, sanlitun.name).rejected).toBe('closed');
    const lateHour = await order(skuId);
    expect(lateHour.placed.json().code).toBe('orders.hour_unavailable');

    clock.set('2026-11-27T06:00:00Z');
    await shopper.loginShopper('shopper@flywheel.demo', password);
    await brand.login('brand@oppo.demo', password);
    expect(
      (await brand.patch(`/api/inventory/locations/${sanlitun.id}`, { status: 'closed' })).statusCode,
    ).toBe(200);
    const next = await order(skuId);
    expect(next.routing.kind).toBe('hour');
    expect(verdict(next.routing, sanlitun.name)).toBeUndefined();
  });

  it('drops the stores of an agreement that has expired', async () => {
    const skuId = await skuStockedAround();
    clock.set('2029-03-01T06:00:00Z'); // made on 2026-11-26, the JD Home x OPPO NKA ended on 31 January 2029
    await shopper.loginShopper('shopper@flywheel.demo', password);
    await brand.login('brand@oppo.demo', password);
    const after = await order(skuId, nearSanlitun, 'standard');
    expect(after.placed.statusCode).toBe(201);
    const storeVerdicts = after.routing.candidates.filter((c: any) => c.kind === 'store');
    expect(storeVerdicts.length).toBeGreaterThan(0);
    expect(storeVerdicts.every((c: any) => c.rejected === 'agreement')).toBe(true);
    expect(after.quote.pickup).toEqual([]);
    const hour = await order(skuId);
    expect(hour.placed.json().code).toBe('orders.hour_unavailable');
  });
});
