import type { Clock } from '../../platform/clock.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { type DemoWorld, type Runtime, systemWrite } from '../../platform/module.js';
import { demoStores } from '../identity/index.js';
import { createLocation } from './commands/locations.js';
import { commitReservation, reserveStock } from './commands/reservations.js';
import { type Place, receiveStock } from './commands/stock.js';
import { auditZone, createZone } from './commands/zones.js';

/** A small deterministic mix, so the demo world is the same every time it is made. */
const mix = (a: number, b: number) => ((a * 7919 + b * 104_729) % 97) / 97;

const warehouses = {
  oppo: [
    {
      name: 'OPPO 华北仓 North China DC',
      province: '河北',
      city: '廊坊',
      district: '广阳区',
      lat: 39.5231,
      lng: 116.7034,
      units: 200,
    },
    {
      name: 'OPPO 华南仓 South China DC',
      province: '广东',
      city: '东莞',
      district: '长安镇',
      lat: 22.8165,
      lng: 113.8065,
      units: 150,
    },
  ],
  heilan: [
    {
      name: '海澜之家 江阴仓 Jiangyin DC',
      province: '江苏',
      city: '无锡',
      district: '江阴市',
      lat: 31.9203,
      lng: 120.2853,
      units: 300,
    },
  ],
  qingyan: [
    {
      name: '青妍 上海仓 Shanghai DC',
      province: '上海',
      city: '上海',
      district: '嘉定区',
      lat: 31.3747,
      lng: 121.2655,
      units: 400,
    },
  ],
} as const;

const checklist = (i: number) => [
  { item: '展台与灯箱符合 2026 标准 Fixtures to the 2026 standard', passed: true },
  {
    item: '全线产品上架 Full line on display',
    passed: i % 3 !== 0,
    ...(i % 3 === 0 ? { note: 'Reno6 紫色缺展 Reno6 Purple missing' } : {}),
  },
  { item: '价签与线上一致 Price tags match online', passed: true },
  { item: '体验机可用 Demo units working', passed: i % 4 !== 1 },
  { item: '店员完成新品培训 Staff trained on the new launch', passed: i % 2 === 0 },
];

/**
 * The demo world's stock (issue 3 §9): OPPO's two warehouses and every JD Home store, with a
 * brand zone in each store (planogram, audits) and two weeks of sales in the Beijing stores; a
 * few gaps on the shelves so the full-line report has something to say. Heilan and Qingyan
 * hold stock in one warehouse each.
 */
export async function seedInventory(rt: Runtime, world: DemoWorld): Promise<void> {
  const locations: Record<string, string> = {};
  for (const [brandKey, sites] of Object.entries(warehouses)) {
    const brandId = world.orgs[brandKey];
    if (!brandId) continue;
    const scope = new TenantScope(rt.db, { orgIds: [brandId], orgKind: 'brand' });
    const skus = await rt.db
      .selectFrom('catalog_sku_view')
      .innerJoin('catalog_product_view', 'catalog_product_view.id', 'catalog_sku_view.product_id')
      .select([
        'catalog_sku_view.id',
        'catalog_sku_view.code',
        'catalog_sku_view.exclusive_channel_id',
        'catalog_product_view.name',
        'catalog_product_view.status',
      ])
      .where('catalog_sku_view.org_id', '=', brandId)
      .orderBy('catalog_sku_view.code')
      .execute();
    const place = (loc: { id: string; kind: 'warehouse' | 'store'; name: string }): Place => ({
      ...loc,
      org_id: brandId,
    });

    for (const [w, site] of sites.entries()) {
      const { units, ...input } = site;
      const loc = await systemWrite(rt, 'inventory.location.create', (ctx) =>
        createLocation(ctx, scope, brandId, {
          kind: 'warehouse',
          ...input,
          openingHours: { open: '08:00', close: '20:00' },
        }),
      );
      locations[`${brandKey}:wh${w + 1}`] = loc.id;
      // The live-exclusive colourway is kept in the first warehouse only, near the live studio.
      const lines = skus
        .filter((s) => w === 0 || s.exclusive_channel_id === null)
        .map((s, i) => ({ skuId: s.id, quantity: Math.round(units * (0.6 + 0.8 * mix(i, w))) }));
      await systemWrite(rt, 'inventory.receive', (ctx) =>
        receiveStock(ctx, place(loc), lines, { type: 'receipt', id: `GRN-${brandKey}-${w + 1}` }),
      );
    }
    if (brandKey !== 'oppo') continue;

    // Every JD Home store is an OPPO location with a brand zone; the shelves of the Find X5 Pro
    // wait for its launch, and a few other SKUs have run out.
    const shelf = skus.filter((s) => s.exclusive_channel_id === null && s.status === 'active');
    for (const [i, s] of demoStores.entries()) {
      const storeOrgId = world.orgs[s.key];
      if (!storeOrgId) continue;
      const loc = await systemWrite(rt, 'inventory.location.create', (ctx) =>
        createLocation(ctx, scope, brandId, {
          kind: 'store',
          storeOrgId,
          openingHours: { open: '10:00', close: '22:00' },
          deliveryRadiusM: s.tier === 1 ? 5000 : 8000,
          prepMinutes: 12 + (i % 4) * 3,
        }),
      );
      locations[`oppo:${s.key}`] = loc.id;
      const stocked = shelf.filter((k, j) => !k.name.includes('X5') && mix(i, j) > 0.12);
      const quantity = (j: number) => 2 + Math.round(6 * mix(j, i));
      await systemWrite(rt, 'inventory.receive', (ctx) =>
        receiveStock(
          ctx,
          place(loc),
          stocked.map((k, j) => ({ skuId: k.id, quantity: quantity(j) })),
          { type: 'transfer', id: `OPENING-${s.key}` },
        ),
      );
      const planogram = shelf.filter((_, j) => mix(j, i + 3) > 0.08).map((k) => k.id);
      const zoneId = await systemWrite(rt, 'inventory.zone.create', (ctx) =>
        createZone(ctx, scope, {
          locationId: loc.id,
          areaM2: 20 + (s.area > 300 ? 10 : 0),
          fixtureStandard: 'OPPO 2026 标准体验区 Experience zone (3 tables, 1 wall)',
          planogram,
        }),
      );
      if (i < 8)
        await systemWrite(rt, 'inventory.zone.audit', (ctx) =>
          auditZone(ctx, scope, zoneId, {
            auditedOn: new Date(rt.clock.now().getTime() - (3 + i) * 86_400_000).toISOString().slice(0, 10),
            auditor: ['王磊 Wang Lei', '李娜 Li Na'][i % 2],
            checklist: checklist(i),
          }),
        );
      // Two weeks of sales in the Beijing stores, on the days they happened.
      if (s.province !== '北京') continue;
      for (const [j, k] of stocked.slice(0, 12).entries()) {
        const sales = Math.min(Math.round(3 * mix(i + 11, j)), quantity(j) - 1);
        for (let n = 0; n < sales; n++) {
          const day = 1 + ((i + j + n * 5) % 13);
          const at: Clock = { now: () => new Date(rt.clock.now().getTime() - day * 86_400_000) };
          await systemWrite(
            rt,
            'inventory.sale',
            async (ctx) => {
              const held = await reserveStock(ctx, place(loc), {
                lines: [{ skuId: k.id, quantity: 1 }],
                ttlSeconds: 900,
                ref: `POS-${s.key}-${j}-${n}`,
              });
              return commitReservation(ctx, { orgIds: [brandId], orgKind: 'brand' }, held.items[0].id);
            },
            at,
          );
        }
      }
    }
  }
  world.locations = locations;
}
