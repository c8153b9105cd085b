import { randomInt } from 'node:crypto';
import { addMs, iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { StockedLocation } from '../../inventory/index.js';
import type { Decision, Rule } from '../domain/routing.js';
import { type ShipmentMode, type ShipmentStatus, settled } from '../domain/shipment.js';
import type { Located } from '../queries/plan.js';

export type NewShipment = {
  location: Pick<StockedLocation, 'id' | 'store_org_id'>;
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
 * The order is paid: its shipments join their locations' queues, and the promise starts now
 * (an hour order's estimate, a parcel's standard days, a pick-up's preparation).
 */
export async function releaseShipments(ctx: WriteCtx, orderId: string) {
  const rows = await ctx.trx
    .selectFrom('fulfilment_shipment')
    .select(['id', 'mode', 'eta_minutes', 'standard_days', 'version'])
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .execute();
  const now = iso(ctx.now);
  for (const r of rows) {
    const minutes = r.mode === 'standard' ? (r.standard_days ?? 2) * 1440 : (r.eta_minutes ?? 60);
    await ctx.trx
      .updateTable('fulfilment_shipment')
      .set({
        status: 'routed',
        promise_at: iso(addMs(ctx.now, minutes * 60_000)),
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
