import { Id, Nullable, Obj, PageQuery, Timestamp, Type, whole } from '../../platform/http/schemas.js';
import { accountKinds, transactionKinds } from './domain/accounts.js';

export const Balance = Type.Object({
  orgId: Nullable(Type.String()),
  orgName: Nullable(Type.String()),
  orgNameEn: Nullable(Type.String()),
  account: Type.Enum(accountKinds),
  /** Debits minus credits, in fen: negative on a liability the platform owes. */
  balance: Type.Integer(),
  entries: Type.Integer(),
});
export const Balances = Type.Object(
  { items: Type.Array(Balance) },
  whole('a report: one sum per organisation and account'),
);

export const BalanceQuery = Obj({
  orgId: Type.Optional(Id('org')),
});

export const StatementQuery = Obj({
  ...PageQuery.properties,
  orgId: Type.Optional(Id('org')),
  account: Type.Optional(Type.Enum(accountKinds)),
});

export const Entry = Type.Object({
  id: Type.String(),
  transactionId: Type.String(),
  kind: Type.Enum(transactionKinds),
  refType: Type.String(),
  refId: Type.String(),
  memo: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  account: Type.Enum(accountKinds),
  amount: Type.Integer(),
  currency: Type.String(),
  createdAt: Timestamp,
});
