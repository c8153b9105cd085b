import { defineVisibility } from '../../platform/db/visibility.js';
import type { IdentityTables, IdentityViews } from './repo.js';

defineVisibility<IdentityTables & IdentityViews>({
  // An organisation is seen by itself and, for a store, by its retailer (whose readers include it).
  identity_org: { orgs: ['org_id'] },
  identity_org_view: { orgs: ['org_id'] },
  identity_membership: { orgs: ['org_id'] },
  identity_api_key: { orgs: ['org_id'] },
  identity_shopper: { orgs: [], shopper: 'id' },
  identity_shopper_address: { orgs: [], shopper: 'shopper_id' },
  identity_user: { internal: 'a person with credentials; members are read through their memberships' },
  identity_user_view: { internal: 'names of people, joined to the memberships and audit rows a reader sees' },
  identity_shopper_view: { shopper: 'id', orgs: [] },
  identity_session: { internal: 'credentials' },
});
