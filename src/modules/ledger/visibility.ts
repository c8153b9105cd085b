import { defineVisibility } from '../../platform/db/visibility.js';
import type { LedgerTables, LedgerViews } from './repo.js';

defineVisibility<LedgerTables & LedgerViews>({
  // Each organisation sees its own entries; a transaction spans several, so only the operator reads it whole.
  ledger_entry: { orgs: ['org_id'] },
  ledger_entry_view: { orgs: ['org_id'] },
  ledger_transaction: { operator: 'a transaction moves money between several organisations' },
  ledger_transaction_view: { operator: 'a transaction moves money between several organisations' },
});
