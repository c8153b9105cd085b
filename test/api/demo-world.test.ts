import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { gtinProblem } from '../../src/modules/catalog/index.js';
import type { DemoWorld } from '../../src/platform/module.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

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
});
