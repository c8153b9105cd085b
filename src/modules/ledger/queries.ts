import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { paginate } from '../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../platform/principal.js';
import { englishNameOf } from '../identity/index.js';
import type { AccountKind, TransactionKind } from './domain/accounts.js';
import type { LedgerTables } from './repo.js';

/**
 * Whose accounts a member reads: an organisation its own; the operator every organisation's and
 * the platform's (`org_id` null), or one organisation's when it names one.
 */
function accountsOf(db: Executor, p: MemberPrincipal, orgId: string | undefined) {
  const visible = TenantScope.of(db, p).rows('ledger_entry');
  return (eb: ExpressionBuilder<LedgerTables, 'ledger_entry'>) =>
    orgId ? eb.and([visible, eb('ledger_entry.org_id', '=', orgId)]) : visible;
}

/** Balances per organisation and account: the sum of their entries. */
export async function listBalances(db: Executor, p: MemberPrincipal, q: { orgId?: string }) {
  const rows = await db
    .selectFrom('ledger_entry')
    .leftJoin('identity_org_view', 'identity_org_view.id', 'ledger_entry.org_id')
    .select((eb) => [
      'ledger_entry.org_id',
      'identity_org_view.name as org_name',
      'identity_org_view.attributes as org_attributes',
      'ledger_entry.account',
      eb.fn.sum<number>('ledger_entry.amount').as('balance'),
      eb.fn.countAll<number>().as('entries'),
    ])
    .where(accountsOf(db, p, q.orgId))
    .groupBy([
      'ledger_entry.org_id',
      'identity_org_view.name',
      'identity_org_view.attributes',
      'ledger_entry.account',
    ])
    .orderBy('identity_org_view.name')
    .orderBy('ledger_entry.account')
    .execute();
  return {
    items: rows.map((r) => ({
      orgId: r.org_id,
      orgName: r.org_name,
      orgNameEn: englishNameOf(r.org_attributes),
      account: r.account as AccountKind,
      balance: Number(r.balance),
      entries: Number(r.entries),
    })),
  };
}

/** A statement: an organisation's entries, newest first, each with its transaction's cause. */
export async function listEntries(
  db: Executor,
  p: MemberPrincipal,
  q: { orgId?: string; account?: AccountKind; limit?: number; cursor?: string },
) {
  let query = db
    .selectFrom('ledger_entry')
    .innerJoin('ledger_transaction', 'ledger_transaction.id', 'ledger_entry.transaction_id')
    .select([
      'ledger_entry.id',
      'ledger_entry.transaction_id',
      'ledger_transaction.kind',
      'ledger_transaction.ref_type',
      'ledger_transaction.ref_id',
      'ledger_transaction.memo',
      'ledger_entry.org_id',
      'ledger_entry.account',
      'ledger_entry.amount',
      'ledger_entry.currency',
      'ledger_entry.created_at',
    ])
    .where(accountsOf(db, p, q.orgId));
  if (q.account) query = query.where('ledger_entry.account', '=', q.account);
  const page = await paginate(query, 'ledger_entry.id', q);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      transactionId: r.transaction_id,
      kind: r.kind as TransactionKind,
      refType: r.ref_type,
      refId: r.ref_id,
      memo: r.memo,
      orgId: r.org_id,
      account: r.account as AccountKind,
      amount: Number(r.amount),
      currency: r.currency,
      createdAt: r.created_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Transactions whose entries do not sum to zero: always none, or the ledger is broken. */
export async function unbalancedTransactions(db: Executor, since?: string): Promise<string[]> {
  let q = db
    .selectFrom('ledger_entry')
    .innerJoin('ledger_transaction', 'ledger_transaction.id', 'ledger_entry.transaction_id')
    .select('ledger_entry.transaction_id')
    .groupBy('ledger_entry.transaction_id')
    .having((eb) => eb.fn.sum('ledger_entry.amount'), '<>', 0);
  if (since) q = q.where('ledger_transaction.created_at', '>=', since);
  return (await q.execute()).map((r) => r.transaction_id);
}

/** The amount booked per cause of one kind (payments by payment id) in a time range. */
export async function bookedByCause(
  db: Executor,
  kind: TransactionKind,
  account: AccountKind,
  range: { from: string; to: string },
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ledger_transaction')
    .innerJoin('ledger_entry', 'ledger_entry.transaction_id', 'ledger_transaction.id')
    .select((eb) => ['ledger_transaction.ref_id', eb.fn.sum<number>('ledger_entry.amount').as('amount')])
    .where('ledger_transaction.kind', '=', kind)
    .where('ledger_entry.account', '=', account)
    .where('ledger_transaction.created_at', '>=', range.from)
    .where('ledger_transaction.created_at', '<', range.to)
    .groupBy('ledger_transaction.ref_id')
    .execute();
  return new Map(rows.map((r) => [r.ref_id, Number(r.amount)]));
}

/** Home figure of a retailer: what its stores have earned and the platform owes it. */
export async function ledgerFigures(db: Executor, p: MemberPrincipal) {
  if (p.orgKind !== 'retailer') return [];
  const row = await db
    .selectFrom('ledger_entry')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('n'))
    .where(TenantScope.of(db, p).rows('ledger_entry'))
    .where('account', '=', 'retailer_payable')
    .executeTakeFirstOrThrow();
  // A credit, read as its holder reads it: owed to the retailer.
  return [{ key: 'ledger.retailerOwed', value: -Number(row.n), format: 'fen' as const, group: 'ledger' }];
}

/**
 * The balance of each account of the given organisations (debits minus credits; a liability the
 * platform owes reads negative), for the modules that hold money with the platform: trust's
 * deposits and debts.
 */
export async function balancesOf(
  db: Executor,
  orgIds: readonly string[],
  accounts: readonly AccountKind[],
): Promise<Map<string, Partial<Record<AccountKind, number>>>> {
  const out = new Map<string, Partial<Record<AccountKind, number>>>(orgIds.map((id) => [id, {}]));
  if (orgIds.length === 0 || accounts.length === 0) return out;
  const rows = await db
    .selectFrom('ledger_entry')
    .select((eb) => ['org_id', 'account', eb.fn.sum<number>('amount').as('balance')])
    .where('org_id', 'in', [...orgIds])
    .where('account', 'in', [...accounts])
    .groupBy(['org_id', 'account'])
    .execute();
  for (const r of rows) out.get(r.org_id as string)![r.account] = Number(r.balance);
  return out;
}
