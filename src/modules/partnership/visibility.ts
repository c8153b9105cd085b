import { defineVisibility } from '../../platform/db/visibility.js';
import type { PartnershipTables } from './repo.js';

defineVisibility<PartnershipTables>({
  // An agreement is seen by both its parties; its history with it.
  partnership_agreement: { orgs: ['org_id', 'retailer_id'] },
  partnership_history: { parent: { table: 'partnership_agreement', column: 'agreement_id' } },
  // Seen by the brand and the retailer whose store sends the part.
  partnership_sale_terms: { orgs: ['org_id', 'retailer_id'] },
});
