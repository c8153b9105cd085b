import { type Codes, defineErrors } from '../../platform/errors.js';

export const ledgerErrors = defineErrors({
  'ledger.unbalanced': 'internal',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof ledgerErrors> {}
}
