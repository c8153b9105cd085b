import { defineEvents, type Payloads } from '../../platform/events.js';
import { Obj, Type } from '../../platform/http/schemas.js';

/** What after-sales says happened: claims opened, moved, refunded and compensated. */
export const aftersalesEvents = defineEvents('aftersales', {
  'aftersales.claim_opened': {
    version: 1,
    aggregate: 'claim',
    summary: 'A shopper (or the system, for a late parcel) opened an after-sales claim.',
    payload: Obj({
      orderId: Type.String(),
      kind: Type.String(),
      reason: Type.String(),
      refund: Type.Integer(),
    }),
  },
  'aftersales.claim_moved': {
    version: 1,
    aggregate: 'claim',
    summary: 'A claim moved: approved, rejected, returned, received, escalated, ruled, closed.',
    payload: Obj({ move: Type.String(), from: Type.String(), to: Type.String(), by: Type.String() }),
  },
  'aftersales.claim_settled': {
    version: 1,
    aggregate: 'claim',
    summary: "A claim's refund and compensation were paid.",
    payload: Obj({
      orderId: Type.String(),
      refunded: Type.Integer({ description: 'fen' }),
      compensated: Type.Integer({ description: 'fen' }),
    }),
  },
  'aftersales.message_posted': {
    version: 1,
    aggregate: 'claim',
    summary: "A message was added to a claim's thread.",
    payload: Obj({ author: Type.String() }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof aftersalesEvents> {}
}
