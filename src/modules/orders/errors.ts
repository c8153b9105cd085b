import { type Codes, defineErrors } from '../../platform/errors.js';

export const ordersErrors = defineErrors({
  'orders.cart_closed': 'conflict',
  'orders.cart_empty': 'conflict',
  'orders.not_sellable': 'conflict',
  'orders.cart_invalid': 'unprocessable',
  'orders.delivery_missing': 'unprocessable',
  'orders.hour_unavailable': 'conflict',
  'orders.pickup_unavailable': 'conflict',
  'orders.out_of_stock': 'conflict',
  'orders.illegal_transition': 'conflict',
  'orders.changed_meanwhile': 'conflict',
  'orders.channel_not_shop': 'unprocessable',
  'orders.pos_not_here': 'unprocessable',
  'orders.day_not_over': 'unprocessable',
  'orders.address_incomplete': 'unprocessable',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof ordersErrors> {}
}
