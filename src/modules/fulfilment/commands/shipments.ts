import { randomInt } from 'node:crypto';
import { addMs, iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { StockedLocation } from '../../inventory/index.js';
import { type Decision, type OpeningHours, type Rule, workStartsAt } from '../domain/routing.js';
import { type ShipmentMode, type ShipmentStatus, settled } from '../domain/shipment.js';
import type { Located } from '../queries/plan.js';

export type NewShipment = {
  location: Pick<StockedLocation, 'id' | 'store_org_id' | 'retailer_id'>;
  mode: ShipmentMode;
  lines: Array<{ skuId: string; quantity: number }>;
  reservationIds: string[];
  etaMinutes: number | null;
  standardDays: number | null;
  travelMinutes: number | null;
};

/** Records why the order goes where it goes, with every candidate's verdict (shown in the console). */
export async function recordDecision(
  ctx: WriteCtx,
  input: { orgId: string; orderId: string; address: Located; decision: Decision; rules: Rule[] },
) {
  await insertRows(ctx.trx, 'fulfilment_decision', [
    {
      id: newId('rte'),
      org_id: input.orgId,
      order_id: input.orderId,
      kind: input.decision.kind,
      address: JSON.stringify(input.address),
      candidates: JSON.stringify(input.decision.candidates),
      groups: JSON.stringify(input.decision.groups),
      rules: JSON.stringify({ rules: input.rules, applied: input.decision.rulesApplied }),
      created_at: iso(ctx.now),
    },
  ]);
}

/** The shipments of a new order, waiting for its payment. A pick-up gets its collection code now. */
export async function createShipments(
  ctx: WriteCtx,
  input: {
    orgId: string;
    orderId: string;
    address: Record<string, unknown> | null;
    shipments: NewShipment[];
  },
) {
  const now = iso(ctx.now);
  const rows = input.shipments.map((s) => ({
    id: newId('shp'),
    org_id: input.orgId,
    order_id: input.orderId,
    location_id: s.location.id,
    store_org_id: s.location.store_org_id,
    mode: s.mode,
    status: 'pending' as ShipmentStatus,
    lines: JSON.stringify(s.lines),
    reservation_ids: JSON.stringify(s.reservationIds),
    eta_minutes: s.etaMinutes,
    standard_days: s.standardDays,
    promise_at: null,
    pickup_code: s.mode === 'pickup' ? String(randomInt(100_000, 1_000_000)) : null,
    address: s.mode === 'pickup' || !input.address ? null : JSON.stringify(input.address),
    travel_minutes: s.travelMinutes,
    courier: null,
    handed_at: null,
    delivered_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }));
  if (rows.length > 0) await insertRows(ctx.trx, 'fulfilment_shipment', rows);
  return rows;
}

/**
 * When a shipment paid at `now` is promised: a parcel in its standard days; a store's hour order
 * or pick-up after its estimate, counted from when the store works on it (now if it is open long
 * enough, else its next opening), so an order paid before opening is not late on arrival.
 */
function promiseOf(
  r: { mode: ShipmentMode; eta_minutes: number | null; standard_days: number | null },
  store: { opening_hours: string; prep_minutes: number } | null,
  now: Date,
): Date {
  if (r.mode === 'standard') return addMs(now, (r.standard_days ?? 2) * 1440 * 60_000);
  const eta = r.eta_minutes ?? 60;
  if (!store || r.mode === 'counter') return addMs(now, eta * 60_000);
  const start = workStartsAt(
    { openingHours: JSON.parse(store.opening_hours) as OpeningHours, prepMinutes: store.prep_minutes },
    now,
  );
  return addMs(start, eta * 60_000);
}

/** The order is paid: its shipments join their locations' queues, and their promises start. */
export async function releaseShipments(ctx: WriteCtx, orderId: string) {
  const rows = await ctx.trx
    .selectFrom('fulfilment_shipment')
    .leftJoin('inventory_location_view', (j) =>
      j
        .onRef('inventory_location_view.id', '=', 'fulfilment_shipment.location_id')
        .on('inventory_location_view.kind', '=', 'store'),
    )
    .select([
      'fulfilment_shipment.id',
      'fulfilment_shipment.mode',
      'fulfilment_shipment.eta_minutes',
      'fulfilment_shipment.standard_days',
      'fulfilment_shipment.version',
      'inventory_location_view.opening_hours',
      'inventory_location_view.prep_minutes',
    ])
    .where('fulfilment_shipment.order_id', '=', orderId)
    .where('fulfilment_shipment.status', '=', 'pending')
    .execute();
  const now = iso(ctx.now);
  for (const r of rows) {
    const store =
      r.opening_hours !== null && r.prep_minutes !== null
        ? { opening_hours: r.opening_hours, prep_minutes: r.prep_minutes }
        : null;
    await ctx.trx
      .updateTable('fulfilment_shipment')
      .set({
        status: 'routed',
        promise_at: iso(promiseOf(r, store, ctx.now)),
        version: r.version + 1,
        updated_at: now,
      })
      .where('id', '=', r.id)
      .where('status', '=', 'pending')
      .execute();
  }
  await logEvents(
    ctx,
    rows.map((r) => r.id),
    'routed',
    null,
  );
  return rows.length;
}

/** Cancels an order's shipments that are not done; returns the reservations they held. */
export async function cancelShipments(ctx: WriteCtx, orderId: string, note: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom('fulfilment_shipment')
    .select(['id', 'status', 'reservation_ids'])
    .where('order_id', '=', orderId)
    .execute();
  const open = rows.filter((r) => !settled(r.status) && r.status !== 'out_for_delivery');
  if (open.length === 0) return [];
  await ctx.trx
    .updateTable('fulfilment_shipment')
    .set({ status: 'cancelled', updated_at: iso(ctx.now) })
    .where(
      'id',
      'in',
      open.map((r) => r.id),
    )
    .execute();
  await logEvents(
    ctx,
    open.map((r) => r.id),
    'cancelled',
    note,
  );
  return open.flatMap((r) => JSON.parse(r.reservation_ids) as string[]);
}

async function logEvents(ctx: WriteCtx, ids: string[], status: ShipmentStatus, note: string | null) {
  if (ids.length === 0) return;
  const actor = ctx.principal
    ? ctx.principal.type === 'member'
      ? ctx.principal.userId
      : ctx.principal.shopperId
    : null;
  await insertRows(
    ctx.trx,
    'fulfilment_shipment_event',
    ids.map((id) => ({
      id: newId('she'),
      shipment_id: id,
      status,
      actor_id: actor,
      note,
      created_at: iso(ctx.now),
    })),
  );
}

/** The stock reservations behind an order's shipments that are not cancelled. */
export async function orderReservations(db: Executor, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('fulfilment_shipment')
    .select('reservation_ids')
    .where('order_id', '=', orderId)
    .where('status', '<>', 'cancelled')
    .execute();
  return rows.flatMap((r) => JSON.parse(r.reservation_ids) as string[]);
}
