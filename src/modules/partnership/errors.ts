import { type Codes, defineErrors } from '../../platform/errors.js';

export const partnershipErrors = defineErrors({
  'partnership.illegal_transition': 'conflict',
  'partnership.wrong_party': 'forbidden',
  'partnership.not_a_retailer': 'invalid',
  'partnership.bad_term': 'invalid',
  'partnership.not_editable': 'conflict',
  'partnership.changed_meanwhile': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof partnershipErrors> {}
}
