import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireReservations } from '../../src/modules/inventory/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg, password } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';
import {
  givenAgreement,
  givenProduct,
  givenStoreLocation,
  givenWarehouse,
  receive,
} from '../support/stock.js';

type Member = TestClient & { email: string };

describe('inventory: stock, holds, transfers, availability per channel, full line', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let brand: Member;
  let retailer: Member;
  let retailerId: string;
  let beijing: string;
  let hangzhou: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-25T04:00:00Z');
    fw = await startFlywheel({ clock });
    brand = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'admin');
    retailerId = await givenOrg(fw, 'retailer', { name: 'JD Home' });
    retailer = await givenMember(fw, retailerId, 'admin');
    beijing = await givenOrg(fw, 'store', { parentId: retailerId, name: 'JD Home Sanlitun' });
    hangzhou = await givenOrg(fw, 'store', {
      parentId: retailerId,
      name: 'JD Home Hangzhou',
      profile: { province: '浙江', city: '杭州', lat: 30.27, lng: 120.16 },
    });
  });
  afterEach(() => fw.cleanup());

  const cell = async (locationId: string, skuId: string) =>
    (await brand.get(`/api/inventory/levels?locationId=${locationId}&skuId=${skuId}`)).json().items[0];

  it('receives, adjusts with a reason, refuses to go below what is held, and keeps the ledger of the cell', async () => {
    const [sku] = (await givenProduct(brand, 'A')).skus;
    const wh = await givenWarehouse(brand);
    await receive(brand, wh, [{ skuId: sku, quantity: 12 }]);
    await brand.post('/api/inventory/reservations', {
      locationId: wh,
      lines: [{ skuId: sku, quantity: 10 }],
      ttlSeconds: 60,
    });
    const tooMuch = await brand.post('/api/inventory/adjustments', {
      locationId: wh,
      skuId: sku,
      kind: 'damage',
      quantity: 3,
      reason: 'water',
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({
      code: 'inventory.insufficient_stock',
      available: 2,
      errors: [{ field: 'quantity' }],
    });
    await brand.post('/api/inventory/adjustments', {
      locationId: wh,
      skuId: sku,
      kind: 'damage',
      quantity: 2,
      reason: 'water',
    });
    await brand.post('/api/inventory/adjustments', {
      locationId: wh,
      skuId: sku,
      kind: 'return',
      quantity: 1,
      reason: 'RMA-1',
    });
    const noReason = await brand.post('/api/inventory/adjustments', {
      locationId: wh,
      skuId: sku,
      kind: 'adjust',
      quantity: 1,
    });
    expect(noReason.json().errors[0].field).toBe('reason');
    expect(await cell(wh, sku)).toMatchObject({ onHand: 11, reserved: 10, available: 1 });
    const ledger = (await brand.get(`/api/inventory/movements?locationId=${wh}&skuId=${sku}`)).json().items;
    expect(ledger.map((m: any) => [m.kind, m.quantity, m.onHandAfter, m.reason])).toEqual([
      ['return', 1, 11, 'RMA-1'],
      ['damage', -2, 10, 'water'],
      ['receive', 12, 12, null],
    ]);
    // Another brand's SKU or location is named and refused.
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'staff');
    const [theirs] = (await givenProduct(other, 'A')).skus;
    const foreignSku = await brand.post('/api/inventory/receipts', {
      locationId: wh,
      lines: [{ skuId: theirs, quantity: 1 }],
    });
    expect(foreignSku.json()).toMatchObject({
      code: 'inventory.unknown_sku',
      errors: [{ field: 'lines.0.skuId' }],
    });
    const foreignLoc = await other.post('/api/inventory/receipts', {
      locationId: wh,
      lines: [{ skuId: theirs, quantity: 1 }],
    });
    expect(foreignLoc.json()).toMatchObject({
      code: 'inventory.unknown_location',
      errors: [{ field: 'locationId' }],
    });
  });

  it('holds all lines or none, releases expired holds, and sells a held unit once', async () => {
    const [a, b] = (await givenProduct(brand, 'A', { colours: 2 })).skus;
    const wh = await givenWarehouse(brand);
    await receive(brand, wh, [
      { skuId: a, quantity: 5 },
      { skuId: b, quantity: 1 },
    ]);
    const both = await brand.post('/api/inventory/reservations', {
      locationId: wh,
      lines: [
        { skuId: a, quantity: 2 },
        { skuId: b, quantity: 2 },
      ],
      ttlSeconds: 600,
    });
    expect(both.json()).toMatchObject({
      code: 'inventory.insufficient_stock',
      errors: [{ field: 'lines.1.quantity' }],
    });
    expect(await cell(wh, a)).toMatchObject({ reserved: 0 });
    const hold = (
      await brand.post('/api/inventory/reservations', {
        locationId: wh,
        lines: [{ skuId: a, quantity: 2 }],
        ttlSeconds: 600,
      })
    ).json().items[0];
    const sold = (
      await brand.post('/api/inventory/reservations', {
        locationId: wh,
        lines: [{ skuId: a, quantity: 1 }],
        ttlSeconds: 600,
      })
    ).json().items[0];
    expect((await brand.post(`/api/inventory/reservations/${sold.id}/commit`)).json().status).toBe(
      'committed',
    );
    expect((await brand.post(`/api/inventory/reservations/${sold.id}/commit`)).json().status).toBe(
      'committed',
    );
    expect(await cell(wh, a)).toMatchObject({ onHand: 4, reserved: 2 });
    clock.advance(600_000);
    expect(await expireReservations(fw.rt)).toBe(1);
    expect(await cell(wh, a)).toMatchObject({ onHand: 4, reserved: 0 });
    await brand.login(brand.email, password);
    const late = await brand.post(`/api/inventory/reservations/${hold.id}/commit`);
    expect(late.json().code).toBe('inventory.reservation_expired');
    const events = await fw.rt.db
      .selectFrom('platform_outbox')
      .select('type')
      .where('type', 'like', 'inventory.%')
      .execute();
    expect(events.map((e) => e.type)).toContain('inventory.reservation_expired');
  });

  it('ships a transfer into transit and the receiving store counts it in, short lines recorded', async () => {
    const [a, b] = (await givenProduct(brand, 'A', { colours: 2 })).skus;
    const wh = await givenWarehouse(brand);
    const store = await givenStoreLocation(brand, beijing);
    await receive(brand, wh, [
      { skuId: a, quantity: 10 },
      { skuId: b, quantity: 3 },
    ]);
    const t = (
      await brand.post('/api/inventory/transfers', {
        fromLocationId: wh,
        toLocationId: store,
        lines: [
          { skuId: a, quantity: 4 },
          { skuId: b, quantity: 5 },
        ],
      })
    ).json();
    expect(t).toMatchObject({ status: 'requested', toName: 'JD Home Sanlitun' });
    const short = await brand.post(`/api/inventory/transfers/${t.id}/ship`);
    expect(short.json()).toMatchObject({
      code: 'inventory.insufficient_stock',
      errors: [{ field: 'lines.1.quantity' }],
    });
    expect((await brand.get(`/api/inventory/transfers/${t.id}`)).json().status).toBe('requested');
    await receive(brand, wh, [{ skuId: b, quantity: 2 }]);
    expect((await brand.post(`/api/inventory/transfers/${t.id}/ship`)).json().status).toBe('shipped');
    expect(await cell(store, a)).toMatchObject({ onHand: 0, inTransit: 4 });
    expect(await cell(wh, a)).toMatchObject({ onHand: 6 });

    // The store's own staff receive it: one unit of B is missing.
    const staff = await givenMember(fw, beijing, 'staff');
    const stranger = await givenMember(fw, hangzhou, 'staff');
    expect((await stranger.post(`/api/inventory/transfers/${t.id}/receive`, {})).statusCode).toBe(404);
    const received = await staff.post(`/api/inventory/transfers/${t.id}/receive`, {
      lines: [{ skuId: b, receivedQuantity: 4 }],
    });
    expect(received.json()).toMatchObject({ status: 'received' });
    expect(received.json().lines.map((l: any) => [l.quantity, l.receivedQuantity])).toEqual(
      expect.arrayContaining([
        [4, 4],
        [5, 4],
      ]),
    );
    expect(await cell(store, b)).toMatchObject({ onHand: 4, inTransit: 0 });
    expect((await staff.post(`/api/inventory/transfers/${t.id}/receive`, {})).json().code).toBe(
      'inventory.illegal_transition',
    );
    // The store reads its own stock, not the brand's warehouse.
    const seen = (await staff.get('/api/inventory/levels')).json().items.map((l: any) => l.locationId);
    expect(new Set(seen)).toEqual(new Set([store]));
  });

  describe('available to promise per channel', () => {
    let findX: string;
    let watch: string;
    let wh: string;
    let bjStore: string;
    let hzStore: string;
    let online: string;
    let stores: string;
    let live: string;
    beforeEach(async () => {
      [findX] = (await givenProduct(brand, 'Find X')).skus;
      [watch] = (await givenProduct(brand, 'Watch')).skus;
      wh = await givenWarehouse(brand);
      bjStore = await givenStoreLocation(brand, beijing);
      hzStore = await givenStoreLocation(brand, hangzhou);
      for (const loc of [wh, bjStore, hzStore])
        await receive(brand, loc, [
          { skuId: findX, quantity: 5 },
          { skuId: watch, quantity: 5 },
        ]);
      // The agreement covers Beijing (not Zhejiang) and the Find X line (not watches), until the end of 2026.
      await givenAgreement(brand, retailer, retailerId, {
        provinces: ['北京'],
        productLines: ['Find X'],
        endsOn: '2026-12-31',
      });
      const open = async (body: Record<string, unknown>) =>
        (await brand.post('/api/channels', body)).json().id as string;
      online = await open({ kind: 'online', name: 'Online' });
      stores = await open({ kind: 'store', name: 'JD Home', retailerId });
      live = await open({ kind: 'live', name: 'Live' });
      for (const c of [online, live]) {
        await brand.post(`/api/channels/${c}/listings`, {
          items: [
            { skuId: findX, listPrice: 100, sellingPrice: 100 },
            { skuId: watch, listPrice: 100, sellingPrice: 100 },
          ],
        });
      }
      await brand.post(`/api/channels/${stores}/listings`, {
        items: [{ skuId: findX, listPrice: 100, sellingPrice: 100 }],
      });
    });

    const atp = async (channel: string, client: TestClient = brand) =>
      Object.fromEntries(
        (await client.get(`/api/channels/${channel}/atp?skuIds=${findX},${watch}`))
          .json()
          .items.map((i: any) => [i.skuId, i.atp]),
      );

    it('counts a store only inside the agreement’s provinces and product lines', async () => {
      // Find X: warehouse 5 + Beijing 5; Hangzhou is outside the provinces.
      expect(await atp(online)).toEqual({ [findX]: 10, [watch]: 5 });
      // The store channel sells from Beijing only; watches are not in its lines (not even listed).
      expect(await atp(stores)).toEqual({ [findX]: 5, [watch]: 0 });
      expect(await atp(stores, retailer)).toEqual({ [findX]: 5, [watch]: 0 });
      // Live ships from the warehouse.
      expect(await atp(live)).toEqual({ [findX]: 5, [watch]: 5 });
      const detail = (await brand.get(`/api/channels/${online}/atp?skuIds=${watch}`)).json().items[0];
      expect(Object.fromEntries(detail.locations.map((l: any) => [l.locationId, l.excludedBecause]))).toEqual(
        {
          [wh]: null,
          [bjStore]: 'product_line',
          [hzStore]: 'province',
        },
      );
    });

    it('drops the stores when the agreement expires', async () => {
      clock.set('2027-01-01T00:00:00Z');
      await brand.login(brand.email, password);
      expect(await atp(online)).toEqual({ [findX]: 5, [watch]: 5 });
      expect(await atp(stores)).toEqual({ [findX]: 0, [watch]: 0 });
    });

    it('promises an exclusive SKU on its channel only, and nothing that is held', async () => {
      const [special] = (await givenProduct(brand, 'Find X')).skus;
      await receive(brand, wh, [{ skuId: special, quantity: 7 }]);
      await brand.post(`/api/catalog/skus/${special}/exclusive`, { channelId: live });
      await brand.post(`/api/channels/${live}/listings`, {
        items: [{ skuId: special, listPrice: 100, sellingPrice: 90 }],
      });
      await brand.post('/api/inventory/reservations', {
        locationId: wh,
        lines: [{ skuId: special, quantity: 2 }],
        ttlSeconds: 60,
      });
      const on = async (c: string) =>
        (await brand.get(`/api/channels/${c}/atp?skuIds=${special}`)).json().items[0];
      expect(await on(live)).toMatchObject({ atp: 5, refusal: null });
      expect(await on(online)).toMatchObject({ atp: 0, refusal: 'exclusive_elsewhere' });
      expect(await on(stores)).toMatchObject({ atp: 0, refusal: 'exclusive_elsewhere' });
    });
  });

  it('reports the full line of a store and turns its gaps into one transfer from the warehouse', async () => {
    await givenAgreement(brand, retailer, retailerId, {
      productLines: ['Find X', 'Reno'],
      commitments: { minCoverDays: 14 },
    });
    const findX = await givenProduct(brand, 'Find X', { colours: 2 });
    const reno = await givenProduct(brand, 'Reno', { colours: 2 });
    await givenProduct(brand, 'Watch'); // outside the agreement's lines
    const wh = await givenWarehouse(brand);
    const store = await givenStoreLocation(brand, beijing);
    await receive(
      brand,
      wh,
      [...findX.skus, ...reno.skus].map((skuId) => ({ skuId, quantity: 20 })),
    );
    await receive(brand, store, [{ skuId: findX.skus[0], quantity: 3 }]);
    await brand.post('/api/inventory/zones', {
      locationId: store,
      areaM2: 24,
      fixtureStandard: 'OPPO experience zone 2026',
      planogram: [findX.skus[0], findX.skus[1], reno.skus[0]],
    });

    const report = (await brand.get(`/api/inventory/locations/${store}/full-line`)).json();
    expect(report).toMatchObject({ inScope: 4, complete: 1, notOnDisplay: 1, outOfStock: 3 });
    const gaps = Object.fromEntries(report.lines.map((l: any) => [l.skuId, l.gaps]));
    expect(gaps[reno.skus[1]]).toEqual(['not_on_display', 'out_of_stock']);
    expect(await retailer.get(`/api/inventory/locations/${store}/full-line`).then((r) => r.statusCode)).toBe(
      200,
    );

    const action = (
      await brand.post(`/api/inventory/locations/${store}/replenish`, { only: 'full_line' })
    ).json();
    expect(action.transferIds).toHaveLength(1);
    expect(action.unfilled).toEqual([]);
    const transfer = (await brand.get(`/api/inventory/transfers/${action.transferIds[0]}`)).json();
    expect(transfer).toMatchObject({
      reason: 'full_line',
      fromLocationId: wh,
      toLocationId: store,
      status: 'requested',
    });
    expect(transfer.lines.map((l: any) => l.quantity)).toEqual([2, 2, 2]);
    await brand.post(`/api/inventory/transfers/${transfer.id}/ship`);
    // On its way: the shelf is still empty, the next suggestion counts what is coming.
    expect((await brand.get(`/api/inventory/locations/${store}/replenishment`)).json().items).toEqual([]);
    await brand.post(`/api/inventory/transfers/${transfer.id}/receive`, {});
    const after = (await brand.get(`/api/inventory/locations/${store}/full-line`)).json();
    expect(after).toMatchObject({ outOfStock: 0, notOnDisplay: 1 });
  });

  it('audits a brand zone and scores it; raises low stock once when a store runs low', async () => {
    const [sku] = (await givenProduct(brand, 'A')).skus;
    const store = await givenStoreLocation(brand, beijing);
    const zone = (
      await brand.post('/api/inventory/zones', {
        locationId: store,
        areaM2: 18,
        fixtureStandard: 'Standard',
        planogram: [sku],
      })
    ).json();
    const audited = await brand.post(`/api/inventory/zones/${zone.id}/audits`, {
      auditedOn: '2026-11-20',
      auditor: 'Li Na',
      checklist: [
        { item: 'Fixtures to standard', passed: true },
        { item: 'Full line on display', passed: false, note: 'Reno6 missing' },
        { item: 'Prices match online', passed: true },
      ],
    });
    expect(audited.json()).toMatchObject({ lastScore: 67, audits: [{ auditor: 'Li Na', score: 67 }] });
    expect(
      (
        await brand.post('/api/inventory/zones', { locationId: store, areaM2: 10, fixtureStandard: 'x' })
      ).json().code,
    ).toBe('inventory.zone_exists');

    await receive(brand, store, [{ skuId: sku, quantity: 4 }]);
    for (let i = 0; i < 3; i++)
      await brand.post('/api/inventory/reservations', {
        locationId: store,
        lines: [{ skuId: sku, quantity: 1 }],
        ttlSeconds: 60,
      });
    const low = await fw.rt.db
      .selectFrom('platform_outbox')
      .select('payload')
      .where('type', '=', 'inventory.low_stock')
      .execute();
    expect(low.map((e) => JSON.parse(e.payload).available)).toEqual([2]);
    expect((await brand.get(`/api/inventory/levels?low=true&locationId=${store}`)).json().items).toHaveLength(
      1,
    );
  });
});
