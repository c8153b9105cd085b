import { type Codes, defineErrors } from '../../platform/errors.js';

export const paymentsErrors = defineErrors({
  'payments.signature_invalid': 'unauthenticated',
  'payments.notification_invalid': 'invalid',
  'payments.amount_mismatch': 'unprocessable',
  'payments.not_found': 'not_found',
  'payments.refund_exceeds': 'conflict',
  'payments.not_refundable': 'conflict',
  'payments.not_paid': 'conflict',
  'payments.auth_code_invalid': 'unprocessable',
  'payments.payment_refused': 'unprocessable',
});

declare module '../../platform/errors.js' {
  interface ErrorCatalog extends Codes<typeof paymentsErrors> {}
}
