import {
  AnyId,
  Id,
  Nullable,
  Obj,
  PageQuery,
  Str,
  Timestamp,
  Type,
  whole,
} from '../../platform/http/schemas.js';
import { provinceNames } from '../../platform/provinces.js';

const Qty = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 });
const OpeningHours = Obj(
  { open: Hhmm, close: Hhmm },
  { description: 'every day, China time; close before open wraps past midnight' },
);
const Lines = Type.Array(Obj({ skuId: Id('sku'), quantity: Qty }), { minItems: 1, maxItems: 500 });

export const CreateLocationBody = Obj({
  kind: Type.Enum(['warehouse', 'store'] as const),
  storeOrgId: Type.Optional(Id('org')),
  name: Type.Optional(Str({ max: 120 })),
  nameEn: Type.Optional(Str({ max: 120, description: "its English name (a store's own by default)" })),
  province: Type.Optional(Type.Enum(provinceNames)),
  city: Type.Optional(Str({ max: 60 })),
  district: Type.Optional(Str({ max: 60 })),
  address: Type.Optional(Str({ max: 200 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  openingHours: Type.Optional(OpeningHours),
  deliveryRadiusM: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  prepMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
  pickCapacity: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: 'orders picked at once; beyond it hour orders queue',
    }),
  ),
});
export const UpdateLocationBody = Obj({
  name: Type.Optional(Str({ max: 120 })),
  nameEn: Type.Optional(Str({ max: 120 })),
  openingHours: Type.Optional(OpeningHours),
  deliveryRadiusM: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  prepMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })),
  pickCapacity: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1000,
      description: 'orders picked at once; beyond it hour orders queue',
    }),
  ),
  status: Type.Optional(Type.Enum(['active', 'closed'] as const)),
});
export const Location = Type.Object(
  {
    id: Type.String(),
    brandId: Type.String(),
    kind: Type.String(),
    storeOrgId: Nullable(Type.String()),
    retailerId: Nullable(Type.String()),
    name: Type.String(),
    nameEn: Nullable(Type.String()),
    province: Type.String(),
    city: Type.String(),
    district: Nullable(Type.String()),
    address: Nullable(Type.String()),
    lat: Type.Number(),
    lng: Type.Number(),
    cityTier: Nullable(Type.Integer()),
    areaM2: Nullable(Type.Integer()),
    openingHours: Type.Object({ open: Type.String(), close: Type.String() }),
    deliveryRadiusM: Type.Integer(),
    prepMinutes: Type.Integer(),
    pickCapacity: Type.Integer(),
    status: Type.String(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Location' },
);
export const LocationQuery = Obj({
  ...PageQuery.properties,
  kind: Type.Optional(Type.Enum(['warehouse', 'store'] as const)),
  brandId: Type.Optional(Id('org')),
});

export const LevelQuery = Obj({
  ...PageQuery.properties,
  locationId: Type.Optional(Id('loc')),
  skuId: Type.Optional(Id('sku')),
  q: Type.Optional(Str({ max: 80 })),
  low: Type.Optional(
    Type.Enum(['true', 'false'] as const, {
      description: 'only cells at or below their low-stock threshold',
    }),
  ),
});
export const Level = Type.Object({
  locationId: Type.String(),
  locationName: Type.String(),
  locationNameEn: Nullable(Type.String()),
  locationKind: Type.String(),
  skuId: Type.String(),
  code: Type.String(),
  options: Type.Record(Type.String(), Type.String()),
  productName: Type.String(),
  productLine: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer(),
  inTransit: Type.Integer(),
  lowStockAt: Type.Integer(),
  updatedAt: Timestamp,
});
export const MovementQuery = Obj({
  ...PageQuery.properties,
  locationId: Type.Optional(Id('loc')),
  skuId: Type.Optional(Id('sku')),
});
export const Movement = Type.Object({
  id: Type.String(),
  locationId: Type.String(),
  locationName: Type.String(),
  locationNameEn: Nullable(Type.String()),
  skuId: Type.String(),
  code: Type.String(),
  kind: Type.String(),
  quantity: Type.Integer({ description: 'signed change of on-hand' }),
  onHandAfter: Type.Integer(),
  reason: Nullable(Type.String()),
  refType: Nullable(Type.String()),
  refId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  createdAt: Timestamp,
});

export const ReceiptBody = Obj({
  locationId: Id('loc'),
  lines: Lines,
  ref: Type.Optional(Str({ max: 80, description: 'delivery note or purchase order' })),
});
export const ReceiptResult = Type.Object({
  locationId: Type.String(),
  lines: Type.Integer(),
  units: Type.Integer(),
});
export const AdjustmentBody = Obj({
  locationId: Id('loc'),
  skuId: Id('sku'),
  kind: Type.Enum(['adjust', 'damage', 'return'] as const),
  quantity: Type.Integer({
    minimum: -1_000_000,
    maximum: 1_000_000,
    description: 'signed for adjust; units for damage and return',
  }),
  reason: Str({ max: 200 }),
});
export const AdjustmentResult = Type.Object({
  locationId: Type.String(),
  skuId: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
});

export const ReservationBody = Obj({
  locationId: Id('loc'),
  lines: Lines,
  ttlSeconds: Type.Integer({
    minimum: 1,
    maximum: 7 * 86_400,
    description: 'how long the hold lasts unless committed',
  }),
  ref: Type.Optional(Str({ max: 80, description: 'what holds it, e.g. an order id' })),
  channelId: Type.Optional(Id('chn')),
});
export const Reservation = Type.Object({
  id: Type.String(),
  locationId: Type.String(),
  skuId: Type.String(),
  quantity: Type.Integer(),
  status: Type.String(),
  expiresAt: Timestamp,
  ref: Nullable(Type.String()),
});

export const TransferBody = Obj({
  fromLocationId: Id('loc'),
  toLocationId: Id('loc'),
  lines: Lines,
  note: Type.Optional(Str({ max: 200 })),
});
export const ReceiveBody = Obj({
  lines: Type.Optional(
    Type.Array(
      Obj({ skuId: Id('sku'), receivedQuantity: Type.Integer({ minimum: 0, maximum: 1_000_000 }) }),
      { maxItems: 500 },
    ),
  ),
});
export const Transfer = Type.Object(
  {
    id: Type.String(),
    brandId: Type.String(),
    fromLocationId: Type.String(),
    fromName: Type.String(),
    fromNameEn: Nullable(Type.String()),
    toLocationId: Type.String(),
    toName: Type.String(),
    toNameEn: Nullable(Type.String()),
    status: Type.String(),
    reason: Type.String(),
    note: Nullable(Type.String()),
    lines: Type.Array(
      Type.Object({
        skuId: Type.String(),
        code: Type.String(),
        productName: Type.String(),
        quantity: Type.Integer(),
        receivedQuantity: Nullable(Type.Integer()),
      }),
    ),
    shippedAt: Nullable(Type.String()),
    receivedAt: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Transfer' },
);
export const TransferQuery = Obj({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(['requested', 'shipped', 'received', 'cancelled'] as const)),
  locationId: Type.Optional(Id('loc')),
});

export const AtpQuery = Obj({
  skuIds: Type.Optional(
    Str({
      max: 8000,
      pattern: '^sku_[0-9a-z]{26}(,sku_[0-9a-z]{26})*$',
      description: 'comma-separated; the channel’s listings when left out',
    }),
  ),
});
export const Atp = Type.Object(
  {
    channelId: Type.String(),
    at: Timestamp,
    items: Type.Array(
      Type.Object({
        skuId: Type.String(),
        atp: Type.Integer({ description: 'units the channel may promise now' }),
        refusal: Nullable(Type.String({ description: 'why the channel cannot sell it now' })),
        locations: Type.Array(
          Type.Object({
            locationId: Type.String(),
            name: Type.String(),
            kind: Type.String(),
            available: Type.Integer(),
            excludedBecause: Nullable(
              Type.String({ description: 'no_agreement, not_in_force, province, product_line' }),
            ),
          }),
        ),
      }),
    ),
  },
  whole('a report: one row per SKU asked for (at most the skuIds given)'),
);

export const FullLine = Type.Object({
  locationId: Type.String(),
  locationName: Type.String(),
  locationNameEn: Nullable(Type.String()),
  zoneId: Nullable(Type.String()),
  inScope: Type.Integer(),
  complete: Type.Integer(),
  notOnDisplay: Type.Integer(),
  outOfStock: Type.Integer(),
  lines: Type.Array(
    Type.Object({
      skuId: Type.String(),
      code: Type.String(),
      productName: Type.String(),
      productLine: Type.String(),
      options: Type.Record(Type.String(), Type.String()),
      onDisplay: Type.Boolean(),
      available: Type.Integer(),
      inTransit: Type.Integer(),
      gaps: Type.Array(Type.String()),
    }),
  ),
});
export const Replenishment = Type.Object(
  {
    locationId: Type.String(),
    coverDays: Nullable(Type.Integer()),
    items: Type.Array(
      Type.Object({
        skuId: Type.String(),
        code: Nullable(Type.String()),
        productName: Nullable(Type.String()),
        quantity: Type.Integer(),
        soldLast14Days: Type.Integer(),
        available: Type.Integer(),
        inTransit: Type.Integer(),
        fromLocationId: Nullable(Type.String()),
        fromName: Nullable(Type.String()),
        fromAvailable: Type.Integer(),
      }),
    ),
  },
  whole('a report: what one store should be sent, per SKU'),
);
export const ReplenishBody = Obj({ only: Type.Enum(['full_line', 'all'] as const) });
export const ReplenishResult = Type.Object({
  locationId: Type.String(),
  transferIds: Type.Array(Type.String()),
  unfilled: Type.Array(Type.Object({ skuId: Type.String(), quantity: Type.Integer() })),
});

const Checklist = Type.Array(
  Obj({ item: Str({ max: 120 }), passed: Type.Boolean(), note: Type.Optional(Str({ max: 300 })) }),
  {
    minItems: 1,
    maxItems: 50,
  },
);
export const CreateZoneBody = Obj({
  locationId: Id('loc'),
  areaM2: Type.Integer({ minimum: 1, maximum: 10_000 }),
  fixtureStandard: Str({ max: 120, description: 'e.g. "OPPO 2026 experience zone, 3 tables, 1 wall"' }),
  planogram: Type.Optional(Type.Array(Id('sku'), { maxItems: 1000, uniqueItems: true })),
});
export const UpdateZoneBody = Obj({
  areaM2: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  fixtureStandard: Type.Optional(Str({ max: 120 })),
  planogram: Type.Optional(Type.Array(Id('sku'), { maxItems: 1000, uniqueItems: true })),
});
export const AuditBody = Obj({
  auditedOn: Type.String({ format: 'date', maxLength: 10 }),
  auditor: Str({ max: 80 }),
  checklist: Checklist,
});
const ZoneFields = {
  id: Type.String(),
  locationId: Type.String(),
  locationName: Type.String(),
  locationNameEn: Nullable(Type.String()),
  areaM2: Type.Integer(),
  fixtureStandard: Type.String(),
  planogram: Type.Array(Type.String()),
  lastScore: Nullable(Type.Integer()),
  updatedAt: Timestamp,
};
export const Zone = Type.Object(ZoneFields, { $id: 'Zone' });
export const ZoneWithAudits = Type.Object({
  ...ZoneFields,
  audits: Type.Array(
    Type.Object({
      id: Type.String(),
      auditedOn: Type.String(),
      auditor: Type.String(),
      checklist: Type.Array(
        Type.Object({ item: Type.String(), passed: Type.Boolean(), note: Type.Optional(Type.String()) }),
      ),
      score: Type.Integer(),
      createdAt: Timestamp,
    }),
  ),
});
export const ZoneQuery = Obj({ ...PageQuery.properties, locationId: Type.Optional(Id('loc')) });
export const IdParam = Obj({ id: AnyId });
