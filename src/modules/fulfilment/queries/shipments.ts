import type { Executor } from '../../../platform/db/database.js';
import type { Assessment, Group } from '../domain/routing.js';
import type { ShipmentStatus } from '../domain/shipment.js';
import type { FulfilmentTables } from '../repo.js';

type ShipmentRow = FulfilmentTables['fulfilment_shipment'] & {
  location_name: string;
  location_name_en: string | null;
};

export function shipmentView(r: ShipmentRow) {
  return {
    id: r.id,
    orderId: r.order_id,
    locationId: r.location_id,
    locationName: r.location_name,
    locationNameEn: r.location_name_en,
    mode: r.mode,
    status: r.status,
    lines: JSON.parse(r.lines) as Array<{ skuId: string; quantity: number }>,
    etaMinutes: r.eta_minutes,
    standardDays: r.standard_days,
    promiseAt: r.promise_at,
    pickupCode: r.pickup_code,
    courier: r.courier ? (JSON.parse(r.courier) as Record<string, unknown>) : null,
    deliveredAt: r.delivered_at,
    updatedAt: r.updated_at,
  };
}

/** The shipments of some orders, with their locations' names. */
export async function shipmentsOf(db: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('fulfilment_shipment')
    .innerJoin('inventory_location_view', 'inventory_location_view.id', 'fulfilment_shipment.location_id')
    .selectAll('fulfilment_shipment')
    .select([
      'inventory_location_view.name as location_name',
      'inventory_location_view.name_en as location_name_en',
    ])
    .where('fulfilment_shipment.order_id', 'in', orderIds)
    .orderBy('fulfilment_shipment.id')
    .execute();
  return rows.map(shipmentView);
}

/** Why an order went where it went: the recorded decision with every candidate's verdict. */
export async function decisionOf(db: Executor, orderId: string) {
  const r = await db
    .selectFrom('fulfilment_decision')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    kind: r.kind,
    address: JSON.parse(r.address) as Record<string, unknown>,
    candidates: JSON.parse(r.candidates) as Assessment[],
    groups: JSON.parse(r.groups) as Group[],
    rules: JSON.parse(r.rules) as { rules: unknown[]; applied: string[] },
    decidedAt: r.created_at,
  };
}

/** The statuses of an order's shipments. */
export async function shipmentStatuses(db: Executor, orderId: string): Promise<ShipmentStatus[]> {
  const rows = await db
    .selectFrom('fulfilment_shipment')
    .select('status')
    .where('order_id', '=', orderId)
    .execute();
  return rows.map((r) => r.status);
}
