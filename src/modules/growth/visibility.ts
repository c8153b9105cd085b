import { defineVisibility } from '../../platform/db/visibility.js';
import type { GrowthTables } from './repo.js';

defineVisibility<GrowthTables>({
  // Where the brand's orders were placed from: the brand's own analytics.
  growth_order_source: { orgs: ['org_id'] },
});
