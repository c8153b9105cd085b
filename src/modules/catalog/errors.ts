import { defineErrors } from '../../platform/errors.js';

export const catalogErrors = defineErrors({
  'catalog.illegal_transition': 'conflict',
  'catalog.no_active_sku': 'conflict',
  'catalog.duplicate_code': 'conflict',
  'catalog.duplicate_gtin': 'conflict',
  'catalog.invalid_gtin': 'invalid',
  'catalog.options_mismatch': 'invalid',
  'catalog.duplicate_options': 'conflict',
  'catalog.import_rejected': 'unprocessable',
  'catalog.import_conflict': 'conflict',
});
