import { Id, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
import { categoryWords } from '../catalog/index.js';

const Fen = (description: string, maximum = 100_000_000) =>
  Type.Integer({ minimum: 0, maximum, description: `${description}, in fen` });

export const Rights = Obj(
  {
    noReasonReturn: Nullable(
      Obj({
        days: Type.Integer({
          minimum: 7,
          maximum: 90,
          description: 'days after delivery (the law asks 7 at least)',
        }),
        excludedCategories: Type.Array(Type.Enum(Object.keys(categoryWords)), { maxItems: 20 }),
      }),
    ),
    returnShipping: Nullable(Obj({ capFen: Fen('the most of the return freight paid back', 100_000) })),
    refundWithoutReturn: Nullable(Obj({ maxOrderFen: Fen('the largest order refunded without a return') })),
    fakeOnePayTen: Nullable(Obj({ multiple: Type.Integer({ minimum: 1, maximum: 10 }) })),
    fastRefund: Nullable(Obj({ maxFen: Fen('the largest claim approved at once') })),
    lateDelivery: Nullable(
      Type.Union([
        Obj({ fixedFen: Fen('paid for a parcel late on its promise', 100_000) }),
        Obj({
          feeShareBp: Type.Integer({ minimum: 1, maximum: 10_000, description: 'of the delivery fee' }),
        }),
      ]),
    ),
  },
  { description: 'each right with its parameters, null when the tier does not give it' },
);

export const Qualification = Obj({
  minDepositFen: Fen('the deposit a shop must hold', 10_000_000_000),
  minScore: Nullable(Type.Number({ minimum: 0, maximum: 5, multipleOf: 0.01 })),
  maxDisputeRateBp: Nullable(Type.Integer({ minimum: 0, maximum: 10_000 })),
});

export const Tier = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  rank: Type.Integer(),
  rights: Rights,
  qualification: Qualification,
  active: Type.Boolean(),
  /** How many brands hold it now. */
  shops: Type.Integer(),
  updatedAt: Timestamp,
});

const tierFields = {
  name: Str({ max: 40 }),
  nameEn: Str({ max: 60 }),
  rank: Type.Integer({ minimum: 0, maximum: 1000, description: 'higher is better' }),
  rights: Rights,
  qualification: Qualification,
  active: Type.Boolean(),
};
export const CreateTierBody = Obj({
  code: Str({ max: 30, pattern: '^[a-z][a-z0-9_]*$', description: 'a stable code: gold, silver' }),
  ...tierFields,
  active: Type.Optional(tierFields.active),
});
export const UpdateTierBody = Obj({
  name: Type.Optional(tierFields.name),
  nameEn: Type.Optional(tierFields.nameEn),
  rank: Type.Optional(tierFields.rank),
  rights: Type.Optional(tierFields.rights),
  qualification: Type.Optional(tierFields.qualification),
  active: Type.Optional(tierFields.active),
});

const RuleCheck = Type.Object({
  rule: Type.Union([Type.Literal('deposit'), Type.Literal('score'), Type.Literal('dispute_rate')]),
  need: Type.Number(),
  have: Nullable(Type.Number()),
  met: Type.Boolean(),
  pending: Type.Boolean(),
});
export const TierReason = Type.Object({
  tier: Nullable(Type.String()),
  checks: Type.Array(RuleCheck),
  next: Nullable(Type.Object({ tier: Type.String(), missing: Type.Array(RuleCheck) })),
});
const TierRef = Nullable(
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    rank: Type.Integer(),
  }),
);

export const ShopStanding = Type.Object({
  orgId: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  tier: TierRef,
  reason: TierReason,
  since: Timestamp,
  evaluatedAt: Timestamp,
  depositFen: Type.Integer({ description: 'held with the platform' }),
  debtFen: Type.Integer({ description: 'owed to the platform: compensations it advanced' }),
  score: Nullable(Type.Number()),
  disputeRateBp: Nullable(Type.Integer()),
});

export const Evaluation = Type.Object({
  id: Type.String(),
  from: TierRef,
  to: TierRef,
  reason: TierReason,
  cause: Type.String(),
  createdAt: Timestamp,
});
export const Deposit = Type.Object({
  id: Type.String(),
  amount: Type.Integer(),
  source: Type.Union([Type.Literal('transfer'), Type.Literal('payable')]),
  reference: Nullable(Type.String()),
  createdAt: Timestamp,
});
export const ShopDetail = Type.Object({
  ...ShopStanding.properties,
  payableFen: Type.Integer({ description: 'what the platform owes it for its sales' }),
  evaluations: Type.Array(Evaluation),
  deposits: Type.Array(Deposit),
});

export const ShopsQuery = Obj({ ...PageQuery.properties, tier: Type.Optional(Str({ max: 30 })) });
export const OrgParam = Obj({ id: Id('org') });
export const TierParam = Obj({ id: Id('ttr') });

export const PayDepositBody = Obj({
  amount: Type.Integer({ minimum: 1, maximum: 10_000_000_000, description: 'in fen' }),
  source: Type.Union([Type.Literal('transfer'), Type.Literal('payable')], {
    description: 'a bank transfer to the platform, or out of what its sales earned',
  }),
  reference: Type.Optional(Str({ max: 60, description: "the bank transfer's number" })),
});

/** A shop's Trust Card as shoppers see it: the platform's guarantee next to the seller's record. */
export const TrustCard = Type.Object({
  brandId: Type.String(),
  tier: TierRef,
  rights: Rights,
  since: Nullable(Timestamp),
  record: Type.Object({
    score: Nullable(Type.Number()),
    onTimeRate: Nullable(Type.Number({ description: 'share of parcels delivered on their promise, 0-1' })),
  }),
});

/** The rights one order keeps: its Trust Card as it was when it was placed. */
export const OrderRights = Type.Object({
  orderId: Type.String(),
  tier: Nullable(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()) })),
  rights: Rights,
  placedAt: Timestamp,
});
