import { AnyId, Id, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
import { provinceNames } from '../../platform/provinces.js';
import { agreementLevels, agreementMoves, agreementStatuses, settlementModels } from './domain/agreement.js';

const Day = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD (China time)' });
const Lines = Type.Array(Str({ max: 60 }), {
  minItems: 1,
  maxItems: 100,
  uniqueItems: true,
  description: 'product lines covered; leave out for the whole range',
});
const Provinces = Type.Array(Type.Enum(provinceNames), {
  minItems: 1,
  maxItems: 34,
  uniqueItems: true,
  description: 'provinces covered (北京, 广东 …); leave out for the whole country',
});
export const Commitments = Obj({
  minCoverDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 365, description: 'days of stock cover each store keeps' }),
  ),
  displayZoneM2: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10_000, description: 'brand zone area per store' }),
  ),
  fullLine: Type.Optional(Type.Boolean({ description: 'every active SKU in scope on the shelf' })),
  hourDelivery: Type.Optional(Type.Boolean({ description: 'stores deliver online orders within one hour' })),
});

export const Settlement = Obj(
  {
    model: Type.Enum(settlementModels, {
      description:
        'commission: the retailer earns rateBp of each store sale; wholesale: it buys the stock at rateBp of the selling price and keeps the rest',
    }),
    rateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points: 800 is 8%' }),
  },
  { description: "how the retailer's store-fulfilled and counter sales settle with the brand" },
);

export const CreateAgreementBody = Obj({
  retailerId: Id('org'),
  level: Type.Enum(agreementLevels),
  title: Str({ max: 200 }),
  titleEn: Type.Optional(Str({ max: 200, description: 'the title in English' })),
  startsOn: Day,
  endsOn: Day,
  productLines: Type.Optional(Lines),
  provinces: Type.Optional(Provinces),
  commitments: Type.Optional(Commitments),
  settlement: Type.Optional(Settlement),
});

/** Terms a draft's editing or an addendum's signing may change; `null` widens to everything. */
const TermChanges = {
  title: Type.Optional(Str({ max: 200 })),
  titleEn: Type.Optional(Nullable(Str({ max: 200 }))),
  endsOn: Type.Optional(Day),
  productLines: Type.Optional(Nullable(Lines)),
  provinces: Type.Optional(Nullable(Provinces)),
  commitments: Type.Optional(Commitments),
  settlement: Type.Optional(Settlement),
};
export const UpdateAgreementBody = Obj({
  ...TermChanges,
  level: Type.Optional(Type.Enum(agreementLevels)),
  startsOn: Type.Optional(Day),
});
export const AddendumBody = Obj({
  addendumTitle: Str({ max: 200, description: 'e.g. "Omnichannel supply addendum"' }),
  signedOn: Day,
  ...TermChanges,
});
export const MoveBody = Obj({
  move: Type.Enum(Object.keys(agreementMoves) as Array<keyof typeof agreementMoves>),
  note: Type.Optional(Str({ max: 500 })),
});

const AgreementFields = {
  id: Type.String(),
  brandId: Type.String(),
  brandName: Type.String(),
  brandNameEn: Nullable(Type.String()),
  retailerId: Type.String(),
  retailerName: Type.String(),
  retailerNameEn: Nullable(Type.String()),
  level: Type.Enum(agreementLevels),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  productLines: Nullable(Type.Array(Type.String())),
  provinces: Nullable(Type.Array(Type.String())),
  commitments: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.Boolean()])),
  settlement: Settlement,
  status: Type.Enum(agreementStatuses),
  displayStatus: Type.String({
    description: 'status, with expired and pending (not yet started) told apart',
  }),
  inForce: Type.Boolean(),
  signedOn: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const Agreement = Type.Object(AgreementFields, { $id: 'Agreement' });
export const HistoryEntry = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Nullable(Type.String()),
  signedOn: Nullable(Type.String()),
  changes: Type.Record(Type.String(), Type.Unknown()),
  actorName: Nullable(Type.String()),
  actorOrgId: Nullable(Type.String()),
  createdAt: Timestamp,
});
export const AgreementWithHistory = Type.Object({ ...AgreementFields, history: Type.Array(HistoryEntry) });
export const AgreementQuery = Obj({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(agreementStatuses)),
  retailerId: Type.Optional(Id('org')),
  brandId: Type.Optional(Id('org')),
});
export const IdParam = Obj({ id: AnyId });
