import type { FlywheelModule } from '../../platform/module.js';
import './errors.js';
import { fulfilmentMigrations } from './repo.js';

export {
  cancelShipments,
  createShipments,
  type NewShipment,
  orderReservations,
  recordDecision,
  releaseShipments,
} from './commands/shipments.js';
export { knownDistricts } from './domain/districts.js';
export type { Decision, Group, RouteLine } from './domain/routing.js';
export type { ShipmentMode, ShipmentStatus } from './domain/shipment.js';
export { type AddressInput, type Located, locate, type Plan, planRoute } from './queries/plan.js';
export { decisionOf, shipmentsOf } from './queries/shipments.js';
export type { FulfilmentTables } from './repo.js';

/**
 * Fulfilment: routing for one-hour delivery (nearest able store, capacity-aware, split,
 * warehouse fallback, pick-up), each decision recorded with its candidates, and shipments.
 */
export function createFulfilmentModule(): FlywheelModule {
  return {
    name: 'fulfilment',
    migrations: fulfilmentMigrations,
  };
}
