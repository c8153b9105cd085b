import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { gtinProblem } from '../../src/modules/catalog/index.js';
import { reconcile } from '../../src/modules/orders/index.js';
import { agreementCalendar } from '../../src/modules/partnership/seed.js';
import { ManualClock } from '../../src/platform/clock.js';
import type { DemoWorld } from '../../src/platform/module.js';
import { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const signInAs = (fw: TestFlywheel, email: string) => new TestClient(fw.app).login(email, 'flywheel-demo');

describe('the demo world', () => {
  let fw: TestFlywheel;
  let world: DemoWorld;
  beforeAll(async () => {
    fw = await startFlywheel();
    world = (await seedDemoWorld(fw))!;
  });
  afterAll(() => fw.cleanup());

  it('has the platform, three brands, JD Home with 20 stores in the seven cities, creators and all five provider types', async () => {
    const orgs = await fw.rt.db
      .selectFrom('identity_org')
      .select(['kind', 'city', 'provider_type', 'lat', 'floor_area_m2'])
      .execute();
    const count = (kind: string) => orgs.filter((o) => o.kind === kind).length;
    expect([count('platform'), count('brand'), count('retailer'), count('store')]).toEqual([1, 3, 1, 20]);
    expect(count('creator')).toBeGreaterThanOrEqual(3);
    expect(new Set(orgs.filter((o) => o.kind === 'store').map((o) => o.city))).toEqual(
      new Set(['北京', '广州', '深圳', '西安', '天津', '石家庄', '杭州']),
    );
    expect(
      orgs.filter((o) => o.kind === 'store').every((o) => o.lat !== null && (o.floor_area_m2 ?? 0) > 0),
    ).toBe(true);
    expect(new Set(orgs.filter((o) => o.kind === 'provider').map((o) => o.provider_type))).toEqual(
      new Set(['strategic_core', 'core_base', 'quality_local', 'quality_brand', 'team_leader']),
    );
    expect(world.logins.map((l) => l.role)).toEqual([
      'operator',
      'brand',
      'retailer',
      'store',
      'creator',
      'provider',
      'shopper',
    ]);
  });

  it('has OPPO’s line of about 40 SKUs, Heilan apparel in sizes and cosmetics, with valid GTINs', async () => {
    const skus = await fw.rt.db
      .selectFrom('catalog_sku as s')
      .innerJoin('catalog_product as p', 'p.id', 's.product_id')
      .select(['s.org_id', 's.gtin', 's.options', 'p.product_line', 'p.status'])
      .execute();
    const of = (brand: string) => skus.filter((s) => s.org_id === world.orgs[brand]);
    expect(of('oppo').length).toBeGreaterThanOrEqual(35);
    expect(new Set(of('oppo').map((s) => s.product_line))).toEqual(
      new Set(['Find X', 'Reno', 'A', 'Watch', 'Enco', 'Pad']),
    );
    expect(of('heilan').every((s) => 'size' in JSON.parse(s.options))).toBe(true);
    expect(of('qingyan').length).toBeGreaterThan(0);
    expect(skus.every((s) => s.gtin !== null && gtinProblem(s.gtin) === null)).toBe(true);
    expect(new Set(skus.map((s) => s.gtin)).size).toBe(skus.length);
  });

  it("finds a shop's products by every word of a search, in either language and either case, or their category", async () => {
    const shopper = new TestClient(fw.app);
    const oppo = (await shopper.get('/api/shop/shops')).json().items.find((s: any) => s.brandName === 'OPPO');
    const found = async (q: string) =>
      (await shopper.get(`/api/shop/shops/${oppo.id}/products?limit=50&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((p: any) => p.nameEn)
        .sort();
    const watches = ['OPPO Watch 2', 'OPPO Watch Free'];
    // Named by the category, not by the product: a watch is a 手表.
    expect(await found('手表')).toEqual(watches);
    expect(await found('watches')).toEqual(watches);
    // Case aside on both engines, every word must match: the brand and the category.
    expect(await found('oppo WATCH')).toEqual(watches);
    expect(await found('OPPO 手表 Free')).toEqual(['OPPO Watch Free']);
    expect((await found('find')).every((n: string) => n.startsWith('OPPO Find'))).toBe(true);
    expect((await found('find')).length).toBeGreaterThan(0);
    // A wildcard is a character like any other.
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
  });

  it('sells OPPO online, in JD Home stores at online flagship prices and live, under the NKA agreement with its addendum', async () => {
    const brand = await signInAs(fw, 'brand@oppo.demo');
    const agreement = (await brand.get('/api/agreements')).json().items[0];
    // Three years from the first of the month nine months ago, whenever the world is made.
    const on = agreementCalendar(fw.rt.clock.now());
    expect(agreement).toMatchObject({
      level: 'nka',
      startsOn: on.startsOn,
      endsOn: on.endsOn,
      status: 'active',
    });
    expect(Number(on.endsOn.slice(0, 4)) - Number(on.startsOn.slice(0, 4))).toBe(3);
    const history = (await brand.get(`/api/agreements/${agreement.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ kind: 'addendum', signedOn: on.addendum });

    const channels = (await brand.get('/api/channels')).json().items;
    expect(channels.map((c: any) => c.kind).sort()).toEqual(['distribution', 'live', 'online', 'store']);
    const byKind = Object.fromEntries(channels.map((c: any) => [c.kind, c]));
    const listings = async (kind: string) =>
      (await brand.get(`/api/channels/${byKind[kind].id}/listings?limit=200`)).json().items;
    const online = await listings('online');
    const stores = await listings('store');
    expect(stores).toHaveLength(online.length);
    const price = new Map(online.map((l: any) => [l.skuId, l.sellingPrice]));
    expect(
      stores.filter((l: any) => l.flagship).every((l: any) => l.sellingPrice === price.get(l.skuId)),
    ).toBe(true);
    // The Find X3 series is on sale everywhere it launched; the Find X5 Pro waits for its launch.
    const x3 = stores.find((l: any) => l.productName === 'OPPO Find X3 Pro');
    expect(x3).toMatchObject({ sellable: true });
    const x5 = online.filter((l: any) => l.productName === 'OPPO Find X5 Pro');
    expect(x5.length).toBe(4);
    expect(x5.every((l: any) => l.refusal === 'before_launch')).toBe(true);
    // The live-exclusive A55 is on the live room's list only.
    const live = await listings('live');
    expect(live.find((l: any) => l.code === 'A55-LIVE-VIOLET')).toMatchObject({ sellable: true });
    expect(online.find((l: any) => l.code === 'A55-LIVE-VIOLET')).toBeUndefined();
  });

  it('holds OPPO stock in two warehouses and every JD Home store, with brand zones, gaps and a ledger that explains it', async () => {
    const brand = await signInAs(fw, 'brand@oppo.demo');
    const locations = (await brand.get('/api/inventory/locations')).json().items;
    expect(locations.filter((l: any) => l.kind === 'warehouse')).toHaveLength(2);
    expect(locations.filter((l: any) => l.kind === 'store')).toHaveLength(20);
    expect((await brand.get('/api/inventory/zones')).json().items).toHaveLength(20);
    const sanlitun = locations.find((l: any) => l.storeOrgId === world.orgs['bj-sanlitun']);
    const report = (await brand.get(`/api/inventory/locations/${sanlitun.id}/full-line`)).json();
    expect(report.inScope).toBeGreaterThan(35);
    expect(
      report.lines
        .filter((l: any) => l.productName === 'OPPO Find X5 Pro')
        .every((l: any) => l.gaps.includes('out_of_stock')),
    ).toBe(true);
    expect((await brand.get(`/api/inventory/locations/${sanlitun.id}/replenishment`)).json()).toMatchObject({
      coverDays: 14,
    });
    // Invariant 1 on the whole demo world: every cell's on-hand is the sum of its ledger.
    const cells = await fw.rt.db
      .selectFrom('inventory_level')
      .select(['location_id', 'sku_id', 'on_hand'])
      .execute();
    const sums = await fw.rt.db
      .selectFrom('inventory_movement')
      .select(['location_id', 'sku_id', (eb) => eb.fn.sum<number>('quantity').as('n')])
      .groupBy(['location_id', 'sku_id'])
      .execute();
    const ledger = new Map(sums.map((r) => [`${r.location_id}:${r.sku_id}`, Number(r.n)]));
    expect(cells.length).toBeGreaterThan(500);
    expect(cells.filter((c) => ledger.get(`${c.location_id}:${c.sku_id}`) !== Number(c.on_hand))).toEqual([]);
    const sales = await fw.rt.db
      .selectFrom('inventory_movement')
      .select('id')
      .where('kind', '=', 'sale')
      .execute();
    expect(sales.length).toBeGreaterThan(20);
  });

  it('has a week of hour orders delivered in Beijing, today’s order in Sanlitun’s queue, and books that reconcile', async () => {
    const orders = await fw.rt.db.selectFrom('orders_order').select(['status', 'delivery']).execute();
    expect(orders.filter((o) => o.status === 'delivered').length).toBeGreaterThanOrEqual(15);
    const store = await signInAs(fw, 'store@jdhome.demo');
    const tasks = (await store.get('/api/fulfilment/tasks')).json().items;
    expect(tasks.some((t: any) => t.orderId === (world.orders as any).today && t.canWork)).toBe(true);
    const perf = (await store.get('/api/fulfilment/performance')).json().items;
    expect(perf[0].done).toBeGreaterThan(0);
    expect(perf[0].rate).toBeGreaterThan(0.5);
    const books = await reconcile(fw.rt.db);
    expect(books.findings).toEqual([]);
    expect(books.figures.paidOrders).toBe(orders.length);
  });
});

describe('the demo world, whenever it is made', () => {
  it('tells the same story years from now: the agreement in force, today’s order placed', async () => {
    const later = await startFlywheel({ clock: new ManualClock('2031-06-01T06:00:00Z') });
    try {
      const world = await seedDemoWorld(later);
      expect(world).not.toBeNull();
      const agreements = await later.rt.db.selectFrom('partnership_agreement').selectAll().execute();
      expect(agreements.map((a) => [a.starts_on, a.ends_on])).toEqual([['2030-09-01', '2033-08-31']]);
    } finally {
      await later.cleanup();
    }
  });
});
