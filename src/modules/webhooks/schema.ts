import { AnyId, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';

const EventType = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^(\\*|[a-z_]+\\.(\\*|[a-z_]+))$',
  description: '`*`, `module.*` or `module.event_name`',
});
const Url = Type.String({ format: 'uri', pattern: '^https?://', minLength: 8, maxLength: 2000 });

export const CreateEndpointBody = Obj({
  url: Url,
  description: Type.Optional(Str({ max: 200 })),
  eventTypes: Type.Array(EventType, { minItems: 1, maxItems: 50 }),
  active: Type.Optional(Type.Boolean()),
});
export const UpdateEndpointBody = Obj({
  url: Type.Optional(Url),
  description: Type.Optional(Str({ max: 200 })),
  eventTypes: Type.Optional(Type.Array(EventType, { minItems: 1, maxItems: 50 })),
  active: Type.Optional(Type.Boolean()),
});

export const Endpoint = Type.Object(
  {
    id: Type.String(),
    orgId: Type.String(),
    url: Type.String(),
    description: Nullable(Type.String()),
    eventTypes: Type.Array(Type.String()),
    active: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WebhookEndpoint' },
);
export const CreatedEndpoint = Type.Object({
  ...Endpoint.properties,
  secret: Type.String({ description: 'signing secret; shown once' }),
});

const DeliveryStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);
export const Delivery = Type.Object(
  {
    id: Type.String(),
    endpointId: Type.String(),
    eventId: Type.String(),
    eventType: Type.String(),
    aggregateId: Type.String(),
    status: DeliveryStatus,
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(Timestamp),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    createdAt: Timestamp,
    deliveredAt: Nullable(Timestamp),
  },
  { $id: 'WebhookDelivery' },
);
export const DeliveryDetail = Type.Object({
  ...Delivery.properties,
  payload: Type.Record(Type.String(), Type.Unknown()),
  attemptLog: Type.Array(
    Type.Object({
      id: Type.String(),
      attemptedAt: Timestamp,
      statusCode: Nullable(Type.Integer()),
      durationMs: Type.Integer(),
      error: Nullable(Type.String()),
      responseSnippet: Nullable(Type.String()),
    }),
  ),
});
export const DeliveryQuery = Obj({ ...PageQuery.properties, status: Type.Optional(DeliveryStatus) });
export const Deleted = Type.Object({ id: Type.String(), ok: Type.Boolean() });
export const IdParam = Obj({ id: AnyId });
