import { type Kysely, sql } from 'kysely';
import { columnTypes, type Migrations, readView } from '../../platform/db/migrations.js';
import type { PaymentStatus } from './domain/payment.js';

export type PaymentsTables = {
  /** A shopper's payment for an order, owed to the merchant (`org_id`). */
  payments_payment: {
    id: string;
    org_id: string;
    shopper_id: string;
    order_id: string;
    provider: string;
    /** The provider's transaction number, known once paid. */
    provider_ref: string | null;
    amount: number;
    refunded: number;
    currency: string;
    status: PaymentStatus;
    pay_url: string;
    expires_at: string;
    paid_at: string | null;
    created_at: string;
    updated_at: string;
  };
  /** Every notification a provider sent, once: the unique id is what makes processing exactly-once. */
  payments_notification: {
    id: string;
    provider: string;
    notification_id: string;
    payment_id: string | null;
    event_type: string;
    outcome: string;
    body: string;
    received_at: string;
  };
  payments_refund: {
    id: string;
    org_id: string;
    payment_id: string;
    amount: number;
    reason: string;
    provider_ref: string | null;
    /** `pending` until the provider has taken the refund (after the write that made it commits). */
    status: 'pending' | 'succeeded' | 'failed';
    created_at: string;
  };
  /** The sandbox provider's own books: what a real provider keeps on its side. */
  payments_sandbox_charge: {
    id: string;
    payment_id: string;
    amount: number;
    notify_url: string;
    status: 'unpaid' | 'paid' | 'failed' | 'closed';
    transaction_id: string | null;
    paid_at: string | null;
    refunded: number;
    created_at: string;
  };
  /** Signed notifications the sandbox sends, each when its time comes (some twice, some late). */
  payments_sandbox_notice: {
    id: string;
    charge_id: string;
    notify_url: string;
    body: string;
    deliver_at: string;
    attempts: number;
    delivered_at: string | null;
    last_status: number | null;
  };
  /** The refunds the sandbox has made, by Flywheel's refund id: a repeated call refunds once. */
  payments_sandbox_refund: { refund_id: string; charge_id: string; amount: number; created_at: string };
  /** Money the sandbox paid to the payer of a charge beyond its refunds (a compensation). */
  payments_sandbox_transfer: { transfer_id: string; charge_id: string; amount: number; created_at: string };
  /**
   * Money paid to the shopper of a payment beyond giving it back (a compensation: fake one pay ten,
   * return freight, late delivery), as WeChat Pay's transfer to the payer's balance. The write that
   * decides on it books it; the provider is asked after commit.
   */
  payments_transfer: {
    id: string;
    /** The merchant on whose behalf it is paid. */
    org_id: string;
    payment_id: string;
    amount: number;
    reason: string;
    provider_ref: string | null;
    status: 'pending' | 'succeeded' | 'failed';
    created_at: string;
  };
  /**
   * A call to the provider that a write decided on: recorded in that write's transaction, made
   * after its commit (never inside a transaction), its result applied once. A crash in between
   * leaves it pending, and the worker makes it on restart; the provider is idempotent on its ids.
   */
  payments_intent: {
    id: string;
    payment_id: string;
    kind: IntentKind;
    /**
     * JSON: what the call needs (the amount and description to open, the refund's id and
     * amount, the shopper's payment code).
     */
    args: string;
    /** `refused`: the provider said no, for good (a payment code it does not take). */
    status: 'pending' | 'done' | 'refused';
    attempts: number;
    last_error: string | null;
    /** When it may be tried (again): a claim by a runner holds it until then. */
    next_attempt_at: string;
    created_at: string;
    done_at: string | null;
    /** JSON of the provider's refusal: its code, message and the fields it named. */
    refusal: string | null;
  };
};

export type IntentKind = 'open' | 'refund' | 'close' | 'micropay' | 'transfer';

/** What other modules may read of payments's tables (DESIGN §4): read-only views of the columns they rely on. */
export type PaymentsViews = {
  /** Payments (without their pay URL). */
  payments_payment_view: Pick<
    PaymentsTables['payments_payment'],
    | 'id'
    | 'org_id'
    | 'shopper_id'
    | 'order_id'
    | 'provider'
    | 'provider_ref'
    | 'amount'
    | 'refunded'
    | 'currency'
    | 'status'
    | 'expires_at'
    | 'paid_at'
    | 'created_at'
    | 'updated_at'
  >;
  /** Refunds. */
  payments_refund_view: Pick<
    PaymentsTables['payments_refund'],
    'id' | 'org_id' | 'payment_id' | 'amount' | 'reason' | 'provider_ref' | 'status' | 'created_at'
  >;
};

declare module '../../platform/db/database.js' {
  interface Database extends PaymentsTables, PaymentsViews {}
}

export const paymentsMigrations: Migrations = {
  '20261205_0400_payments_transfer': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('payments_transfer')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_transfer_payment')
        .on('payments_transfer')
        .column('payment_id')
        .execute();
      await db.schema
        .createTable('payments_sandbox_transfer')
        .addColumn('transfer_id', 'text', (c) => c.primaryKey())
        .addColumn('charge_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261202_0100_payments_intent_refusal': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('payments_intent').addColumn('refusal', 'text').execute();
    },
  },
  '20261201_0340_payments_payment_view': readView('payments_payment_view', 'payments_payment', [
    'id',
    'org_id',
    'shopper_id',
    'order_id',
    'provider',
    'provider_ref',
    'amount',
    'refunded',
    'currency',
    'status',
    'expires_at',
    'paid_at',
    'created_at',
    'updated_at',
  ]),
  '20261201_0341_payments_refund_view': readView('payments_refund_view', 'payments_refund', [
    'id',
    'org_id',
    'payment_id',
    'amount',
    'reason',
    'provider_ref',
    'status',
    'created_at',
  ]),
  '20261201_0400_payments_intents': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('payments_intent')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('payment_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('args', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .execute();
      await sql`create index payments_intent_pending on payments_intent (next_attempt_at) where status = 'pending'`.execute(
        db,
      );
      await db.schema
        .createIndex('payments_intent_payment')
        .on('payments_intent')
        .column('payment_id')
        .execute();
      await db.schema
        .createTable('payments_sandbox_refund')
        .addColumn('refund_id', 'text', (c) => c.primaryKey())
        .addColumn('charge_id', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261126_0600_payments_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('payments_payment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('shopper_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text')
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('refunded', t.money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pay_url', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_payment_order')
        .on('payments_payment')
        .column('order_id')
        .execute();
      await db.schema
        .createIndex('payments_payment_paid')
        .on('payments_payment')
        .columns(['paid_at'])
        .execute();
      await db.schema
        .createTable('payments_notification')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text')
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_notification_once')
        .on('payments_notification')
        .columns(['provider', 'notification_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('payments_notification_payment')
        .on('payments_notification')
        .column('payment_id')
        .execute();
      await db.schema
        .createTable('payments_refund')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text', (c) => c.notNull())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('provider_ref', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('payments_refund_payment')
        .on('payments_refund')
        .column('payment_id')
        .execute();
      await db.schema
        .createTable('payments_sandbox_charge')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('payment_id', 'text', (c) => c.notNull().unique())
        .addColumn('amount', t.money, (c) => c.notNull())
        .addColumn('notify_url', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('transaction_id', 'text')
        .addColumn('paid_at', 'text')
        .addColumn('refunded', t.money, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('payments_sandbox_notice')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('charge_id', 'text', (c) => c.notNull())
        .addColumn('notify_url', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('deliver_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('last_status', 'integer')
        .execute();
      await db.schema
        .createIndex('payments_sandbox_notice_due')
        .on('payments_sandbox_notice')
        .columns(['delivered_at', 'deliver_at'])
        .execute();
    },
  },
};
