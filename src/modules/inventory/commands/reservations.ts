import { sql } from 'kysely';
import { addMs, iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import type { Reader } from '../../../platform/db/visibility.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { ReservationStatus } from '../repo.js';
import { checkLowStock, insufficient, moveStock, type Place, type StockLine } from './stock.js';

export type ReserveInput = {
  lines: StockLine[];
  ttlSeconds: number;
  ref?: string | null;
  channelId?: string | null;
};

function reservationView(r: {
  id: string;
  location_id: string;
  sku_id: string;
  quantity: number;
  status: ReservationStatus;
  expires_at: string;
  ref: string | null;
}) {
  return {
    id: r.id,
    locationId: r.location_id,
    skuId: r.sku_id,
    quantity: Number(r.quantity),
    status: r.status,
    expiresAt: r.expires_at,
    ref: r.ref,
  };
}

/**
 * Holds stock of a location for a while (a checkout until it is paid). Each line is one
 * conditional update (`reserved + q` only where `on_hand - reserved >= q`), so no interleaving of
 * concurrent holds can promise a unit twice; when any line cannot be held, none is.
 */
export async function reserveStock(ctx: WriteCtx, place: Place, input: ReserveInput) {
  const now = iso(ctx.now);
  const expiresAt = iso(addMs(ctx.now, input.ttlSeconds * 1000));
  const rows = [];
  for (const [i, line] of input.lines.entries()) {
    const after = await ctx.trx
      .updateTable('inventory_level')
      .set({ reserved: sql`reserved + ${line.quantity}`, updated_at: now })
      .where('location_id', '=', place.id)
      .where('sku_id', '=', line.skuId)
      .where(sql<number>`on_hand - reserved`, '>=', line.quantity)
      .returning(['on_hand', 'reserved', 'low_stock_at'])
      .executeTakeFirst();
    if (!after) throw await insufficient(ctx, place, line.skuId, line.quantity, `lines.${i}.quantity`);
    await checkLowStock(
      ctx,
      place,
      line.skuId,
      after,
      Number(after.on_hand) - Number(after.reserved) + line.quantity,
    );
    rows.push({
      id: newId('rsv'),
      org_id: place.org_id,
      location_id: place.id,
      sku_id: line.skuId,
      quantity: line.quantity,
      status: 'held' as const,
      expires_at: expiresAt,
      ref: input.ref ?? null,
      channel_id: input.channelId ?? null,
      created_at: now,
      updated_at: now,
    });
  }
  await insertRows(ctx.trx, 'inventory_reservation', rows);
  await ctx.emit({
    type: 'inventory.stock_reserved',
    aggregateId: place.id,
    orgId: place.org_id,
    payload: { reservationIds: rows.map((r) => r.id), ref: input.ref ?? null, expiresAt },
  });
  return { items: rows.map(reservationView) };
}

/** A reservation `reader` may see: the system's own work (`all`) sees every one. */
async function findReservation(db: Executor, reader: Reader, id: string) {
  return new TenantScope(db, reader)
    .selectFrom('inventory_reservation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('reservation', id));
}

/**
 * Gives held stock back: on request (`released`) or when its time is up (`expired`). Releasing a
 * reservation that is already released or expired changes nothing; a committed one is sold.
 */
export async function releaseReservation(
  ctx: WriteCtx,
  reader: Reader,
  id: string,
  as: 'released' | 'expired' = 'released',
) {
  const r = await findReservation(ctx.trx, reader, id);
  const moved = await ctx.trx
    .updateTable('inventory_reservation')
    .set({ status: as, updated_at: iso(ctx.now) })
    .where('id', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    if (r.status === 'committed')
      throw new DomainError(
        'inventory.illegal_transition',
        'the reservation was sold; it cannot be released',
      );
    return reservationView(r);
  }
  await ctx.trx
    .updateTable('inventory_level')
    .set({ reserved: sql`reserved - ${r.quantity}`, updated_at: iso(ctx.now) })
    .where('location_id', '=', r.location_id)
    .where('sku_id', '=', r.sku_id)
    .execute();
  await ctx.emit({
    type: as === 'expired' ? 'inventory.reservation_expired' : 'inventory.reservation_released',
    aggregateId: r.location_id,
    orgId: r.org_id,
    payload: { reservationId: id, skuId: r.sku_id, quantity: Number(r.quantity), ref: r.ref },
  });
  return reservationView({ ...r, status: as });
}

/**
 * The held units are sold: they leave on-hand and the hold in one step, with a `sale` line in
 * the ledger. A hold that already expired is gone; the sale must reserve again.
 */
export async function commitReservation(ctx: WriteCtx, reader: Reader, id: string) {
  const r = await findReservation(ctx.trx, reader, id);
  const moved = await ctx.trx
    .updateTable('inventory_reservation')
    .set({ status: 'committed', updated_at: iso(ctx.now) })
    .where('id', '=', id)
    .where('status', '=', 'held')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    if (r.status === 'committed') return reservationView(r);
    throw new DomainError('inventory.reservation_expired', `the reservation was ${r.status}; reserve again`);
  }
  const place = await ctx.trx
    .selectFrom('inventory_location')
    .select(['id', 'org_id', 'kind', 'name'])
    .where('id', '=', r.location_id)
    .executeTakeFirstOrThrow();
  // Release the hold, then take the units out through the ledger.
  await ctx.trx
    .updateTable('inventory_level')
    .set({ reserved: sql`reserved - ${r.quantity}` })
    .where('location_id', '=', r.location_id)
    .where('sku_id', '=', r.sku_id)
    .execute();
  await moveStock(ctx, place, {
    skuId: r.sku_id,
    delta: -Number(r.quantity),
    kind: 'sale',
    refType: 'reservation',
    refId: r.ref ?? id,
    lowStockCheck: false,
  });
  await ctx.emit({
    type: 'inventory.stock_sold',
    aggregateId: r.location_id,
    orgId: r.org_id,
    payload: { reservationId: id, skuId: r.sku_id, quantity: Number(r.quantity), ref: r.ref },
  });
  return reservationView({ ...r, status: 'committed' });
}

/** Holds whose time is up, oldest first: the sweeper releases them. */
export async function dueReservations(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('inventory_reservation')
    .select('id')
    .where('status', '=', 'held')
    .where('expires_at', '<=', iso(now))
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Sold units that never left the location come back (a paid order cancelled before it was
 * picked): a `return` line in the ledger puts them on hand again.
 */
export async function restockReservation(ctx: WriteCtx, id: string, reason: string) {
  const r = await findReservation(ctx.trx, 'all', id);
  if (r.status !== 'committed') return;
  const place = await ctx.trx
    .selectFrom('inventory_location')
    .select(['id', 'org_id', 'kind', 'name'])
    .where('id', '=', r.location_id)
    .executeTakeFirstOrThrow();
  await moveStock(ctx, place, {
    skuId: r.sku_id,
    delta: Number(r.quantity),
    kind: 'return',
    reason,
    refType: 'reservation',
    refId: r.ref ?? id,
  });
}

/** The statuses of some reservations, by id. */
export async function reservationStatuses(
  db: Executor,
  ids: string[],
): Promise<Map<string, ReservationStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('inventory_reservation')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
