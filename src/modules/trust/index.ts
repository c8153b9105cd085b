import { chinaDay, chinaDayRange } from '../../platform/clock.js';
import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { brandsToEvaluate, evaluateShop } from './commands/evaluate.js';
import './errors.js';
import './visibility.js';
import { trustEvents } from './events.js';
import { trustMigrations } from './repo.js';
import { trustRoutes } from './routes.js';
import { seedTrust } from './seed.js';

export { compensate, netDebt } from './commands/compensate.js';
export { judgeNewBrand } from './commands/evaluate.js';
export { rightsAsPlaced } from './commands/snapshot.js';
export { baselineRights, lateDeliveryCompensation, type Rights } from './domain/rights.js';
export { rightsOfOrder } from './queries.js';
export type { TrustTables } from './repo.js';

/**
 * Judges every brand not yet judged today (China time) against the tiers: the daily round that
 * drops a shop whose figures fell and raises one whose rose. Returns how many were judged.
 */
export async function evaluateDaily(rt: Runtime): Promise<number> {
  const today = chinaDayRange(chinaDay(rt.clock.now())).from;
  const due = await brandsToEvaluate(rt.db, today);
  for (const orgId of due)
    await systemWrite(rt, 'trust.shop.evaluate', (ctx) => evaluateShop(ctx, orgId, 'daily'));
  return due.length;
}

/**
 * Trust: the Trust Card tiers the operator defines, the rights each order keeps from the tier its
 * shop held when it was placed, merchants' deposits through the ledger, and the daily judging.
 */
export function createTrustModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'trust',
    events: trustEvents,
    migrations: trustMigrations,
    routes: trustRoutes,
    seed: seedTrust,
    start(rt) {
      loop = backgroundLoop(rt, 'trust evaluation', 600_000, () => evaluateDaily(rt));
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
