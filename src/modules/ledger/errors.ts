import { defineErrors } from '../../platform/errors.js';

export const ledgerErrors = defineErrors({
  'ledger.unbalanced': 'internal',
});
