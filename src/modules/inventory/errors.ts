import { type Codes, defineErrors } from '../../platform/errors.js';

export const inventoryErrors = defineErrors({
  'inventory.insufficient_stock': 'conflict',
  'inventory.unknown_location': 'unprocessable',
  'inventory.unknown_sku': 'unprocessable',
  'inventory.not_a_store': 'invalid',
  'inventory.location_exists': 'conflict',
  'inventory.same_location': 'invalid',
  'inventory.illegal_transition': 'conflict',
  'inventory.reservation_expired': 'conflict',
  'inventory.bad_receipt': 'invalid',
  'inventory.zone_exists': 'conflict',
  'inventory.location_closed': 'conflict',
  'inventory.not_yours_to_change': 'forbidden',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof inventoryErrors> {}
}
