import { Id, Nullable, Obj, PageQuery, Str, Timestamp, Type, whole } from '../../platform/http/schemas.js';
import { shipmentModes, shipmentMoves, shipmentStatuses } from './domain/shipment.js';

export const TaskQuery = Obj({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(shipmentStatuses)),
  mode: Type.Optional(Type.Enum(shipmentModes)),
  locationId: Type.Optional(Id('loc')),
});

export const MoveBody = Obj({
  to: Type.Enum(shipmentMoves),
  pickupCode: Type.Optional(Str({ max: 6, min: 6, pattern: '^[0-9]{6}$' })),
  courier: Type.Optional(
    Obj({ name: Str({ max: 60 }), phone: Type.Optional(Str({ max: 20, pattern: '^[0-9+ -]+$' })) }),
  ),
  note: Type.Optional(Str({ max: 200 })),
});

export const PickupBody = Obj({ code: Str({ max: 6, min: 6, pattern: '^[0-9]{6}$' }) });

const Line = Type.Object({
  skuId: Type.String(),
  quantity: Type.Integer(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  code: Type.String(),
  options: Type.Record(Type.String(), Type.String()),
});

/** A shipment as an order shows it (`shipmentView`). */
export const ShipmentSummary = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  locationId: Type.String(),
  locationName: Type.String(),
  locationNameEn: Nullable(Type.String()),
  mode: Type.Enum(shipmentModes),
  status: Type.Enum(shipmentStatuses),
  lines: Type.Array(Type.Object({ skuId: Type.String(), quantity: Type.Integer() })),
  etaMinutes: Nullable(Type.Integer()),
  standardDays: Nullable(Type.Integer()),
  promiseAt: Nullable(Timestamp),
  pickupCode: Nullable(Type.String()),
  courier: Nullable(Type.Record(Type.String(), Type.Unknown())),
  deliveredAt: Nullable(Timestamp),
  updatedAt: Timestamp,
});

const shipmentFields = {
  ...ShipmentSummary.properties,
  address: Nullable(Type.Record(Type.String(), Type.Unknown())),
  canWork: Type.Boolean(),
};

export const Task = Type.Object({ ...shipmentFields, pickList: Type.Array(Line) });
export const Shipment = Type.Object({
  ...shipmentFields,
  events: Type.Array(Type.Object({ status: Type.String(), note: Nullable(Type.String()), at: Timestamp })),
});
export const MovedShipment = Type.Object({
  id: Type.String(),
  status: Type.Enum(shipmentStatuses),
  updatedAt: Timestamp,
});

export const PerformanceQuery = Obj({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) });
export const Performance = Type.Object(
  {
    days: Type.Integer(),
    items: Type.Array(
      Type.Object({
        locationId: Type.String(),
        name: Type.String(),
        nameEn: Nullable(Type.String()),
        done: Type.Integer(),
        kept: Type.Integer(),
        rate: Nullable(Type.Number()),
      }),
    ),
  },
  whole('a report: one row per location that shipped in the window'),
);

export const ruleKinds = ['prefer_location', 'avoid_split', 'same_province'] as const;
export const RuleQuery = Obj({ ...PageQuery.properties, brandId: Type.Optional(Id('org')) });
export const RuleBody = Obj({
  brandId: Type.Optional(Id('org')),
  kind: Type.Enum(ruleKinds),
  locationId: Type.Optional(Id('loc')),
  rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export const RuleRankBody = Obj({
  rank: Type.Integer({ minimum: 1, maximum: 1000, description: '1 is tried first; past the last is last' }),
});
export const Rule = Type.Object({
  id: Type.String(),
  brandId: Type.String(),
  rank: Type.Integer(),
  kind: Type.Enum(ruleKinds),
  locationId: Nullable(Type.String()),
  locationName: Nullable(Type.String()),
  locationNameEn: Nullable(Type.String()),
  createdAt: Timestamp,
});
