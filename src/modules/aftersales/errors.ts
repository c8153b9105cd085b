import { type Codes, defineErrors } from '../../platform/errors.js';

export const aftersalesErrors = defineErrors({
  'aftersales.not_paid': 'conflict',
  'aftersales.not_shipped': 'conflict',
  'aftersales.not_delivered': 'conflict',
  'aftersales.window_closed': 'unprocessable',
  'aftersales.no_such_right': 'unprocessable',
  'aftersales.category_excluded': 'unprocessable',
  'aftersales.line_not_in_order': 'invalid',
  'aftersales.line_twice': 'invalid',
  'aftersales.quantity_exceeds': 'conflict',
  'aftersales.too_many_open': 'conflict',
  'aftersales.illegal_move': 'conflict',
  'aftersales.missing_field': 'invalid',
  'aftersales.changed_meanwhile': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof aftersalesErrors> {}
}
