import { type Kysely, sql } from 'kysely';
import { columnTypes, type Migrations, readView } from '../../platform/db/migrations.js';
import type { OrderStatus } from './domain/order.js';
import type { DeliveryMode, OrderDelivery } from './domain/pricing.js';

export type OrdersTables = {
  /** A shopper's cart in one shop (channel) of one brand. */
  orders_cart: {
    id: string;
    shopper_id: string;
    org_id: string;
    channel_id: string;
    /** JSON delivery address `{ province, city, district, line?, lat?, lng?, name?, phone? }`. */
    address: string | null;
    delivery: DeliveryMode | null;
    pickup_location_id: string | null;
    status: 'open' | 'ordered';
    order_id: string | null;
    created_at: string;
    updated_at: string;
  };
  orders_cart_line: {
    cart_id: string;
    sku_id: string;
    quantity: number;
    added_at: string;
  };
  orders_order: {
    id: string;
    /** The brand that sells. */
    org_id: string;
    shopper_id: string;
    channel_id: string;
    cart_id: string;
    status: OrderStatus;
    delivery: OrderDelivery;
    address: string | null;
    pickup_location_id: string | null;
    subtotal: number;
    delivery_fee: number;
    total: number;
    currency: string;
    payment_id: string;
    pay_by: string;
    placed_at: string;
    paid_at: string | null;
    cancelled_at: string | null;
    cancel_reason: string | null;
    version: number;
    updated_at: string;
    /** JSON: the price adjusters' lines, as shown on the quote (`[]` for none). */
    adjustments: string;
  };
  orders_line: {
    id: string;
    order_id: string;
    org_id: string;
    sku_id: string;
    product_id: string;
    code: string;
    name: string;
    /** The product's English name when it had one at placement. */
    name_en: string | null;
    options: string;
    quantity: number;
    list_price: number;
    unit_price: number;
    line_total: number;
    location_id: string;
  };
  /** A run of the reconciliation of one China calendar day: what it found, with its figures. */
  orders_reconciliation: {
    id: string;
    day: string;
    ok: number;
    findings: string;
    figures: string;
    created_at: string;
  };
  orders_history: {
    id: string;
    order_id: string;
    from_status: string | null;
    to_status: OrderStatus;
    actor_type: string;
    actor_id: string | null;
    note: string | null;
    created_at: string;
  };
};

const orderViewColumns = [
  'id',
  'org_id',
  'shopper_id',
  'channel_id',
  'status',
  'delivery',
  'address',
  'subtotal',
  'delivery_fee',
  'total',
  'payment_id',
  'placed_at',
  'paid_at',
  'adjustments',
] as const;
const lineViewColumns = [
  'id',
  'order_id',
  'org_id',
  'sku_id',
  'product_id',
  'code',
  'name',
  'name_en',
  'options',
  'quantity',
  'unit_price',
  'line_total',
  'location_id',
] as const;

/** What other modules may read of orders (DESIGN §4): after-sales reads what was bought and paid. */
export type OrdersViews = {
  orders_order_view: Pick<OrdersTables['orders_order'], (typeof orderViewColumns)[number]>;
  orders_line_view: Pick<OrdersTables['orders_line'], (typeof lineViewColumns)[number]>;
};

declare module '../../platform/db/database.js' {
  interface Database extends OrdersTables, OrdersViews {}
}

export const ordersMigrations: Migrations = {
  '20261205_0300_orders_order_view': readView('orders_order_view', 'orders_order', orderViewColumns),
  '20261205_0301_orders_line_view': readView('orders_line_view', 'orders_line', lineViewColumns),
  // Lines placed before it have no English name: they show the Chinese one.
  '20261204_0200_orders_line_name_en': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('orders_line').addColumn('name_en', 'text').execute();
    },
  },
  '20261202_0200_orders_reconciliation_per_day': {
    async up(db: Kysely<any>) {
      // One row a day: the newest run of a day is kept, and later runs update it.
      await sql`delete from orders_reconciliation where id not in (
        select max(id) from orders_reconciliation group by day)`.execute(db);
      await db.schema.dropIndex('orders_reconciliation_day').execute();
      await db.schema
        .createIndex('orders_reconciliation_day')
        .on('orders_reconciliation')
        .column('day')
        .unique()
        .execute();
    },
  },
  '20261201_0100_orders_adjustments': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('orders_order')
        .addColumn('adjustments', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },
  },
  '20261126_0700_orders_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('orders_cart')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shopper_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('delivery', 'text')
        .addColumn('pickup_location_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('orders_cart_shopper')
        .on('orders_cart')
        .columns(['shopper_id', 'status', 'id'])
        .execute();
      await db.schema
        .createTable('orders_cart_line')
        .addColumn('cart_id', 'text', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('orders_cart_line_pk', ['cart_id', 'sku_id'])
        .execute();
      await db.schema
        .createTable('orders_order')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('shopper_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        // One order per cart: a second placement of the same cart cannot make a second order.
        .addColumn('cart_id', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('delivery', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('pickup_location_id', 'text')
        .addColumn('subtotal', t.money, (c) => c.notNull())
        .addColumn('delivery_fee', t.money, (c) => c.notNull())
        .addColumn('total', t.money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('payment_id', 'text', (c) => c.notNull())
        .addColumn('pay_by', 'text', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .addColumn('cancelled_at', 'text')
        .addColumn('cancel_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_order_org').on('orders_order').columns(['org_id', 'id']).execute();
      await db.schema
        .createIndex('orders_order_shopper')
        .on('orders_order')
        .columns(['shopper_id', 'id'])
        .execute();
      // The sweeper finds unpaid orders past their time.
      await db.schema
        .createIndex('orders_order_unpaid')
        .on('orders_order')
        .columns(['status', 'pay_by'])
        .execute();
      await db.schema
        .createTable('orders_line')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('list_price', t.money, (c) => c.notNull())
        .addColumn('unit_price', t.money, (c) => c.notNull())
        .addColumn('line_total', t.money, (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_line_order').on('orders_line').column('order_id').execute();
      await db.schema.createIndex('orders_line_sku').on('orders_line').column('sku_id').execute();
      await db.schema
        .createTable('orders_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('orders_history_order')
        .on('orders_history')
        .columns(['order_id', 'id'])
        .execute();
      await db.schema
        .createTable('orders_reconciliation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('orders_reconciliation_day')
        .on('orders_reconciliation')
        .columns(['day', 'id'])
        .execute();
    },
  },
};
