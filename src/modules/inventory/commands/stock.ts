import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorId } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { crossedLowStock, defaultLowStockAt } from '../domain/stock.js';
import type { MovementKind } from '../repo.js';

/** A location as the stock commands need it. */
export type Place = { id: string; org_id: string; kind: 'warehouse' | 'store'; name: string };

type LevelAfter = { on_hand: number; reserved: number; low_stock_at: number | null };

export async function insufficient(
  ctx: WriteCtx,
  place: Place,
  skuId: string,
  requested: number,
  field?: string,
) {
  const level = await ctx.trx
    .selectFrom('inventory_level')
    .select(['on_hand', 'reserved'])
    .where('location_id', '=', place.id)
    .where('sku_id', '=', skuId)
    .executeTakeFirst();
  const available = level ? Number(level.on_hand) - Number(level.reserved) : 0;
  return new DomainError(
    'inventory.insufficient_stock',
    `${place.name} has ${available} available of ${skuId}; ${requested} asked`,
    {
      locationId: place.id,
      skuId,
      available,
      requested,
      ...(field ? { errors: [{ field, message: `only ${available} available` }] } : {}),
    },
  );
}

/** Emits `inventory.low_stock` when a change takes a cell's availability down to its threshold. */
export async function checkLowStock(
  ctx: WriteCtx,
  place: Place,
  skuId: string,
  after: LevelAfter,
  availableBefore: number,
) {
  const threshold = after.low_stock_at ?? defaultLowStockAt[place.kind];
  const available = Number(after.on_hand) - Number(after.reserved);
  if (crossedLowStock(availableBefore, available, threshold))
    await ctx.emit({
      type: 'inventory.low_stock',
      aggregateId: `${place.id}:${skuId}`,
      orgId: place.org_id,
      payload: { locationId: place.id, locationName: place.name, skuId, available, threshold },
    });
}

/**
 * Moves on-hand stock of one cell by `delta` and writes the ledger line that explains it, as one
 * conditional statement: an increase creates the cell if needed; a decrease happens only if that
 * many units are available (on hand and not reserved), else nothing changes and 409 answers.
 */
export async function moveStock(
  ctx: WriteCtx,
  place: Place,
  m: {
    skuId: string;
    delta: number;
    kind: MovementKind;
    reason?: string | null;
    refType?: string;
    refId?: string;
    field?: string;
    /** False where the units were already held: the hold raised any low-stock event. */
    lowStockCheck?: boolean;
  },
): Promise<LevelAfter> {
  const now = iso(ctx.now);
  let after: LevelAfter | undefined;
  if (m.delta >= 0) {
    after = await ctx.trx
      .insertInto('inventory_level')
      .values({
        org_id: place.org_id,
        location_id: place.id,
        sku_id: m.skuId,
        on_hand: m.delta,
        reserved: 0,
        in_transit: 0,
        low_stock_at: null,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['location_id', 'sku_id'])
          .doUpdateSet({ on_hand: sql`inventory_level.on_hand + ${m.delta}`, updated_at: now }),
      )
      .returning(['on_hand', 'reserved', 'low_stock_at'])
      .executeTakeFirst();
  } else {
    after = await ctx.trx
      .updateTable('inventory_level')
      .set({ on_hand: sql`on_hand + ${m.delta}`, updated_at: now })
      .where('location_id', '=', place.id)
      .where('sku_id', '=', m.skuId)
      .where(sql<number>`on_hand - reserved`, '>=', -m.delta)
      .returning(['on_hand', 'reserved', 'low_stock_at'])
      .executeTakeFirst();
    if (!after) throw await insufficient(ctx, place, m.skuId, -m.delta, m.field);
  }
  await insertRows(ctx.trx, 'inventory_movement', [
    {
      id: newId('mov'),
      org_id: place.org_id,
      location_id: place.id,
      sku_id: m.skuId,
      kind: m.kind,
      quantity: m.delta,
      on_hand_after: Number(after!.on_hand),
      reason: m.reason ?? null,
      ref_type: m.refType ?? null,
      ref_id: m.refId ?? null,
      actor_id: actorId(ctx.principal),
      created_at: now,
    },
  ]);
  const available = Number(after!.on_hand) - Number(after!.reserved);
  if (m.lowStockCheck !== false) await checkLowStock(ctx, place, m.skuId, after!, available - m.delta);
  return after!;
}

/** Changes stock in transit towards a location (shipped, not yet received). */
export async function moveInTransit(ctx: WriteCtx, place: Place, skuId: string, delta: number) {
  const now = iso(ctx.now);
  if (delta < 0) {
    // An insert would be checked before its conflict is seen; the cell exists once goods shipped.
    await ctx.trx
      .updateTable('inventory_level')
      .set({ in_transit: sql`in_transit + ${delta}`, updated_at: now })
      .where('location_id', '=', place.id)
      .where('sku_id', '=', skuId)
      .execute();
    return;
  }
  await ctx.trx
    .insertInto('inventory_level')
    .values({
      org_id: place.org_id,
      location_id: place.id,
      sku_id: skuId,
      on_hand: 0,
      reserved: 0,
      in_transit: delta,
      low_stock_at: null,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['location_id', 'sku_id'])
        .doUpdateSet({ in_transit: sql`inventory_level.in_transit + ${delta}`, updated_at: now }),
    )
    .execute();
}

export type StockLine = { skuId: string; quantity: number };

/** Goods received at a location (from a supplier or production), one ledger line each. */
export async function receiveStock(
  ctx: WriteCtx,
  place: Place,
  lines: StockLine[],
  ref?: { type: string; id: string },
) {
  for (const l of lines)
    await moveStock(ctx, place, {
      skuId: l.skuId,
      delta: l.quantity,
      kind: 'receive',
      refType: ref?.type,
      refId: ref?.id,
    });
  await ctx.emit({
    type: 'inventory.stock_received',
    aggregateId: place.id,
    orgId: place.org_id,
    payload: { lines, ref: ref ?? null },
  });
  return { locationId: place.id, lines: lines.length, units: lines.reduce((a, l) => a + l.quantity, 0) };
}

/**
 * A counted correction (`adjust`, signed, with its reason), units found damaged (`damage`, out)
 * or returned by a shopper (`return`, in).
 */
export async function adjustStock(
  ctx: WriteCtx,
  place: Place,
  input: { skuId: string; quantity: number; kind: 'adjust' | 'damage' | 'return'; reason: string },
) {
  const delta =
    input.kind === 'damage'
      ? -Math.abs(input.quantity)
      : input.kind === 'return'
        ? Math.abs(input.quantity)
        : input.quantity;
  const after = await moveStock(ctx, place, {
    skuId: input.skuId,
    delta,
    kind: input.kind,
    reason: input.reason,
    field: 'quantity',
  });
  await ctx.emit({
    type: 'inventory.stock_adjusted',
    aggregateId: place.id,
    orgId: place.org_id,
    payload: { skuId: input.skuId, kind: input.kind, quantity: delta, reason: input.reason },
  });
  return {
    locationId: place.id,
    skuId: input.skuId,
    onHand: Number(after.on_hand),
    reserved: Number(after.reserved),
  };
}

/** A location of the brand a write names in its body, or 422 naming the field. */
export async function placeOf(
  ctx: WriteCtx,
  scope: TenantScope,
  locationId: string,
  field = 'locationId',
): Promise<Place> {
  const place = await scope
    .on(ctx.trx)
    .selectFrom('inventory_location')
    .select(['id', 'org_id', 'kind', 'name', 'status'])
    .where('id', '=', locationId)
    .executeTakeFirst();
  if (!place)
    throw new DomainError('inventory.unknown_location', 'not a location of the brand', {
      errors: [{ field, message: 'is not a location of the brand' }],
    });
  return place;
}

/** Every SKU a write names belongs to the location's brand, or 422 naming the first that does not. */
export async function assertSkus(
  ctx: WriteCtx,
  brandId: string,
  skuIds: string[],
  field: (i: number) => string,
) {
  const found = new Set(
    (
      await ctx.trx
        .selectFrom('catalog_sku_view')
        .select('id')
        .where('org_id', '=', brandId)
        .where('id', 'in', skuIds)
        .execute()
    ).map((s) => s.id),
  );
  const i = skuIds.findIndex((id) => !found.has(id));
  if (i >= 0)
    throw new DomainError('inventory.unknown_sku', 'not an SKU of the brand', {
      errors: [{ field: field(i), message: 'is not an SKU of the brand' }],
    });
}
