import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { applyMove, dueDeliveries } from './commands/moves.js';
import './errors.js';
import './visibility.js';
import { fulfilmentMigrations } from './repo.js';
import { fulfilmentRoutes } from './routes.js';

export {
  moveShipment,
  type ShipmentMovedEvent,
  type ShipmentRow,
  shipmentMoved,
} from './commands/moves.js';
export {
  cancelShipments,
  createShipments,
  type NewShipment,
  orderReservations,
  recordDecision,
  releaseShipments,
} from './commands/shipments.js';

import { fulfilmentEvents } from './events.js';

export { knownDistricts } from './domain/districts.js';
export type { Decision, Group, HourGap, RouteLine } from './domain/routing.js';
export { hourGapReasons } from './domain/routing.js';
export type { ShipmentMode, ShipmentStatus } from './domain/shipment.js';
export { type AddressInput, type Located, locate, type Plan, planRoute } from './queries/plan.js';
export { decisionOf, shipmentStatuses, shipmentsOf } from './queries/shipments.js';
export type { FulfilmentTables } from './repo.js';
export { ShipmentSummary } from './schema.js';

/**
 * Fulfilment: routing for one-hour delivery (nearest able store, capacity-aware, split,
 * warehouse fallback, pick-up), each decision recorded with its candidates, and shipments.
 */
export function createFulfilmentModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'fulfilment',
    events: fulfilmentEvents,
    migrations: fulfilmentMigrations,
    routes: fulfilmentRoutes,
    start(rt) {
      if (rt.config.courierSimulator)
        loop = backgroundLoop(rt, 'courier simulator', 2_000, () => simulateCouriers(rt));
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}

/**
 * The demo world's couriers: an hour parcel handed over is delivered once its ride is over (the
 * estimate's travel minutes, divided by `COURIER_SPEED`). A real delivery partner, and the
 * carrier of a warehouse parcel, report through the moves API instead.
 */
export async function simulateCouriers(rt: Runtime): Promise<number> {
  const due = await dueDeliveries(rt.db, rt.clock.now(), rt.config.courierSpeed);
  for (const s of due)
    await systemWrite(rt, 'fulfilment.courier.deliver', (ctx) =>
      applyMove(ctx, s, { to: 'delivered', note: 'delivered by the demo courier' }),
    ).catch((error) => rt.logger.warn({ err: error, shipment: s.id }, 'courier could not deliver'));
  return due.length;
}
