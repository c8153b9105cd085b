import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { agreementTerms, coverageGap, coverCommitment } from '../../partnership/index.js';
import { replenishmentQuantity } from '../domain/stock.js';
import type { InventoryTables } from '../repo.js';

type LocationRow = InventoryTables['inventory_location'];

const salesWindowDays = 14;
/** Units a full-line store keeps of each SKU in scope: one on display, one behind it. */
const displayMinimum = 2;

/**
 * The SKUs a store should carry for the brand: active SKUs of active products in the lines an
 * agreement in force covers in the store's province, except SKUs made for another channel.
 */
async function scopeOf(db: Executor, store: LocationRow, now: Date) {
  if (store.kind !== 'store' || !store.retailer_id) return [];
  const agreements = await agreementTerms(db, store.org_id, [store.retailer_id]);
  const storeChannel = await db
    .selectFrom('catalog_channel_view')
    .select('id')
    .where('org_id', '=', store.org_id)
    .where('kind', '=', 'store')
    .where('retailer_id', '=', store.retailer_id)
    .executeTakeFirst();
  const skus = await db
    .selectFrom('catalog_sku_view')
    .innerJoin('catalog_product_view', 'catalog_product_view.id', 'catalog_sku_view.product_id')
    .select([
      'catalog_sku_view.id',
      'catalog_sku_view.code',
      'catalog_sku_view.options',
      'catalog_sku_view.exclusive_channel_id',
      'catalog_product_view.name',
      'catalog_product_view.product_line',
    ])
    .where('catalog_sku_view.org_id', '=', store.org_id)
    .where('catalog_sku_view.status', '=', 'active')
    .where('catalog_product_view.status', '=', 'active')
    .orderBy('catalog_product_view.product_line')
    .orderBy('catalog_sku_view.code')
    .execute();
  return skus.filter(
    (k) =>
      (k.exclusive_channel_id === null || k.exclusive_channel_id === storeChannel?.id) &&
      coverageGap(
        agreements,
        { retailerId: store.retailer_id!, province: store.province },
        k.product_line,
        now,
      ) === null,
  );
}

async function levelsAt(db: Executor, locationId: string) {
  const rows = await db
    .selectFrom('inventory_level')
    .select(['sku_id', 'on_hand', 'reserved', 'in_transit'])
    .where('location_id', '=', locationId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.sku_id,
      { available: Number(r.on_hand) - Number(r.reserved), inTransit: Number(r.in_transit) },
    ]),
  );
}

/**
 * "Full line on the shelf" for one store and brand: each SKU in the agreement's scope, whether
 * it is on display in the brand zone (its planogram) and in stock, and the gaps.
 */
export async function fullLineReport(db: Executor, store: LocationRow, now: Date) {
  const inScope = await scopeOf(db, store, now);
  const zone = await db
    .selectFrom('inventory_zone')
    .select(['id', 'planogram'])
    .where('location_id', '=', store.id)
    .where('org_id', '=', store.org_id)
    .executeTakeFirst();
  const planogram = new Set<string>(zone ? JSON.parse(zone.planogram) : []);
  const levels = await levelsAt(db, store.id);
  const lines = inScope.map((k) => {
    const level = levels.get(k.id) ?? { available: 0, inTransit: 0 };
    const gaps = [
      ...(planogram.has(k.id) ? [] : ['not_on_display' as const]),
      ...(level.available > 0 ? [] : ['out_of_stock' as const]),
    ];
    return {
      skuId: k.id,
      code: k.code,
      productName: k.name,
      productLine: k.product_line,
      options: JSON.parse(k.options) as Record<string, string>,
      onDisplay: planogram.has(k.id),
      available: level.available,
      inTransit: level.inTransit,
      gaps,
    };
  });
  return {
    locationId: store.id,
    locationName: store.name,
    locationNameEn: store.name_en,
    zoneId: zone?.id ?? null,
    inScope: lines.length,
    complete: lines.filter((l) => l.gaps.length === 0).length,
    notOnDisplay: lines.filter((l) => !l.onDisplay).length,
    outOfStock: lines.filter((l) => l.available <= 0).length,
    lines,
  };
}

/**
 * What a store should be sent, SKU by SKU: recent sales against the agreement's days of cover
 * (7 without one), at least the display minimum for SKUs in the full line, less stock held and
 * on its way; from the warehouse with the most available.
 */
export async function replenishmentSuggestions(db: Executor, store: LocationRow, now: Date) {
  if (store.kind !== 'store' || !store.retailer_id)
    return { locationId: store.id, coverDays: null, items: [] };
  const coverDays = (await coverCommitment(db, store.org_id, store.retailer_id)) ?? 7;
  const inScope = await scopeOf(db, store, now);
  const levels = await levelsAt(db, store.id);
  const since = iso(new Date(now.getTime() - salesWindowDays * 86_400_000));
  const sales = await db
    .selectFrom('inventory_movement')
    .select(['sku_id', (eb) => eb.fn.sum<number>('quantity').as('units')])
    .where('location_id', '=', store.id)
    .where('kind', '=', 'sale')
    .where('created_at', '>=', since)
    .groupBy('sku_id')
    .execute();
  const sold = new Map(sales.map((s) => [s.sku_id, -Number(s.units)]));
  const skuIds = [...new Set([...inScope.map((k) => k.id), ...sold.keys()])];
  const names = new Map(inScope.map((k) => [k.id, k]));
  const warehouses =
    skuIds.length === 0
      ? []
      : await db
          .selectFrom('inventory_level')
          .innerJoin('inventory_location', 'inventory_location.id', 'inventory_level.location_id')
          .select([
            'inventory_level.sku_id',
            'inventory_location.id',
            'inventory_location.name',
            'inventory_level.on_hand',
            'inventory_level.reserved',
          ])
          .where('inventory_location.org_id', '=', store.org_id)
          .where('inventory_location.kind', '=', 'warehouse')
          .where('inventory_location.status', '=', 'active')
          .where('inventory_level.sku_id', 'in', skuIds)
          .execute();
  const items = [];
  for (const skuId of skuIds) {
    const level = levels.get(skuId) ?? { available: 0, inTransit: 0 };
    const quantity = replenishmentQuantity({
      soldLastDays: sold.get(skuId) ?? 0,
      days: salesWindowDays,
      coverDays,
      displayMinimum: names.has(skuId) ? displayMinimum : 0,
      available: level.available,
      inTransit: level.inTransit,
    });
    if (quantity === 0) continue;
    const source = warehouses
      .filter((w) => w.sku_id === skuId)
      .map((w) => ({ id: w.id, name: w.name, available: Number(w.on_hand) - Number(w.reserved) }))
      .sort((a, b) => b.available - a.available)[0];
    items.push({
      skuId,
      code: names.get(skuId)?.code ?? null,
      productName: names.get(skuId)?.name ?? null,
      quantity,
      soldLast14Days: sold.get(skuId) ?? 0,
      available: level.available,
      inTransit: level.inTransit,
      fromLocationId: source && source.available > 0 ? source.id : null,
      fromName: source && source.available > 0 ? source.name : null,
      fromAvailable: source ? Math.max(0, source.available) : 0,
    });
  }
  return { locationId: store.id, coverDays, items };
}
