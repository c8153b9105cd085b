import { defineVisibility } from '../../platform/db/visibility.js';
import type { CatalogTables, CatalogViews } from './repo.js';

// A channel is seen by its brand and by the retailer whose stores sell on it; its listings with it.
const channel = { orgs: ['org_id', 'retailer_id'] } as const;

defineVisibility<CatalogTables & CatalogViews>({
  catalog_product: { orgs: ['org_id'] },
  catalog_product_view: { orgs: ['org_id'] },
  catalog_sku: { orgs: ['org_id'] },
  catalog_sku_view: { orgs: ['org_id'] },
  catalog_channel: channel,
  catalog_channel_view: channel,
  catalog_listing: { parent: { table: 'catalog_channel', column: 'channel_id' } },
  catalog_launch: { orgs: ['org_id'] },
});
