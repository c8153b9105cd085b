import { type Kysely, sql } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import { readView } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';
import type { DecisionKind } from './domain/routing.js';
import type { ShipmentMode, ShipmentStatus } from './domain/shipment.js';

export type FulfilmentTables = {
  /**
   * One fulfilment group of an order: the lines one location sends. Belongs to the brand; a
   * store's staff see the shipments of their store (`store_org_id`).
   */
  fulfilment_shipment: {
    id: string;
    org_id: string;
    order_id: string;
    location_id: string;
    store_org_id: string | null;
    mode: ShipmentMode;
    status: ShipmentStatus;
    /** JSON `[{ skuId, quantity }]`. */
    lines: string;
    /** JSON ids of the stock reservations behind the lines. */
    reservation_ids: string;
    eta_minutes: number | null;
    standard_days: number | null;
    /** When the shopper was promised the parcel: set when the order is paid. */
    promise_at: string | null;
    pickup_code: string | null;
    /** JSON delivery address `{ province, city, district, line, lat, lng, name, phone }`; null for pick-up. */
    address: string | null;
    /** Minutes the courier needs from the store to the door (the estimate less preparation and queue). */
    travel_minutes: number | null;
    /** JSON `{ name, phone }` of the courier, once handed over. */
    courier: string | null;
    handed_at: string | null;
    delivered_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
  };
  fulfilment_shipment_event: {
    id: string;
    shipment_id: string;
    status: ShipmentStatus;
    actor_id: string | null;
    note: string | null;
    created_at: string;
  };
  /** Why an order went where it went: every candidate with its verdict. */
  fulfilment_decision: {
    id: string;
    org_id: string;
    order_id: string;
    kind: DecisionKind;
    /** JSON `{ lat, lng, province, city, district, source }`. */
    address: string;
    candidates: string;
    groups: string;
    rules: string;
    created_at: string;
  };
  /** An operator's ranked routing rule for a brand. */
  fulfilment_rule: {
    id: string;
    org_id: string;
    rank: number;
    kind: 'prefer_location' | 'avoid_split' | 'same_province';
    location_id: string | null;
    created_at: string;
  };
};

/** What other modules may read of fulfilment's tables (DESIGN §4): read-only views of the columns they rely on. */
export type FulfilmentViews = {
  /** Shipments. */
  fulfilment_shipment_view: Pick<
    FulfilmentTables['fulfilment_shipment'],
    | 'id'
    | 'org_id'
    | 'order_id'
    | 'location_id'
    | 'store_org_id'
    | 'mode'
    | 'status'
    | 'lines'
    | 'reservation_ids'
    | 'eta_minutes'
    | 'standard_days'
    | 'promise_at'
    | 'pickup_code'
    | 'address'
    | 'travel_minutes'
    | 'courier'
    | 'handed_at'
    | 'delivered_at'
    | 'version'
    | 'created_at'
    | 'updated_at'
  >;
};

declare module '../../platform/db/database.js' {
  interface Database extends FulfilmentTables, FulfilmentViews {}
}

export const fulfilmentMigrations: Migrations = {
  '20261201_0330_fulfilment_shipment_view': readView('fulfilment_shipment_view', 'fulfilment_shipment', [
    'id',
    'org_id',
    'order_id',
    'location_id',
    'store_org_id',
    'mode',
    'status',
    'lines',
    'reservation_ids',
    'eta_minutes',
    'standard_days',
    'promise_at',
    'pickup_code',
    'address',
    'travel_minutes',
    'courier',
    'handed_at',
    'delivered_at',
    'version',
    'created_at',
    'updated_at',
  ]),
  '20261126_0500_fulfilment_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('fulfilment_shipment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('store_org_id', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('lines', 'text', (c) => c.notNull())
        .addColumn('reservation_ids', 'text', (c) => c.notNull())
        .addColumn('eta_minutes', 'integer')
        .addColumn('standard_days', 'integer')
        .addColumn('promise_at', 'text')
        .addColumn('pickup_code', 'text')
        .addColumn('address', 'text')
        .addColumn('travel_minutes', 'integer')
        .addColumn('courier', 'text')
        .addColumn('handed_at', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('fulfilment_shipment_order')
        .on('fulfilment_shipment')
        .column('order_id')
        .execute();
      // The store's task queue and the capacity count read by location and status.
      await db.schema
        .createIndex('fulfilment_shipment_queue')
        .on('fulfilment_shipment')
        .columns(['location_id', 'status'])
        .execute();
      // The demo courier looks for the hour parcels on their way, oldest first.
      await db.schema
        .createIndex('fulfilment_shipment_status')
        .on('fulfilment_shipment')
        .columns(['status', 'mode', 'handed_at'])
        .execute();
      await db.schema
        .createIndex('fulfilment_shipment_store')
        .on('fulfilment_shipment')
        .columns(['store_org_id', 'status', 'id'])
        .execute();
      await db.schema
        .createTable('fulfilment_shipment_event')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shipment_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('fulfilment_shipment_event_shipment')
        .on('fulfilment_shipment_event')
        .columns(['shipment_id', 'id'])
        .execute();
      await db.schema
        .createTable('fulfilment_decision')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('candidates', 'text', (c) => c.notNull())
        .addColumn('groups', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('fulfilment_rule')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('fulfilment_rule_org')
        .on('fulfilment_rule')
        .columns(['org_id', 'rank'])
        .execute();
    },
  },
  // Routing and pricing cache these tables per process (platform/db/reference.ts).
  '20261127_0040_fulfilment_reference': referenceTriggers(['fulfilment_rule']),
  // A brand has each rule once: the copies added before are dropped, the first kept.
  '20261204_0100_fulfilment_rule_once': {
    async up(db) {
      await sql`delete from fulfilment_rule where id not in (
        select min(id) from fulfilment_rule group by org_id, kind, coalesce(location_id, ''))`.execute(db);
      await sql`create unique index fulfilment_rule_once
        on fulfilment_rule (org_id, kind, coalesce(location_id, ''))`.execute(db);
    },
  },
};
