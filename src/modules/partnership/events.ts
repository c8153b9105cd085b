import { ChangedFields, defineEvents, type Payloads } from '../../platform/events.js';
import { Obj, Type } from '../../platform/http/schemas.js';

const Moved = Obj({ from: Type.String(), to: Type.String(), retailerId: Type.String() });
const moved = (summary: string) => ({ version: 1, aggregate: 'agreement', summary, payload: Moved });

/** What partnership says happened: brand-retailer agreements, their amendments and their life. */
export const partnershipEvents = defineEvents('partnership', {
  'partnership.agreement_created': {
    version: 1,
    aggregate: 'agreement',
    summary: 'A brand drafted an agreement with a retailer.',
    payload: Obj({ retailerId: Type.String(), level: Type.String() }),
  },
  'partnership.agreement_amended': {
    version: 1,
    aggregate: 'agreement',
    summary: 'A draft agreement changed.',
    payload: Obj({ changes: ChangedFields }),
  },
  'partnership.addendum_signed': {
    version: 1,
    aggregate: 'agreement',
    summary: 'The parties signed an addendum to an agreement in force.',
    payload: Obj({ title: Type.String(), signedOn: Type.String(), changes: ChangedFields }),
  },
  'partnership.agreement_proposed': moved('The brand proposed an agreement to the retailer.'),
  'partnership.agreement_withdrawn': moved('The brand withdrew its proposal.'),
  'partnership.agreement_accepted': moved('The retailer accepted: the agreement is in force.'),
  'partnership.agreement_declined': moved('The retailer declined the proposal.'),
  'partnership.agreement_suspended': moved('A party suspended the agreement.'),
  'partnership.agreement_resumed': moved('A suspended agreement is in force again.'),
  'partnership.agreement_terminated': moved('A party terminated the agreement.'),
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof partnershipEvents> {}
}
