import { defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

/** What trust says happened: tiers defined, shops moving between them, deposits paid in. */
export const trustEvents = defineEvents('trust', {
  'trust.tier_saved': {
    version: 1,
    aggregate: 'tier',
    summary: 'The operator defined a Trust Card tier or changed its rights or rules.',
    payload: Obj({ code: Type.String(), rank: Type.Integer(), active: Type.Boolean() }),
  },
  'trust.shop_tier_changed': {
    version: 1,
    aggregate: 'shop',
    summary: "A brand's shops came to hold another Trust Card tier (or none), with the reason.",
    payload: Obj({
      from: Nullable(Type.String({ description: 'the tier code it held' })),
      to: Nullable(Type.String({ description: 'the tier code it holds now' })),
      cause: Type.String(),
    }),
  },
  'trust.deposit_paid': {
    version: 1,
    aggregate: 'deposit',
    summary: 'A merchant paid into its deposit, by bank transfer or out of its payable.',
    payload: Obj({ amount: Type.Integer(), source: Type.String(), balance: Type.Integer() }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof trustEvents> {}
}
