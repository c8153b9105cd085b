import type { TProperties } from 'typebox';
import {
  Address,
  Id,
  Nullable,
  Obj,
  PageQuery,
  Str,
  Timestamp,
  Type,
  whole,
} from '../../platform/http/schemas.js';
import { hourGapReasons, ShipmentSummary } from '../fulfilment/index.js';
import { exportLanguages } from './domain/export.js';
import { orderStatuses, type ShopperStage, shopperStages } from './domain/order.js';
import { deliveryModes, orderDeliveries } from './domain/pricing.js';

export const CreateCartBody = Obj({ channelId: Id('chn') });
export const OpenCartsQuery = Obj({ ...PageQuery.properties, channelId: Type.Optional(Id('chn')) });
export const CartSummary = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  brandId: Type.String(),
  items: Type.Integer({ description: 'units in the cart' }),
  updatedAt: Timestamp,
});
export const CartLineBody = Obj({
  skuId: Id('sku'),
  quantity: Type.Integer({ minimum: 0, maximum: 999, description: 'how many; 0 takes the item out' }),
});
export const CartItemBody = Obj({
  skuId: Id('sku'),
  quantity: Type.Integer({ minimum: 1, maximum: 999, description: 'how many to add to what the cart holds' }),
});
export const DeliveryBody = Obj({
  mode: Type.Enum(deliveryModes),
  address: Address,
  pickupLocationId: Type.Optional(Id('loc')),
});
/** The placement request: the cart, and the fields the placement contributors read (their `input`). */
export function placeOrderBody(contributorFields: TProperties) {
  return Obj({ ...contributorFields, cartId: Id('crt') });
}

export const AdjustmentLine = Type.Object({
  source: Type.String({ description: 'the adjuster that made it' }),
  reason: Type.String(),
  skuId: Nullable(Type.String()),
  amount: Type.Integer({ description: 'signed fen: a discount is negative' }),
});
export const CancelBody = Obj({ reason: Type.Optional(Str({ max: 200 })) });
const Day = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD (China time)' });
/** What the merchant's order list and its CSV export narrow by. */
const orderFilters = {
  status: Type.Optional(Type.Enum(orderStatuses)),
  q: Type.Optional(
    Str({ max: 60, description: "part of the order id, or of the recipient's name or phone" }),
  ),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  channelId: Type.Optional(Id('chn')),
};
export const OrderQuery = Obj({ ...PageQuery.properties, ...orderFilters });
export const OrderExportQuery = Obj({
  ...orderFilters,
  lang: Type.Optional(
    Type.Enum(exportLanguages, { description: 'the language of its header and words; English by default' }),
  ),
});
export const ShopperOrderQuery = Obj({
  ...PageQuery.properties,
  stage: Type.Optional(Type.Enum(Object.keys(shopperStages) as ShopperStage[])),
});
export const ShopperStageCounts = Type.Object(
  Object.fromEntries(Object.keys(shopperStages).map((k) => [k, Type.Integer()])) as Record<
    ShopperStage,
    ReturnType<typeof Type.Integer>
  >,
);

/** A store to collect from, and when it can have the order ready (from its next opening). */
const PickupStore = Type.Object({
  locationId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  distanceM: Type.Integer(),
  readyAt: Timestamp,
});

/** Why no store can deliver within the hour now, and from when one can (a closed store's opening). */
const HourGap = Nullable(
  Type.Object({
    reason: Type.Enum(hourGapReasons),
    availableAt: Nullable(Timestamp),
  }),
);

const Quote = Type.Object({
  mode: Nullable(Type.Enum(deliveryModes)),
  available: Type.Boolean(),
  kind: Type.String(),
  etaMinutes: Nullable(Type.Integer()),
  standardDays: Nullable(Type.Integer()),
  from: Type.Array(Type.String()),
  fromEn: Type.Array(Nullable(Type.String()), { description: 'the same locations named in English' }),
  pickup: Type.Array(PickupStore),
  hourGap: HourGap,
});

const FieldProblem = Type.Object({ field: Type.String(), message: Type.String() });

export const Cart = Type.Object({
  id: Type.String(),
  channelId: Type.String(),
  brandId: Type.String(),
  status: Type.String(),
  orderId: Nullable(Type.String()),
  lines: Type.Array(
    Type.Object({
      skuId: Type.String(),
      code: Nullable(Type.String()),
      name: Nullable(Type.String()),
      nameEn: Nullable(Type.String()),
      options: Type.Record(Type.String(), Type.String()),
      quantity: Type.Integer(),
      listPrice: Nullable(Type.Integer()),
      unitPrice: Nullable(Type.Integer()),
      lineTotal: Nullable(Type.Integer()),
      refusal: Nullable(Type.String()),
    }),
  ),
  subtotal: Type.Integer(),
  adjustments: Type.Array(AdjustmentLine),
  deliveryFee: Type.Integer(),
  total: Type.Integer(),
  problems: Type.Array(FieldProblem),
  delivery: Nullable(Type.Enum(deliveryModes)),
  address: Nullable(Type.Record(Type.String(), Type.Unknown())),
  pickupLocationId: Nullable(Type.String()),
  quote: Nullable(Quote),
  updatedAt: Timestamp,
});

const summaryFields = {
  id: Type.String(),
  brandId: Type.String(),
  channelId: Type.String(),
  status: Type.Enum(orderStatuses),
  delivery: Type.Enum(orderDeliveries),
  address: Nullable(Type.Record(Type.String(), Type.Unknown())),
  pickupLocationId: Nullable(Type.String()),
  subtotal: Type.Integer(),
  adjustments: Type.Array(AdjustmentLine),
  deliveryFee: Type.Integer(),
  total: Type.Integer(),
  currency: Type.String(),
  payBy: Timestamp,
  placedAt: Timestamp,
  paidAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp),
  cancelReason: Nullable(Type.String()),
  updatedAt: Timestamp,
};
export const OrderSummary = Type.Object({
  ...summaryFields,
  channelName: Type.String({ description: 'the shop or channel sold through' }),
  customer: Type.Object(
    { name: Type.String(), phone: Type.String({ description: 'masked: 138****1234' }) },
    { description: 'the recipient, as a list shows them (empty for a counter sale)' },
  ),
});

export const Order = Type.Object({
  ...summaryFields,
  /** The server's time when answered: a countdown on a phone whose clock is off stays right. */
  serverTime: Type.Optional(Timestamp),
  lines: Type.Array(
    Type.Object({
      id: Type.String({ description: 'the line, as an after-sales claim names it' }),
      skuId: Type.String(),
      productId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      options: Type.Record(Type.String(), Type.String()),
      quantity: Type.Integer(),
      listPrice: Type.Integer(),
      unitPrice: Type.Integer(),
      lineTotal: Type.Integer(),
      locationId: Type.String(),
    }),
  ),
  shipments: Type.Array(ShipmentSummary),
  payment: Type.Object({
    id: Type.String(),
    orderId: Type.String(),
    provider: Type.String(),
    providerRef: Nullable(Type.String()),
    amount: Type.Integer(),
    refunded: Type.Integer(),
    currency: Type.String(),
    status: Type.String(),
    payUrl: Type.String(),
    expiresAt: Timestamp,
    paidAt: Nullable(Timestamp),
  }),
  history: Type.Array(
    Type.Object({
      from: Nullable(Type.String()),
      to: Type.String(),
      actorType: Type.String(),
      note: Nullable(Type.String()),
      at: Timestamp,
    }),
  ),
  routing: Nullable(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      address: Type.Record(Type.String(), Type.Unknown()),
      candidates: Type.Array(Type.Record(Type.String(), Type.Unknown())),
      groups: Type.Array(Type.Record(Type.String(), Type.Unknown())),
      rules: Type.Record(Type.String(), Type.Unknown()),
      decidedAt: Timestamp,
    }),
  ),
});

export const ReconcileBody = Obj({ day: Day });
export const ReconciliationQuery = PageQuery;
export const Reconciliation = Type.Object({
  id: Type.String(),
  day: Type.String(),
  ok: Type.Boolean(),
  findings: Type.Array(Type.String()),
  figures: Type.Record(Type.String(), Type.Number()),
  ranAt: Timestamp,
});

export const EstimateQuery = Obj({
  channelId: Id('chn'),
  skuId: Id('sku'),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  province: Address.properties.province,
  city: Address.properties.city,
  district: Address.properties.district,
  lat: Address.properties.lat,
  lng: Address.properties.lng,
});
export const Estimate = Type.Object({
  sellable: Type.Boolean(),
  refusal: Nullable(Type.String()),
  district: Type.String(),
  hour: Nullable(
    Type.Object({
      etaMinutes: Type.Integer(),
      from: Type.Array(Type.String()),
      fromEn: Type.Array(Nullable(Type.String())),
    }),
  ),
  standard: Nullable(Type.Object({ days: Type.Integer() })),
  pickup: Type.Array(PickupStore),
  hourGap: HourGap,
});
export const Districts = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        province: Type.String(),
        provinceEn: Type.String(),
        city: Type.String(),
        cityEn: Type.String(),
        district: Type.String(),
        districtEn: Type.String(),
      }),
    ),
    provinces: Type.Array(Type.Object({ name: Type.String(), nameEn: Type.String() }), {
      description: 'every province, with its English name',
    }),
  },
  whole('a fixed reference list: the districts one-hour delivery knows'),
);

export const PosSaleBody = Obj({
  brandId: Id('org'),
  lines: Type.Array(Obj({ skuId: Id('sku'), quantity: Type.Integer({ minimum: 1, maximum: 99 }) }), {
    minItems: 1,
    maxItems: 50,
  }),
  authCode: Str({
    min: 18,
    max: 18,
    // WeChat Pay's codes start with 10 to 15, Alipay's with 25 to 30.
    pattern: '^(1[0-5]|2[5-9]|30)[0-9]{16}$',
    description: "the code on the shopper's payment app: WeChat Pay (10 to 15…) or Alipay (25 to 30…)",
  }),
});
export const PosCatalogQuery = Obj({ brandId: Type.Optional(Id('org')) });
export const PosCatalog = Type.Object(
  {
    brands: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    items: Type.Array(
      Type.Object({
        skuId: Type.String(),
        code: Type.String(),
        name: Type.String(),
        nameEn: Nullable(Type.String()),
        options: Type.Record(Type.String(), Type.String()),
        sellingPrice: Type.Integer(),
        available: Type.Integer(),
      }),
    ),
  },
  whole("a report: the store's shelf of one brand, as the counter sells it"),
);
