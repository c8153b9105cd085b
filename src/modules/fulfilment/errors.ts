import { type Codes, defineErrors } from '../../platform/errors.js';

export const fulfilmentErrors = defineErrors({
  'fulfilment.address_unknown': 'invalid',
  'fulfilment.illegal_transition': 'conflict',
  'fulfilment.pickup_code_wrong': 'unprocessable',
  'fulfilment.changed_meanwhile': 'conflict',
  'fulfilment.not_yours_to_work': 'forbidden',
  'fulfilment.location_unknown': 'unprocessable',
  'fulfilment.rule_exists': 'conflict',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof fulfilmentErrors> {}
}
