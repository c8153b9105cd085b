import { Id, Nullable, Obj, PageQuery, Str, Timestamp, Type } from '../../platform/http/schemas.js';
import { claimKinds, claimStatuses } from './domain/claims.js';
import { claimReasons } from './domain/policy.js';

const Fen = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'fen' });

export const OpenClaimBody = Obj({
  orderId: Id('ord'),
  kind: Type.Union(
    claimKinds.filter((k) => k !== 'late_delivery').map((k) => Type.Literal(k)),
    { description: 'late-delivery claims open by themselves' },
  ),
  reason: Type.Union(claimReasons.filter((r) => r !== 'late').map((r) => Type.Literal(r))),
  description: Type.Optional(Str({ max: 1000 })),
  lines: Type.Array(Obj({ orderLineId: Id('oln'), quantity: Type.Integer({ minimum: 1, maximum: 999 }) }), {
    minItems: 1,
    maxItems: 50,
  }),
});

export const ShopperMoveBody = Obj({
  move: Type.Union([
    Type.Literal('ship_return'),
    Type.Literal('escalate'),
    Type.Literal('accept_rejection'),
    Type.Literal('withdraw'),
  ]),
  tracking: Type.Optional(
    Str({ max: 40, pattern: '^[A-Za-z0-9-]+$', description: "the carrier's tracking number" }),
  ),
  freightFen: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 100_000, description: 'the return freight paid, in fen' }),
  ),
  reason: Type.Optional(Str({ max: 1000 })),
});

export const MerchantMoveBody = Obj({
  move: Type.Union([
    Type.Literal('approve'),
    Type.Literal('reject'),
    Type.Literal('receive'),
    Type.Literal('refund'),
    Type.Literal('exchange'),
    Type.Literal('rule_for_shopper'),
    Type.Literal('rule_for_merchant'),
  ]),
  reason: Type.Optional(Str({ max: 1000 })),
  condition: Type.Optional(Type.Union([Type.Literal('sellable'), Type.Literal('damaged')])),
  counterfeit: Type.Optional(Type.Boolean({ description: 'the operator found the goods counterfeit' })),
});

export const MessageBody = Obj({ body: Str({ max: 2000 }) });

export const ClaimsQuery = Obj({
  ...PageQuery.properties,
  status: Type.Optional(Type.Union(claimStatuses.map((s) => Type.Literal(s)))),
  group: Type.Optional(
    Type.Union(
      ['handle', 'returning', 'escalated', 'done'].map((g) => Type.Literal(g)),
      {
        description: 'open claims of a group come by deadline, the most pressing first',
      },
    ),
  ),
});

export const Claim = Type.Object({
  id: Type.String(),
  code: Type.String(),
  orgId: Type.String(),
  orderId: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  reason: Type.String(),
  description: Nullable(Type.String()),
  refundFen: Type.Integer(),
  refundedFen: Type.Integer(),
  compensatedFen: Type.Integer(),
  dueAt: Nullable(Timestamp),
  returnTracking: Nullable(Type.String()),
  returnFreightFen: Nullable(Type.Integer()),
  condition: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  verdict: Nullable(Type.String()),
  verdictReason: Nullable(Type.String()),
  counterfeit: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ClaimDetail = Type.Object({
  ...Claim.properties,
  lines: Type.Array(
    Type.Object({
      orderLineId: Type.String(),
      skuId: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
      options: Type.Record(Type.String(), Type.String()),
      quantity: Type.Integer(),
      amount: Fen,
    }),
  ),
  history: Type.Array(
    Type.Object({
      from: Nullable(Type.String()),
      to: Type.String(),
      move: Type.String(),
      by: Type.String(),
      note: Nullable(Type.String()),
      at: Timestamp,
    }),
  ),
  messages: Type.Array(
    Type.Object({ id: Type.String(), author: Type.String(), body: Type.String(), at: Timestamp }),
  ),
});

export const ClaimParam = Obj({ id: Id('clm') });
