import type { FlywheelModule } from '../../platform/module.js';
import { scopeOf } from '../../platform/module.js';
import './errors.js';
import { catalogFigures } from './queries.js';
import { catalogMigrations } from './repo.js';
import { catalogRoutes } from './routes.js';
import { seedCatalog } from './seed.js';

export { gtinProblem } from './domain/gtin.js';
export type { CatalogTables } from './repo.js';

/** Brands' products and SKUs: options, GTINs, images, lifecycle, search. */
export function createCatalogModule(): FlywheelModule {
  return {
    name: 'catalog',
    migrations: catalogMigrations,
    routes: catalogRoutes,
    seed: seedCatalog,
    homeFigures: async (rt, principal) =>
      principal.orgKind === 'brand' ? catalogFigures(scopeOf(rt.db, principal), principal.orgId) : [],
  };
}
