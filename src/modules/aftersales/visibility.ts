import { defineVisibility } from '../../platform/db/visibility.js';
import type { AftersalesTables } from './repo.js';

const withClaim = { parent: { table: 'aftersales_claim', column: 'claim_id' } } as const;

defineVisibility<AftersalesTables>({
  // A claim is the shopper's and the brand's that sold; the store it was handed in at works it
  // through the claim's code, not by reading the brand's claims.
  aftersales_claim: { orgs: ['org_id'], shopper: 'shopper_id' },
  aftersales_claim_line: withClaim,
  aftersales_history: withClaim,
  aftersales_message: withClaim,
  aftersales_line: { orgs: ['org_id'] },
  aftersales_policy: { operator: "the platform's after-sales deadlines and limits" },
});
