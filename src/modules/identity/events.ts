import { ChangedFields, defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

/** What identity says happened: organisations, members, users, shoppers and API keys. */
export const identityEvents = defineEvents('identity', {
  'identity.org_created': {
    version: 1,
    aggregate: 'org',
    summary: 'An organisation (brand, retailer, store, creator, provider) was onboarded.',
    payload: Obj({ kind: Type.String(), name: Type.String(), parentId: Nullable(Type.String()) }),
  },
  'identity.org_updated': {
    version: 1,
    aggregate: 'org',
    summary: 'An organisation changed.',
    payload: Obj({ changes: ChangedFields }),
  },
  'identity.user_created': {
    version: 1,
    aggregate: 'user',
    summary: 'A user account was created for a new member.',
    payload: Obj({ userId: Type.String(), email: Type.String() }),
  },
  'identity.member_added': {
    version: 1,
    aggregate: 'org',
    summary: 'A user became a member of an organisation.',
    payload: Obj({ membershipId: Type.String(), userId: Type.String(), role: Type.String() }),
  },
  'identity.member_role_changed': {
    version: 1,
    aggregate: 'org',
    summary: "A member's role changed.",
    payload: Obj({ membershipId: Type.String(), from: Type.String(), to: Type.String() }),
  },
  'identity.member_removed': {
    version: 1,
    aggregate: 'org',
    summary: 'A member left an organisation.',
    payload: Obj({ membershipId: Type.String(), userId: Type.String() }),
  },
  'identity.shopper_registered': {
    version: 1,
    aggregate: 'shopper',
    summary: 'A shopper registered.',
    payload: Obj({ shopperId: Type.String() }),
  },
  'identity.api_key_created': {
    version: 1,
    aggregate: 'api_key',
    summary: 'An API key was issued.',
    payload: Obj({ name: Type.String(), role: Type.String() }),
  },
  'identity.api_key_revoked': {
    version: 1,
    aggregate: 'api_key',
    summary: 'An API key was revoked.',
    payload: Obj({}),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof identityEvents> {}
}
