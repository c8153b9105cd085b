import { defineEvents, type Payloads } from '../../platform/events.js';
import { Obj, Type } from '../../platform/http/schemas.js';

/** What payments say happened: money taken, refused and given back. */
export const paymentsEvents = defineEvents('payments', {
  'payments.payment_taken': {
    version: 1,
    aggregate: 'payment',
    summary: 'A payment was taken; `late` when it came after its order had closed (and is refunded).',
    payload: Obj({
      orderId: Type.String(),
      amount: Type.Integer({ description: 'fen' }),
      late: Type.Boolean(),
    }),
  },
  'payments.payment_refused': {
    version: 1,
    aggregate: 'payment',
    summary:
      "The provider refused to take a payment at once (a shopper's payment code at the counter): nothing was taken.",
    payload: Obj({
      orderId: Type.String(),
      code: Type.String({ description: "the provider's refusal, as an error code" }),
      reason: Type.String(),
    }),
  },
  'payments.transfer_made': {
    version: 1,
    aggregate: 'payment',
    summary: 'Money beyond a refund was paid to the shopper of a payment: a compensation.',
    payload: Obj({
      orderId: Type.String(),
      transferId: Type.String(),
      amount: Type.Integer({ description: 'fen' }),
      reason: Type.String(),
    }),
  },
  'payments.payment_refunded': {
    version: 1,
    aggregate: 'payment',
    summary: 'Money was refunded to the shopper.',
    payload: Obj({
      orderId: Type.String(),
      refundId: Type.String(),
      amount: Type.Integer({ description: 'fen' }),
      reason: Type.String(),
    }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof paymentsEvents> {}
}
