import { defineEvents, type Payloads } from '../../platform/events.js';
import { Obj, Type } from '../../platform/http/schemas.js';

/** What webhooks say happened. */
export const webhooksEvents = defineEvents('webhooks', {
  'webhooks.endpoint_created': {
    version: 1,
    aggregate: 'webhook_endpoint',
    summary: 'An organisation registered a webhook endpoint.',
    payload: Obj({ url: Type.String() }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof webhooksEvents> {}
}
