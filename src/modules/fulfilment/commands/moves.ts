import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorId, type MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type ShipmentMove, shipmentMoveRefusal, shipmentMoves } from '../domain/shipment.js';
import type { FulfilmentTables } from '../repo.js';

export type ShipmentRow = FulfilmentTables['fulfilment_shipment'];

/** The events of a shipment's moves, one per move. */
export const shipmentMoved = shipmentMoves.map((m) => `fulfilment.shipment_${m}` as const);
export type ShipmentMovedEvent = (typeof shipmentMoved)[number];

/**
 * Who works a shipment: a store's shipments its store and retailer (and the delivery partner
 * they give an API key), a warehouse's the brand; the operator any, to put things right.
 */
export function mayWork(p: MemberPrincipal, s: Pick<ShipmentRow, 'org_id' | 'store_org_id'>): boolean {
  if (p.orgKind === 'platform') return true;
  if (s.store_org_id)
    return (p.orgKind === 'store' || p.orgKind === 'retailer') && p.orgIds.includes(s.store_org_id);
  return p.orgKind === 'brand' && p.orgIds.includes(s.org_id);
}

/** Shipments a member sees: its brand's, its store's (visibility.ts). */
export function visibleShipment(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p).rows('fulfilment_shipment');
}

export type MoveInput = {
  to: ShipmentMove;
  pickupCode?: string;
  courier?: { name: string; phone?: string };
  note?: string;
};

/**
 * Moves a shipment a step: picking, packed and ready, handed to the courier, delivered, or
 * collected with its pick-up code. One conditional update on the version: a concurrent move
 * answers 409.
 */
export async function moveShipment(ctx: WriteCtx, p: MemberPrincipal | null, id: string, input: MoveInput) {
  let q = ctx.trx.selectFrom('fulfilment_shipment').selectAll().where('id', '=', id);
  if (p) q = q.where(visibleShipment(ctx.trx, p));
  const s = await q.executeTakeFirstOrThrow(notFound('shipment', id));
  if (p && !mayWork(p, s))
    throw new DomainError(
      'fulfilment.not_yours_to_work',
      'the store (or, for a warehouse, the brand) works this shipment',
    );
  return applyMove(ctx, s, input);
}

/** Hands a pick-up over at the counter: the one ready shipment the member may work with this code. */
export async function collectPickup(ctx: WriteCtx, p: MemberPrincipal, code: string): Promise<ShipmentRow> {
  const found = (
    await ctx.trx
      .selectFrom('fulfilment_shipment')
      .selectAll()
      .where('pickup_code', '=', code)
      .where('status', '=', 'ready')
      .where(visibleShipment(ctx.trx, p))
      .execute()
  ).filter((s) => mayWork(p, s));
  if (found.length !== 1)
    throw new DomainError('fulfilment.pickup_code_wrong', 'no pick-up waits here under that code', {
      errors: [
        {
          field: 'code',
          message: found.length ? 'matches more than one pick-up' : 'no pick-up ready with it',
        },
      ],
    });
  return moveShipment(ctx, p, found[0].id, { to: 'picked_up', pickupCode: code });
}

export async function applyMove(ctx: WriteCtx, s: ShipmentRow, input: MoveInput): Promise<ShipmentRow> {
  const refusal = shipmentMoveRefusal(s.mode, s.status, input.to);
  if (refusal)
    throw new DomainError('fulfilment.illegal_transition', refusal, { from: s.status, to: input.to });
  // Goods sold at the counter cross it with the sale; a pick-up only for its code.
  if (input.to === 'picked_up' && s.mode === 'pickup' && input.pickupCode !== s.pickup_code)
    throw new DomainError('fulfilment.pickup_code_wrong', 'that is not the code of this pick-up', {
      errors: [{ field: 'pickupCode', message: 'does not match' }],
    });
  const now = iso(ctx.now);
  const changes: Partial<ShipmentRow> = { status: input.to, version: s.version + 1, updated_at: now };
  if (input.to === 'out_for_delivery') {
    changes.handed_at = now;
    if (input.courier) changes.courier = JSON.stringify(input.courier);
  }
  if (input.to === 'delivered' || input.to === 'picked_up') changes.delivered_at = now;
  const moved = await ctx.trx
    .updateTable('fulfilment_shipment')
    .set(changes)
    .where('id', '=', s.id)
    .where('version', '=', s.version)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    throw new DomainError('fulfilment.changed_meanwhile', 'the shipment changed meanwhile; reload it');
  await ctx.trx
    .insertInto('fulfilment_shipment_event')
    .values({
      id: newId('she'),
      shipment_id: s.id,
      status: input.to,
      actor_id: actorId(ctx.principal),
      note: input.note ?? null,
      created_at: now,
    })
    .execute();
  const after = { ...s, ...changes } as ShipmentRow;
  await ctx.emit({
    type: `fulfilment.shipment_${input.to}`,
    aggregateId: s.id,
    orgId: s.org_id,
    payload: {
      orderId: s.order_id,
      locationId: s.location_id,
      from: s.status,
      to: input.to,
      promiseAt: s.promise_at,
    },
  });
  return after;
}

/**
 * Hour parcels whose courier has had the time of the ride: the demo courier delivers them.
 * Warehouse parcels go with a carrier, which reports through the moves API.
 */
export async function dueDeliveries(db: Executor, now: Date, speed: number, limit = 100) {
  // Hour parcels on their way are few at any moment: each arrives within its ride.
  const rows = await db
    .selectFrom('fulfilment_shipment')
    .selectAll()
    .where('status', '=', 'out_for_delivery')
    .where('mode', '=', 'hour')
    .orderBy('handed_at')
    .limit(1_000)
    .execute();
  return rows
    .filter(
      (r) => new Date(r.handed_at!).getTime() + ((r.travel_minutes ?? 15) * 60_000) / speed <= now.getTime(),
    )
    .slice(0, limit);
}
