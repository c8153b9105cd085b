import { defineVisibility } from '../../platform/db/visibility.js';
import type { TrustTables } from './repo.js';

defineVisibility<TrustTables>({
  // The platform's tiers: everyone reads them through the public Trust Card, not this table.
  trust_tier: { operator: 'the tiers the platform defines; shops and shoppers read them as Trust Cards' },
  // A brand sees its own standing, evaluations and deposit payments.
  trust_shop: { orgs: ['org_id'] },
  trust_evaluation: { orgs: ['org_id'] },
  trust_account: { internal: 'a lock row: nobody reads it' },
  trust_deposit: { orgs: ['org_id'] },
  // Frozen rights of tiers: read with the orders that name them, through the Trust Card.
  trust_rights: { operator: 'frozen copies of tiers; shoppers and brands read them with their orders' },
  // The brand that sold and the shopper who bought.
  trust_order_rights: { orgs: ['org_id'], shopper: 'shopper_id' },
});
