import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { dueReservations, releaseReservation } from './commands/reservations.js';
import './errors.js';
import './visibility.js';
import { inventoryFigures } from './queries/levels.js';
import { inventoryMigrations } from './repo.js';
import { inventoryRoutes } from './routes.js';
import { seedInventory } from './seed.js';

export {
  commitReservation,
  releaseReservation,
  reservationStatuses,
  reserveStock,
  restockReservation,
} from './commands/reservations.js';

import { inventoryEvents } from './events.js';

export { moveStock, type Place } from './commands/stock.js';
export {
  availableToPromise,
  isActiveStoreOf,
  type StockedLocation,
  stockedLocations,
} from './queries/availability.js';
export { stockFindings } from './queries/conservation.js';
export type { InventoryTables } from './repo.js';

/** Releases holds whose time is up; returns how many it released. */
export async function expireReservations(
  rt: Pick<Runtime, 'db' | 'clock' | 'hooks' | 'nudge'>,
  limit = 500,
): Promise<number> {
  const due = await dueReservations(rt.db, rt.clock.now(), limit);
  for (const id of due)
    await systemWrite(rt, 'inventory.expire', (ctx) => releaseReservation(ctx, 'all', id, 'expired'));
  return due.length;
}

/**
 * Stock locations (warehouses, partner stores, brand zones), levels, reservations with expiry,
 * the movement ledger, transfers, replenishment, availability per channel.
 */
export function createInventoryModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'inventory',
    events: inventoryEvents,
    migrations: inventoryMigrations,
    routes: inventoryRoutes,
    seed: seedInventory,
    homeFigures: async (rt, principal) =>
      ['brand', 'retailer', 'store'].includes(principal.orgKind) ? inventoryFigures(rt.db, principal) : [],
    start(rt) {
      // The sweeper: a hold past its expiry is released within a few seconds.
      loop = backgroundLoop(rt, 'reservation sweeper', 5_000, () => expireReservations(rt));
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
