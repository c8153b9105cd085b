import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenMember, givenOrg } from '../support/builders.js';
import { givenShop, type Shop } from '../support/checkout.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/**
 * A brand's routing rules are a ranking (issue 11, item 12): each rule once, moved up and down
 * with the rules between moving by one, numbered 1, 2, 3 … after every change.
 */
describe("a brand's ranked routing rules", () => {
  let fw: TestFlywheel;
  let shop: Shop;
  beforeEach(async () => {
    fw = await startFlywheel();
    shop = await givenShop(fw);
  });
  afterEach(async () => fw.cleanup());

  const ranking = async () =>
    (await shop.brand.get('/api/fulfilment/rules'))
      .json()
      .items.map((r: any) => [r.rank, r.kind, r.locationId]);
  async function given3() {
    const ids: string[] = [];
    for (const body of [
      { kind: 'prefer_location', locationId: shop.stores.guomao.locationId },
      { kind: 'avoid_split' },
      { kind: 'same_province' },
    ]) {
      const r = await shop.brand.post('/api/fulfilment/rules', body);
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    return ids;
  }

  it('keeps each rule once: a copy is refused naming its field, and nothing is written', async () => {
    await given3();
    const before = await ranking();
    const again = await shop.brand.post('/api/fulfilment/rules', { kind: 'avoid_split' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'fulfilment.rule_exists', errors: [{ field: 'kind' }] });
    const store = await shop.brand.post('/api/fulfilment/rules', {
      kind: 'prefer_location',
      locationId: shop.stores.guomao.locationId,
    });
    expect(store.json()).toMatchObject({ code: 'fulfilment.rule_exists', errors: [{ field: 'locationId' }] });
    // Preferring another store is another rule.
    const other = await shop.brand.post('/api/fulfilment/rules', {
      kind: 'prefer_location',
      locationId: shop.stores.sanlitun.locationId,
    });
    expect(other.statusCode).toBe(201);
    expect(await ranking()).toEqual([...before, [4, 'prefer_location', shop.stores.sanlitun.locationId]]);
  });

  it('moves a rule up or down, the rules between moving by one, and renumbers after a removal', async () => {
    const [prefer, avoid, province] = await given3();
    const up = await shop.brand.patch(`/api/fulfilment/rules/${province}`, { rank: 1 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ id: province, rank: 1 });
    expect(await ranking()).toEqual([
      [1, 'same_province', null],
      [2, 'prefer_location', shop.stores.guomao.locationId],
      [3, 'avoid_split', null],
    ]);
    // Past the last is last.
    expect((await shop.brand.patch(`/api/fulfilment/rules/${prefer}`, { rank: 99 })).json().rank).toBe(3);
    expect((await ranking()).map((r: unknown[]) => r[1])).toEqual([
      'same_province',
      'avoid_split',
      'prefer_location',
    ]);
    // Added at a rank, it goes in there.
    const first = await shop.brand.post('/api/fulfilment/rules', {
      kind: 'prefer_location',
      locationId: shop.stores.sanlitun.locationId,
      rank: 1,
    });
    expect(first.json().rank).toBe(1);
    expect((await ranking()).map((r: unknown[]) => r[0])).toEqual([1, 2, 3, 4]);
    expect((await shop.brand.delete(`/api/fulfilment/rules/${avoid}`)).statusCode).toBe(200);
    expect(await ranking()).toEqual([
      [1, 'prefer_location', shop.stores.sanlitun.locationId],
      [2, 'same_province', null],
      [3, 'prefer_location', shop.stores.guomao.locationId],
    ]);
    // The history says who moved what.
    const audit = (await shop.brand.get('/api/audit-log?limit=50')).json().items;
    expect(audit.map((a: any) => a.action)).toContain('fulfilment.rule.rerank');
  });

  it("refuses a rank that is not a whole number from 1, and another brand's rule", async () => {
    const [prefer] = await given3();
    for (const rank of [0, -1, 1.5, '2', null]) {
      const r = await shop.brand.patch(`/api/fulfilment/rules/${prefer}`, { rank });
      expect(r.statusCode, String(rank)).toBe(400);
      expect(r.json().errors[0].field).toBe('rank');
    }
    const stranger = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await stranger.patch(`/api/fulfilment/rules/${prefer}`, { rank: 2 })).statusCode).toBe(404);
    const brandId = (await shop.brand.get('/api/auth/me')).json().org.id;
    const viewer = await givenMember(fw, brandId, 'viewer');
    expect((await viewer.patch(`/api/fulfilment/rules/${prefer}`, { rank: 2 })).statusCode).toBe(403);
    expect((await ranking()).map((r: unknown[]) => r[0])).toEqual([1, 2, 3]);
  });

  it('keeps the ranks 1, 2, 3 … distinct under concurrent moves and additions', async () => {
    // The first rules of a brand, all at once: there is no rule yet to wait on.
    const added = await Promise.all(
      (['avoid_split', 'same_province'] as const).map((kind) =>
        shop.brand.post('/api/fulfilment/rules', { kind }),
      ),
    );
    expect(added.map((r) => r.statusCode)).toEqual([201, 201]);
    expect((await ranking()).map((r: unknown[]) => r[0])).toEqual([1, 2]);
    for (const r of added) await shop.brand.delete(`/api/fulfilment/rules/${r.json().id}`);
    const ids = await given3();
    const results = await Promise.all([
      ...ids.map((id, i) => shop.brand.patch(`/api/fulfilment/rules/${id}`, { rank: 3 - i })),
      shop.brand.post('/api/fulfilment/rules', {
        kind: 'prefer_location',
        locationId: shop.stores.sanlitun.locationId,
        rank: 2,
      }),
      shop.brand.post('/api/fulfilment/rules', { kind: 'avoid_split', rank: 1 }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 201, 409]);
    expect((await ranking()).map((r: unknown[]) => r[0])).toEqual([1, 2, 3, 4]);
  });
});
