import { type Codes, defineErrors } from '../../platform/errors.js';

export const trustErrors = defineErrors({
  'trust.code_taken': 'conflict',
  'trust.rank_taken': 'conflict',
  'trust.bad_rights': 'invalid',
  'trust.not_a_brand': 'invalid',
  'trust.payable_short': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof trustErrors> {}
}
