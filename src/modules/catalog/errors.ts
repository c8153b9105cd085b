import { type Codes, defineErrors } from '../../platform/errors.js';

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
  'catalog.channel_retailer': 'invalid',
  'catalog.channel_exists': 'conflict',
  'catalog.unknown_sku': 'unprocessable',
  'catalog.unknown_channel': 'unprocessable',
  'catalog.invalid_price': 'invalid',
  'catalog.exclusive_elsewhere': 'conflict',
  'catalog.listed_elsewhere': 'conflict',
  'catalog.not_covered': 'conflict',
  'catalog.price_parity': 'conflict',
  'catalog.already_launched': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof catalogErrors> {}
}
