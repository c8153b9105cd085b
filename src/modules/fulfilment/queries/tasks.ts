import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { skuLabels } from '../../catalog/index.js';
import { mayWork, visibleShipment } from '../commands/moves.js';
import type { ShipmentStatus } from '../domain/shipment.js';
import { shipmentView } from './shipments.js';

const open: ShipmentStatus[] = ['routed', 'picking', 'ready', 'out_for_delivery'];

/**
 * A store's task queue: its paid shipments not yet done, the nearest promise first, each with
 * its pick list. Others (done, cancelled) on asking.
 */
/** The names a shipment's location goes by, in Chinese and in English. */
const locationNames = [
  'inventory_location_view.name as location_name',
  'inventory_location_view.name_en as location_name_en',
] as const;

export async function listTasks(
  db: Executor,
  p: MemberPrincipal,
  q: { status?: ShipmentStatus; locationId?: string; mode?: string; limit?: number; cursor?: string },
) {
  let query = db
    .selectFrom('fulfilment_shipment')
    .innerJoin('inventory_location_view', 'inventory_location_view.id', 'fulfilment_shipment.location_id')
    .selectAll('fulfilment_shipment')
    .select(locationNames)
    .where(visibleShipment(db, p));
  query = q.status
    ? query.where('fulfilment_shipment.status', '=', q.status)
    : query.where('fulfilment_shipment.status', 'in', open);
  if (q.locationId) query = query.where('fulfilment_shipment.location_id', '=', q.locationId);
  if (q.mode) query = query.where('fulfilment_shipment.mode', '=', q.mode as never);
  const page = await paginate(query, 'fulfilment_shipment.id', q, 'asc');
  const labels = await skuLabels(
    db,
    page.items.flatMap((r) => (JSON.parse(r.lines) as Array<{ skuId: string }>).map((l) => l.skuId)),
  );
  return {
    items: page.items
      .map((r) => ({
        ...shipmentView(r),
        address: r.address ? (JSON.parse(r.address) as Record<string, unknown>) : null,
        canWork: mayWork(p, r),
        pickList: (JSON.parse(r.lines) as Array<{ skuId: string; quantity: number }>).map((l) => ({
          ...l,
          ...(labels.get(l.skuId) ?? { name: l.skuId, nameEn: null, code: '', options: {} }),
        })),
      }))
      // The most urgent first: the promise that falls due soonest.
      .sort((a, b) => (a.promiseAt ?? '9').localeCompare(b.promiseAt ?? '9')),
    nextCursor: page.nextCursor,
  };
}

export async function getShipment(db: Executor, p: MemberPrincipal, id: string) {
  const r = await db
    .selectFrom('fulfilment_shipment')
    .innerJoin('inventory_location_view', 'inventory_location_view.id', 'fulfilment_shipment.location_id')
    .selectAll('fulfilment_shipment')
    .select(locationNames)
    .where('fulfilment_shipment.id', '=', id)
    .where(visibleShipment(db, p))
    .executeTakeFirstOrThrow(notFound('shipment', id));
  const events = await db
    .selectFrom('fulfilment_shipment_event')
    .select(['status', 'note', 'created_at'])
    .where('shipment_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...shipmentView(r),
    address: r.address ? (JSON.parse(r.address) as Record<string, unknown>) : null,
    canWork: mayWork(p, r),
    events: events.map((e) => ({ status: e.status, note: e.note, at: e.created_at })),
  };
}

/**
 * Promise kept per location: of the hour deliveries and pick-ups done in the last `days`, how
 * many arrived by the time promised, and the average minutes from payment to the door.
 */
export async function promisePerformance(db: Executor, p: MemberPrincipal, now: Date, days = 30) {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('fulfilment_shipment')
    .innerJoin('inventory_location_view', 'inventory_location_view.id', 'fulfilment_shipment.location_id')
    .select((eb) => [
      'fulfilment_shipment.location_id',
      'inventory_location_view.name',
      'inventory_location_view.name_en',
      eb.fn.countAll<number>().as('done'),
      eb.fn
        .sum<number>(
          sql`case when fulfilment_shipment.delivered_at <= fulfilment_shipment.promise_at then 1 else 0 end`,
        )
        .as('kept'),
    ])
    .where(visibleShipment(db, p))
    .where('fulfilment_shipment.mode', 'in', ['hour', 'pickup'])
    .where('fulfilment_shipment.status', 'in', ['delivered', 'picked_up'])
    .where('fulfilment_shipment.delivered_at', '>=', since)
    .groupBy([
      'fulfilment_shipment.location_id',
      'inventory_location_view.name',
      'inventory_location_view.name_en',
    ])
    .orderBy('inventory_location_view.name')
    .execute();
  return {
    days,
    items: rows.map((r) => ({
      locationId: r.location_id,
      name: r.name,
      nameEn: r.name_en,
      done: Number(r.done),
      kept: Number(r.kept),
      rate: Number(r.done) ? Number(r.kept) / Number(r.done) : null,
    })),
  };
}
