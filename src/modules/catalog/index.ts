import type { FlywheelModule } from '../../platform/module.js';
import { scopeOf } from '../../platform/module.js';
import './errors.js';
import './visibility.js';
import { channelRoutes } from './channel-routes.js';
import { catalogFigures } from './queries/products.js';
import { catalogMigrations } from './repo.js';
import { catalogRoutes } from './routes.js';
import { seedCatalog } from './seed.js';
import { shopRoutes } from './shop-routes.js';

export { categoryWords } from './domain/categories.js';
export type { SellRefusal } from './domain/channels.js';
export { gtinProblem } from './domain/gtin.js';
export {
  type ChannelRow,
  channelById,
  channelOffers,
  findChannel,
  listedSkuIds,
  type Offer,
  offersBySku,
  skuLabels,
  storeChannelOf,
} from './queries/channels.js';

import { catalogEvents } from './events.js';

export type { CatalogTables } from './repo.js';

/** Brands' products and SKUs: options, GTINs, images, lifecycle, search. */
export function createCatalogModule(): FlywheelModule {
  return {
    name: 'catalog',
    events: catalogEvents,
    migrations: catalogMigrations,
    routes(app, rt) {
      catalogRoutes(app, rt);
      channelRoutes(app, rt);
      shopRoutes(app, rt);
    },
    seed: seedCatalog,
    homeFigures: async (rt, principal) =>
      principal.orgKind === 'brand' ? catalogFigures(scopeOf(rt.db, principal), principal.orgId) : [],
  };
}
