import type { Kysely } from 'kysely';
import { columnTypes, type Migrations, readView } from '../../platform/db/migrations.js';
import type { AccountKind, TransactionKind } from './domain/accounts.js';

/**
 * Double-entry money. A transaction's entries sum to zero; balances are sums of entries. Entries
 * are only ever inserted: a correction is a new transaction, never an update.
 */
export type LedgerTables = {
  ledger_transaction: {
    id: string;
    kind: TransactionKind;
    /** What caused it (`payment`, `refund` …) and its id: one transaction per kind and cause. */
    ref_type: string;
    ref_id: string;
    memo: string | null;
    currency: string;
    created_at: string;
  };
  ledger_entry: {
    id: string;
    transaction_id: string;
    /** The organisation whose account it is; null for the platform's own accounts. */
    org_id: string | null;
    account: AccountKind;
    /** Signed fen: debits positive, credits negative. */
    amount: number;
    currency: string;
    created_at: string;
  };
};

/** What other modules may read of ledger's tables (DESIGN §4): read-only views of the columns they rely on. */
export type LedgerViews = {
  /** Ledger transactions. */
  ledger_transaction_view: Pick<
    LedgerTables['ledger_transaction'],
    'id' | 'kind' | 'ref_type' | 'ref_id' | 'memo' | 'currency' | 'created_at'
  >;
  /** Ledger entries. */
  ledger_entry_view: Pick<
    LedgerTables['ledger_entry'],
    'id' | 'transaction_id' | 'org_id' | 'account' | 'amount' | 'currency' | 'created_at'
  >;
};

declare module '../../platform/db/database.js' {
  interface Database extends LedgerTables, LedgerViews {}
}

export const ledgerMigrations: Migrations = {
  '20261201_0350_ledger_transaction_view': readView('ledger_transaction_view', 'ledger_transaction', [
    'id',
    'kind',
    'ref_type',
    'ref_id',
    'memo',
    'currency',
    'created_at',
  ]),
  '20261201_0351_ledger_entry_view': readView('ledger_entry_view', 'ledger_entry', [
    'id',
    'transaction_id',
    'org_id',
    'account',
    'amount',
    'currency',
    'created_at',
  ]),
  '20261126_0300_ledger_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('ledger_transaction')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_type', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('memo', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // A payment is booked once, however often its notification arrives.
      await db.schema
        .createIndex('ledger_transaction_cause')
        .on('ledger_transaction')
        .columns(['kind', 'ref_type', 'ref_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('ledger_transaction_created')
        .on('ledger_transaction')
        .column('created_at')
        .execute();
      await db.schema
        .createTable('ledger_entry')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('transaction_id', 'text', (c) => c.notNull().references('ledger_transaction.id'))
        .addColumn('org_id', 'text')
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ledger_entry_account')
        .on('ledger_entry')
        .columns(['org_id', 'account', 'id'])
        .execute();
      await db.schema
        .createIndex('ledger_entry_transaction')
        .on('ledger_entry')
        .column('transaction_id')
        .execute();
    },
  },
};
