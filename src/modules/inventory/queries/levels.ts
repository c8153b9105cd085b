import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { defaultLowStockAt } from '../domain/stock.js';
import { visibleLocation } from './locations.js';

/** A cell at or below its low-stock line (its own threshold, or its location kind's). */
const atOrBelowLowStock = sql<boolean>`inventory_level.on_hand - inventory_level.reserved <= coalesce(inventory_level.low_stock_at, case when inventory_location.kind = 'store' then ${sql.lit(defaultLowStockAt.store)} else ${sql.lit(defaultLowStockAt.warehouse)} end)`;

/** The inventory grid: one row per SKU and location, with on hand, reserved, available and in transit. */
export async function listLevels(
  db: Executor,
  p: MemberPrincipal,
  q: {
    locationId?: string;
    skuId?: string;
    q?: string;
    low?: 'true' | 'false';
    limit?: number;
    cursor?: string;
  },
) {
  let query = db
    .selectFrom('inventory_level')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_level.location_id')
    .innerJoin('catalog_sku_view', 'catalog_sku_view.id', 'inventory_level.sku_id')
    .innerJoin('catalog_product_view', 'catalog_product_view.id', 'catalog_sku_view.product_id')
    .select([
      sql<string>`inventory_level.location_id || ':' || inventory_level.sku_id`.as('id'),
      'inventory_level.location_id',
      'inventory_location.name as location_name',
      'inventory_location.name_en as location_name_en',
      'inventory_location.kind as location_kind',
      'inventory_level.sku_id',
      'catalog_sku_view.code',
      'catalog_sku_view.options',
      'catalog_product_view.name as product_name',
      'catalog_product_view.product_line',
      'inventory_level.on_hand',
      'inventory_level.reserved',
      'inventory_level.in_transit',
      'inventory_level.low_stock_at',
      'inventory_level.updated_at',
    ])
    .where(visibleLocation(db, p));
  if (q.locationId) query = query.where('inventory_level.location_id', '=', q.locationId);
  if (q.skuId) query = query.where('inventory_level.sku_id', '=', q.skuId);
  if (q.q) {
    const like = `%${q.q}%`;
    query = query.where((w) =>
      w.or([w('catalog_product_view.name', 'like', like), w('catalog_sku_view.code', 'like', like)]),
    );
  }
  if (q.low === 'true') query = query.where(atOrBelowLowStock);
  const page = await paginate(
    query,
    sql`inventory_level.location_id || ':' || inventory_level.sku_id` as any,
    q,
    'asc',
  );
  return {
    items: page.items.map((r) => ({
      locationId: r.location_id,
      locationName: r.location_name,
      locationNameEn: r.location_name_en,
      locationKind: r.location_kind,
      skuId: r.sku_id,
      code: r.code,
      options: JSON.parse(r.options) as Record<string, string>,
      productName: r.product_name,
      productLine: r.product_line,
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      available: Number(r.on_hand) - Number(r.reserved),
      inTransit: Number(r.in_transit),
      lowStockAt: r.low_stock_at ?? defaultLowStockAt[r.location_kind],
      updatedAt: r.updated_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The ledger of one cell (or of a location, or an SKU everywhere), newest first. */
export async function listMovements(
  db: Executor,
  p: MemberPrincipal,
  q: { locationId?: string; skuId?: string; limit?: number; cursor?: string },
) {
  let query = db
    .selectFrom('inventory_movement')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_movement.location_id')
    .innerJoin('catalog_sku_view', 'catalog_sku_view.id', 'inventory_movement.sku_id')
    .leftJoin('identity_user_view', 'identity_user_view.id', 'inventory_movement.actor_id')
    .selectAll('inventory_movement')
    .select([
      'inventory_location.name as location_name',
      'inventory_location.name_en as location_name_en',
      'catalog_sku_view.code',
      'identity_user_view.name as actor_name',
    ])
    .where(visibleLocation(db, p));
  if (q.locationId) query = query.where('inventory_movement.location_id', '=', q.locationId);
  if (q.skuId) query = query.where('inventory_movement.sku_id', '=', q.skuId);
  const page = await paginate(query, 'inventory_movement.id', q, 'desc');
  return {
    items: page.items.map((m) => ({
      id: m.id,
      locationId: m.location_id,
      locationName: m.location_name,
      locationNameEn: m.location_name_en,
      skuId: m.sku_id,
      code: m.code,
      kind: m.kind,
      quantity: Number(m.quantity),
      onHandAfter: Number(m.on_hand_after),
      reason: m.reason,
      refType: m.ref_type,
      refId: m.ref_id,
      actorName: m.actor_name,
      createdAt: m.created_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Home figures: cells at or below their low-stock line, and transfers not yet received. */
export async function inventoryFigures(db: Executor, p: MemberPrincipal) {
  const low = await db
    .selectFrom('inventory_level')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_level.location_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(visibleLocation(db, p))
    .where(atOrBelowLowStock)
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('inventory_transfer')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_transfer.to_location_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when('inventory_transfer.status', '=', 'shipped').then(1).else(0).end())
        .as('shipped'),
    ])
    .where(visibleLocation(db, p))
    .where('inventory_transfer.status', 'in', ['requested', 'shipped'])
    .executeTakeFirstOrThrow();
  return [
    { key: 'inventory.lowStock', value: Number(low.n), group: 'inventory' },
    { key: 'inventory.openTransfers', value: Number(open.n), group: 'inventory' },
    // On the way in: the receiving location's to-do.
    { key: 'inventory.toReceive', value: Number(open.shipped ?? 0), group: 'todo' },
  ];
}
