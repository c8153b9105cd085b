import { type Kysely, sql } from 'kysely';
import { columnTypes, type Migrations } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';
import type { ClaimKind, ClaimMove, ClaimStatus } from './domain/claims.js';

export type AftersalesTables = {
  /** A shopper's after-sales claim on lines of one order, as it moves through its states. */
  aftersales_claim: {
    id: string;
    /** Short code the shopper shows at a store's counter to hand goods in. */
    code: string;
    /** The brand that sold. */
    org_id: string;
    shopper_id: string;
    order_id: string;
    payment_id: string;
    kind: ClaimKind;
    status: ClaimStatus;
    /** `no_reason`, `damaged`, `not_as_described`, `wrong_item`, `counterfeit`, `late`, `other`. */
    reason: string;
    description: string | null;
    /** What the claim's lines were paid: the most it refunds. */
    refund_fen: number;
    refunded_fen: number;
    compensated_fen: number;
    /** The order had left its store or warehouse when the claim was made. */
    shipped: number;
    /** The frozen Trust Card rights of the order (trust's `trust_rights`). */
    rights_id: string;
    /** JSON `Rights` as placed, copied for the rules this claim is judged by. */
    rights: string;
    /** When the clock moves it on, and the move it makes then. */
    due_at: string | null;
    lapse: ClaimMove | null;
    return_tracking: string | null;
    /** The return freight the shopper paid, for the return-shipping right. */
    return_freight_fen: number | null;
    /** The store the goods were handed in at. */
    return_location_id: string | null;
    condition: 'sellable' | 'damaged' | null;
    rejection_reason: string | null;
    /** The operator's ruling: `for_shopper` or `for_merchant`, with `counterfeit` when it found one. */
    verdict: string | null;
    verdict_reason: string | null;
    counterfeit: number;
    version: number;
    created_at: string;
    updated_at: string;
  };
  aftersales_claim_line: {
    claim_id: string;
    order_line_id: string;
    sku_id: string;
    quantity: number;
    /** What the shopper paid for these units: what their refund is. */
    amount: number;
  };
  /**
   * What each order line was paid, and how much of it open claims hold and refunds gave back:
   * moved by one conditional statement each, so racing claims never claim or refund more.
   */
  aftersales_line: {
    order_line_id: string;
    order_id: string;
    org_id: string;
    quantity: number;
    paid: number;
    claimed_quantity: number;
    claimed: number;
    /** What the last claim on it took: read back by the statement that took it. */
    last_claimed: number;
    refunded: number;
  };
  aftersales_history: {
    id: string;
    claim_id: string;
    from_status: ClaimStatus | null;
    to_status: ClaimStatus;
    move: string;
    actor_type: string;
    actor_id: string | null;
    note: string | null;
    created_at: string;
  };
  aftersales_message: {
    id: string;
    claim_id: string;
    author_type: 'shopper' | 'merchant' | 'operator' | 'system';
    author_id: string | null;
    body: string;
    created_at: string;
  };
  /** The operator's after-sales rules: deadlines and abuse limits, one row. */
  aftersales_policy: {
    id: number;
    /** JSON `Deadlines & AbusePolicy & Windows`. */
    policy: string;
    updated_at: string;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends AftersalesTables {}
}

export const aftersalesMigrations: Migrations = {
  '20261205_0500_aftersales_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('aftersales_claim')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('shopper_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('refund_fen', t.money, (c) => c.notNull())
        .addColumn('refunded_fen', t.money, (c) => c.notNull())
        .addColumn('compensated_fen', t.money, (c) => c.notNull())
        .addColumn('shipped', 'integer', (c) => c.notNull())
        .addColumn('rights_id', 'text', (c) => c.notNull())
        .addColumn('rights', t.json, (c) => c.notNull())
        .addColumn('due_at', 'text')
        .addColumn('lapse', 'text')
        .addColumn('return_tracking', 'text')
        .addColumn('return_freight_fen', t.money)
        .addColumn('return_location_id', 'text')
        .addColumn('condition', 'text')
        .addColumn('rejection_reason', 'text')
        .addColumn('verdict', 'text')
        .addColumn('verdict_reason', 'text')
        .addColumn('counterfeit', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('aftersales_claim_org')
        .on('aftersales_claim')
        .columns(['org_id', 'id'])
        .execute();
      await db.schema
        .createIndex('aftersales_claim_shopper')
        .on('aftersales_claim')
        .columns(['shopper_id', 'id'])
        .execute();
      await db.schema
        .createIndex('aftersales_claim_order')
        .on('aftersales_claim')
        .column('order_id')
        .execute();
      await db.schema.createIndex('aftersales_claim_due').on('aftersales_claim').column('due_at').execute();
      // One late-delivery compensation per order, however many of its parcels arrive late at once.
      await sql`create unique index aftersales_claim_late on aftersales_claim (order_id) where kind = 'late_delivery'`.execute(
        db,
      );
      await db.schema
        .createTable('aftersales_claim_line')
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('order_line_id', 'text', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addPrimaryKeyConstraint('aftersales_claim_line_pk', ['claim_id', 'order_line_id'])
        .execute();
      await db.schema
        .createTable('aftersales_line')
        .addColumn('order_line_id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('paid', t.money, (c) => c.notNull())
        .addColumn('claimed_quantity', 'integer', (c) => c.notNull())
        .addColumn('claimed', t.money, (c) => c.notNull())
        .addColumn('last_claimed', t.money, (c) => c.notNull())
        .addColumn('refunded', t.money, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('aftersales_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('move', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('aftersales_history_claim')
        .on('aftersales_history')
        .columns(['claim_id', 'id'])
        .execute();
      await db.schema
        .createTable('aftersales_message')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('author_type', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('aftersales_message_claim')
        .on('aftersales_message')
        .columns(['claim_id', 'id'])
        .execute();
      await db.schema
        .createTable('aftersales_policy')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('policy', t.json, (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261205_0510_aftersales_reference': referenceTriggers(['aftersales_policy']),
};
