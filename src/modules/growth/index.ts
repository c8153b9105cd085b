import type { FlywheelModule } from '../../platform/module.js';
import './visibility.js';
import { growthMigrations } from './repo.js';
import { growthRoutes } from './routes.js';

export { placedFrom } from './commands/attribution.js';
export { type OrderSource, orderSources } from './domain/sources.js';
export type { GrowthTables } from './repo.js';

/**
 * Growth: where orders come from (channel and traffic source, recorded at placement); the STEPS
 * stage, the merchant diagnostic and the analytics come with their issue.
 */
export function createGrowthModule(): FlywheelModule {
  return { name: 'growth', migrations: growthMigrations, routes: growthRoutes };
}
