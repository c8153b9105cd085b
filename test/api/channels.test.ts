import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { ean, givenMember, givenOrg, password } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';
import { givenProduct as givenProductOf } from '../support/stock.js';

type Member = TestClient & { email: string };

describe('channels: assortments, price lists, exclusive supply, parity and synchronised launch', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let brand: Member;
  let retailer: Member;
  let retailerId: string;
  let n = 0;

  beforeEach(async () => {
    clock = new ManualClock('2026-03-01T00:00:00Z');
    fw = await startFlywheel({ clock });
    brand = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'admin');
    retailerId = await givenOrg(fw, 'retailer', { name: 'JD Home' });
    retailer = await givenMember(fw, retailerId, 'admin');
  });
  afterEach(() => fw.cleanup());

  async function travel(to: string) {
    clock.set(to);
    await brand.login(brand.email, password);
    await retailer.login(retailer.email, password);
  }

  /** An active product of `line` with two SKUs; returns their ids. */
  async function givenProduct(line: string, flagship = false): Promise<{ id: string; skus: string[] }> {
    const p = (
      await brand.post('/api/catalog/products', {
        name: `${line} ${++n}`,
        category: 'phone',
        productLine: line,
        flagship,
        optionNames: ['colour'],
        skus: [
          { code: `S-${n}-A`, gtin: ean(n * 10 + 1), options: { colour: 'Black' } },
          { code: `S-${n}-B`, gtin: ean(n * 10 + 2), options: { colour: 'Blue' } },
        ],
      })
    ).json();
    await brand.post(`/api/catalog/products/${p.id}/status`, { status: 'active' });
    return { id: p.id, skus: p.skus.map((s: any) => s.id) };
  }

  async function givenAgreement(terms: Record<string, unknown>) {
    const a = (
      await brand.post('/api/agreements', {
        retailerId,
        level: 'nka',
        title: 'NKA',
        startsOn: '2026-03-01',
        endsOn: '2029-02-28',
        ...terms,
      })
    ).json();
    await brand.post(`/api/agreements/${a.id}/moves`, { move: 'propose' });
    await retailer.post(`/api/agreements/${a.id}/moves`, { move: 'accept' });
    return a.id as string;
  }

  const channel = async (body: Record<string, unknown>) =>
    (await brand.post('/api/channels', body)).json().id as string;
  const list = (channelId: string, items: unknown[]) =>
    brand.post(`/api/channels/${channelId}/listings`, { items });
  const offers = async (channelId: string, client: TestClient = brand) =>
    Object.fromEntries(
      (await client.get(`/api/channels/${channelId}/listings`))
        .json()
        .items.map((l: any) => [l.skuId, l.refusal]),
    );

  it('lists SKUs at their prices, refuses bad prices naming the field, and writes nothing then', async () => {
    const online = await channel({ kind: 'online', name: 'Official online shop' });
    expect((await brand.post('/api/channels', { kind: 'online', name: 'Twice' })).json().code).toBe(
      'catalog.channel_exists',
    );
    const phone = await givenProduct('A');
    expect(
      (
        await list(online, [
          { skuId: phone.skus[0], listPrice: 159_900, sellingPrice: 149_900, floorPrice: 139_900 },
        ])
      ).statusCode,
    ).toBe(200);
    const bad = await list(online, [
      { skuId: phone.skus[1], listPrice: 159_900, sellingPrice: 149_900 },
      { skuId: phone.skus[0], listPrice: 100_000, sellingPrice: 149_900 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'items.1.sellingPrice', message: 'must not exceed the list price' },
    ]);
    const listings = (await brand.get(`/api/channels/${online}/listings`)).json().items;
    expect(listings).toEqual([
      expect.objectContaining({ skuId: phone.skus[0], sellingPrice: 149_900, sellable: true, refusal: null }),
    ]);
    const foreign = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await foreign.get(`/api/channels/${online}/listings`)).statusCode).toBe(404);
    const notOurs = await foreign.post(`/api/channels/${online}/listings`, {
      items: [{ skuId: phone.skus[1], listPrice: 1, sellingPrice: 1 }],
    });
    expect(notOurs.statusCode).toBe(404);
    // Taking off listings names an id that is not one of the brand's SKUs, and removes nothing.
    const theirs = (await givenProductOf(foreign, 'A')).skus[0];
    const removal = await brand.post(`/api/channels/${online}/listings/remove`, {
      skuIds: [phone.skus[0], theirs, 'sku_00000000000000000000000000'],
    });
    expect(removal.statusCode).toBe(422);
    expect(removal.json().errors.map((e: { field: string }) => e.field)).toEqual(['skuIds.1', 'skuIds.2']);
    expect((await brand.get(`/api/channels/${online}/listings`)).json().items).toHaveLength(1);
  });

  it('lists a channel-exclusive SKU on its channel only', async () => {
    const online = await channel({ kind: 'online', name: 'Online' });
    const live = await channel({ kind: 'live', name: 'Brand live room' });
    const phone = await givenProduct('A');
    const [special, other] = phone.skus;
    await list(online, [{ skuId: other, listPrice: 1000, sellingPrice: 900 }]);
    const exclusive = await brand.post(`/api/catalog/skus/${special}/exclusive`, { channelId: live });
    expect(exclusive.json()).toEqual({ skuId: special, exclusiveChannelId: live });
    const elsewhere = await list(online, [{ skuId: special, listPrice: 1000, sellingPrice: 900 }]);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({
      code: 'catalog.exclusive_elsewhere',
      errors: [{ field: 'items.0.skuId' }],
    });
    expect((await list(live, [{ skuId: special, listPrice: 1000, sellingPrice: 800 }])).statusCode).toBe(200);
    // An SKU already listed elsewhere cannot become exclusive until it is taken off there.
    const taken = await brand.post(`/api/catalog/skus/${other}/exclusive`, { channelId: live });
    expect(taken.json().code).toBe('catalog.listed_elsewhere');
    await brand.post(`/api/channels/${online}/listings/remove`, { skuIds: [other] });
    expect((await brand.post(`/api/catalog/skus/${other}/exclusive`, { channelId: live })).statusCode).toBe(
      200,
    );
  });

  it('lets a store channel carry only the lines an agreement in force covers, and stops selling when it ends', async () => {
    const stores = await channel({ kind: 'store', name: 'JD Home stores', retailerId });
    const findX = await givenProduct('Find X');
    const watch = await givenProduct('Watch');
    const before = await list(stores, [{ skuId: findX.skus[0], listPrice: 599_900, sellingPrice: 599_900 }]);
    expect(before.json()).toMatchObject({
      code: 'catalog.not_covered',
      errors: [{ field: 'items.0.skuId' }],
    });
    await givenAgreement({ productLines: ['Find X'], endsOn: '2026-12-31' });
    expect(
      (await list(stores, [{ skuId: findX.skus[0], listPrice: 599_900, sellingPrice: 599_900 }])).statusCode,
    ).toBe(200);
    expect(
      (await list(stores, [{ skuId: watch.skus[0], listPrice: 99_900, sellingPrice: 99_900 }])).json().code,
    ).toBe('catalog.not_covered');
    // The retailer reads the store channel it sells through.
    expect(await offers(stores, retailer)).toEqual({ [findX.skus[0]]: null });
    await travel('2027-01-01T00:00:00Z');
    expect(await offers(stores)).toEqual({ [findX.skus[0]]: 'no_agreement' });
  });

  it('keeps flagship store prices at the online price where the store channel keeps parity', async () => {
    await givenAgreement({});
    const online = await channel({ kind: 'online', name: 'Online' });
    const stores = await channel({ kind: 'store', name: 'JD Home stores', retailerId });
    const flagship = await givenProduct('Find X', true);
    const [sku] = flagship.skus;
    await list(online, [{ skuId: sku, listPrice: 599_900, sellingPrice: 549_900 }]);
    const off = await list(stores, [{ skuId: sku, listPrice: 599_900, sellingPrice: 579_900 }]);
    expect(off.json()).toMatchObject({
      code: 'catalog.price_parity',
      errors: [{ field: 'items.0.sellingPrice' }],
    });
    expect(off.json().errors[0].message).toContain('¥5499.00');
    await list(stores, [{ skuId: sku, listPrice: 599_900, sellingPrice: 549_900, floorPrice: 539_900 }]);
    // A new online price is the stores' price at once.
    await list(online, [{ skuId: sku, listPrice: 599_900, sellingPrice: 529_900 }]);
    const store = (await brand.get(`/api/channels/${stores}/listings`)).json().items[0];
    expect(store).toMatchObject({ sellingPrice: 529_900, floorPrice: 529_900 });
    // Without parity the store channel prices on its own.
    await brand.patch(`/api/channels/${stores}`, { priceParity: false });
    expect((await list(stores, [{ skuId: sku, listPrice: 599_900, sellingPrice: 579_900 }])).statusCode).toBe(
      200,
    );
  });

  it('switches every launch channel on together at the launch instant, and no other channel', async () => {
    await givenAgreement({});
    const online = await channel({ kind: 'online', name: 'Online' });
    const stores = await channel({ kind: 'store', name: 'JD Home stores', retailerId });
    const live = await channel({ kind: 'live', name: 'Live' });
    const findX3 = await givenProduct('Find X', true);
    const [sku] = findX3.skus;
    for (const c of [online, stores, live])
      await list(c, [{ skuId: sku, listPrice: 599_900, sellingPrice: 549_900 }]);
    const startsAt = '2026-03-11T02:00:00.000Z';
    const past = await brand.post(`/api/catalog/products/${findX3.id}/launch`, {
      startsAt: '2026-02-01T00:00:00Z',
      channelIds: [online],
    });
    expect(past.json().errors[0].field).toBe('startsAt');
    const launch = await brand.post(`/api/catalog/products/${findX3.id}/launch`, {
      startsAt,
      channelIds: [online, stores],
    });
    expect(launch.json()).toMatchObject({ startsAt, launched: false });

    const refusals = async () => [
      (await offers(online))[sku],
      (await offers(stores))[sku],
      (await offers(live))[sku],
    ];
    await travel('2026-03-11T01:59:59.999Z');
    expect(await refusals()).toEqual(['before_launch', 'before_launch', 'before_launch']);
    clock.set(startsAt);
    expect(await refusals()).toEqual([null, null, 'not_in_launch']);
    expect(
      (
        await brand.post(`/api/catalog/products/${findX3.id}/launch`, {
          startsAt: '2026-04-01T00:00:00Z',
          channelIds: [online],
        })
      ).json().code,
    ).toBe('catalog.already_launched');
    expect((await brand.delete(`/api/catalog/products/${findX3.id}/launch`)).json().code).toBe(
      'catalog.already_launched',
    );
    // Channels may join a launch that has happened; its instant stands.
    await brand.post(`/api/catalog/products/${findX3.id}/launch`, {
      startsAt,
      channelIds: [online, stores, live],
    });
    expect(await refusals()).toEqual([null, null, null]);
    expect((await brand.get('/api/launches')).json().items).toEqual([
      expect.objectContaining({ launched: true, productId: findX3.id }),
    ]);
  });
});
