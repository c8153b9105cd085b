import { type Kysely, sql } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import { readView } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';

export type MovementKind =
  | 'receive'
  | 'adjust'
  | 'transfer_out'
  | 'transfer_in'
  | 'sale'
  | 'return'
  | 'damage';
export type TransferStatus = 'requested' | 'shipped' | 'received' | 'cancelled';
export type ReservationStatus = 'held' | 'committed' | 'released' | 'expired';

/** Every table belongs to the brand whose stock it is (`org_id`); store rows also name the store. */
export type InventoryTables = {
  inventory_location: {
    id: string;
    org_id: string;
    kind: 'warehouse' | 'store';
    /** A store location is the brand's stock in a partner's store (an identity store org). */
    store_org_id: string | null;
    /** The store's retailer: agreements with it decide what the store may sell. */
    retailer_id: string | null;
    name: string;
    /** Its English name: a store's from the store's own, a warehouse's as the brand gives it. */
    name_en: string | null;
    province: string;
    city: string;
    district: string | null;
    address: string | null;
    lat: number;
    lng: number;
    city_tier: number | null;
    area_m2: number | null;
    /** JSON `{ "open": "10:00", "close": "22:00" }` in China time, every day. */
    opening_hours: string;
    delivery_radius_m: number;
    prep_minutes: number;
    /** Orders the store's staff pick at once: beyond it, hour orders queue. */
    pick_capacity: number;
    status: 'active' | 'closed';
    created_at: string;
    updated_at: string;
  };
  inventory_level: {
    org_id: string;
    location_id: string;
    sku_id: string;
    on_hand: number;
    reserved: number;
    /** Shipped towards this location and not yet received. */
    in_transit: number;
    /** Low-stock threshold of this cell; the location kind's default when null. */
    low_stock_at: number | null;
    updated_at: string;
  };
  inventory_reservation: {
    id: string;
    org_id: string;
    location_id: string;
    sku_id: string;
    quantity: number;
    status: ReservationStatus;
    expires_at: string;
    ref: string | null;
    channel_id: string | null;
    created_at: string;
    updated_at: string;
  };
  /** The ledger: every unit that enters or leaves a location's on-hand, with why. */
  inventory_movement: {
    id: string;
    org_id: string;
    location_id: string;
    sku_id: string;
    kind: MovementKind;
    /** Signed change of on-hand. */
    quantity: number;
    on_hand_after: number;
    reason: string | null;
    ref_type: string | null;
    ref_id: string | null;
    actor_id: string | null;
    created_at: string;
  };
  inventory_transfer: {
    id: string;
    org_id: string;
    from_location_id: string;
    to_location_id: string;
    status: TransferStatus;
    reason: 'replenishment' | 'full_line' | 'manual';
    note: string | null;
    shipped_at: string | null;
    received_at: string | null;
    created_at: string;
    updated_at: string;
  };
  inventory_transfer_line: {
    org_id: string;
    transfer_id: string;
    sku_id: string;
    quantity: number;
    received_quantity: number | null;
  };
  /** A standardised brand display zone inside a store. */
  inventory_zone: {
    id: string;
    org_id: string;
    location_id: string;
    area_m2: number;
    fixture_standard: string;
    /** JSON array of the SKU ids on display. */
    planogram: string;
    created_at: string;
    updated_at: string;
  };
  inventory_zone_audit: {
    id: string;
    org_id: string;
    zone_id: string;
    audited_on: string;
    auditor: string;
    /** JSON `[{ item, passed, note? }]`. */
    checklist: string;
    score: number;
    created_at: string;
  };
};

/** What other modules may read of inventory's tables (DESIGN §4): read-only views of the columns they rely on. */
export type InventoryViews = {
  /** Locations. */
  inventory_location_view: Pick<
    InventoryTables['inventory_location'],
    | 'id'
    | 'org_id'
    | 'kind'
    | 'store_org_id'
    | 'retailer_id'
    | 'name'
    | 'name_en'
    | 'province'
    | 'city'
    | 'district'
    | 'address'
    | 'lat'
    | 'lng'
    | 'city_tier'
    | 'area_m2'
    | 'opening_hours'
    | 'delivery_radius_m'
    | 'prep_minutes'
    | 'pick_capacity'
    | 'status'
    | 'created_at'
    | 'updated_at'
  >;
  /** Stock levels. */
  inventory_level_view: Pick<
    InventoryTables['inventory_level'],
    | 'org_id'
    | 'location_id'
    | 'sku_id'
    | 'on_hand'
    | 'reserved'
    | 'in_transit'
    | 'low_stock_at'
    | 'updated_at'
  >;
};

declare module '../../platform/db/database.js' {
  interface Database extends InventoryTables, InventoryViews {}
}

/** The columns of locations other modules read (the view's first form; `name_en` came later). */
const locationViewColumns = [
  'id',
  'org_id',
  'kind',
  'store_org_id',
  'retailer_id',
  'name',
  'province',
  'city',
  'district',
  'address',
  'lat',
  'lng',
  'city_tier',
  'area_m2',
  'opening_hours',
  'delivery_radius_m',
  'prep_minutes',
  'pick_capacity',
  'status',
  'created_at',
  'updated_at',
];

export const inventoryMigrations: Migrations = {
  '20261203_0100_inventory_location_name_en': {
    async up(db) {
      await db.schema.alterTable('inventory_location').addColumn('name_en', 'text').execute();
      // A store location is named after its store: in English too, where the store has a name in English.
      const stores = await db
        .selectFrom('inventory_location')
        .innerJoin('identity_org_view', 'identity_org_view.id', 'inventory_location.store_org_id')
        .select(['inventory_location.id', 'identity_org_view.attributes'])
        .execute();
      for (const s of stores) {
        const nameEn = s.attributes ? JSON.parse(s.attributes).nameEn : undefined;
        if (typeof nameEn === 'string')
          await db
            .updateTable('inventory_location')
            .set({ name_en: nameEn })
            .where('id', '=', s.id)
            .execute();
      }
      await db.schema.dropView('inventory_location_view').execute();
      await readView('inventory_location_view', 'inventory_location', [...locationViewColumns, 'name_en']).up(
        db,
      );
    },
  },
  '20261201_0320_inventory_location_view': readView(
    'inventory_location_view',
    'inventory_location',
    locationViewColumns,
  ),
  '20261201_0321_inventory_level_view': readView('inventory_level_view', 'inventory_level', [
    'org_id',
    'location_id',
    'sku_id',
    'on_hand',
    'reserved',
    'in_transit',
    'low_stock_at',
    'updated_at',
  ]),
  '20261126_0100_inventory_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('inventory_location')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('store_org_id', 'text', (c) => c.references('identity_org.id'))
        .addColumn('retailer_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('province', 'text', (c) => c.notNull())
        .addColumn('city', 'text', (c) => c.notNull())
        .addColumn('district', 'text')
        .addColumn('address', 'text')
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('city_tier', 'integer')
        .addColumn('area_m2', 'integer')
        .addColumn('opening_hours', 'text', (c) => c.notNull())
        .addColumn('delivery_radius_m', 'integer', (c) => c.notNull())
        .addColumn('prep_minutes', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inventory_location_org')
        .on('inventory_location')
        .columns(['org_id', 'kind'])
        .execute();
      await db.schema
        .createIndex('inventory_location_store')
        .on('inventory_location')
        .columns(['org_id', 'store_org_id'])
        .unique()
        .where(sql.ref('store_org_id'), 'is not', null)
        .execute();
      await db.schema
        .createTable('inventory_level')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull().references('inventory_location.id'))
        .addColumn('sku_id', 'text', (c) => c.notNull().references('catalog_sku.id'))
        .addColumn('on_hand', 'integer', (c) => c.notNull())
        .addColumn('reserved', 'integer', (c) => c.notNull())
        .addColumn('in_transit', 'integer', (c) => c.notNull())
        .addColumn('low_stock_at', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('inventory_level_pk', ['location_id', 'sku_id'])
        // The database refuses an oversell even if a command were wrong (DESIGN §6.2).
        .addCheckConstraint(
          'inventory_level_bounds',
          sql`on_hand >= 0 and reserved >= 0 and reserved <= on_hand and in_transit >= 0`,
        )
        .execute();
      await db.schema
        .createIndex('inventory_level_sku')
        .on('inventory_level')
        .columns(['sku_id', 'location_id'])
        .execute();
      await db.schema
        .createTable('inventory_reservation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inventory_reservation_expiry')
        .on('inventory_reservation')
        .columns(['status', 'expires_at'])
        .execute();
      await db.schema
        .createTable('inventory_movement')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('on_hand_after', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('ref_type', 'text')
        .addColumn('ref_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inventory_movement_cell')
        .on('inventory_movement')
        .columns(['location_id', 'sku_id', 'id'])
        .execute();
      await db.schema
        .createIndex('inventory_movement_kind')
        .on('inventory_movement')
        .columns(['org_id', 'kind', 'created_at'])
        .execute();
      await db.schema
        .createTable('inventory_transfer')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('from_location_id', 'text', (c) => c.notNull().references('inventory_location.id'))
        .addColumn('to_location_id', 'text', (c) => c.notNull().references('inventory_location.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('shipped_at', 'text')
        .addColumn('received_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inventory_transfer_org')
        .on('inventory_transfer')
        .columns(['org_id', 'status', 'id'])
        .execute();
      await db.schema
        .createTable('inventory_transfer_line')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('transfer_id', 'text', (c) => c.notNull().references('inventory_transfer.id'))
        .addColumn('sku_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('received_quantity', 'integer')
        .addPrimaryKeyConstraint('inventory_transfer_line_pk', ['transfer_id', 'sku_id'])
        .execute();
      await db.schema
        .createTable('inventory_zone')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull().references('inventory_location.id'))
        .addColumn('area_m2', 'integer', (c) => c.notNull())
        .addColumn('fixture_standard', 'text', (c) => c.notNull())
        .addColumn('planogram', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('inventory_zone_location', ['org_id', 'location_id'])
        .execute();
      await db.schema
        .createTable('inventory_zone_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('zone_id', 'text', (c) => c.notNull().references('inventory_zone.id'))
        .addColumn('audited_on', 'text', (c) => c.notNull())
        .addColumn('auditor', 'text', (c) => c.notNull())
        .addColumn('checklist', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261126_0400_inventory_pick_capacity': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('inventory_location')
        .addColumn('pick_capacity', 'integer', (c) => c.notNull().defaultTo(3))
        .execute();
    },
  },
  // Routing and pricing cache these tables per process (platform/db/reference.ts).
  '20261127_0030_inventory_reference': referenceTriggers(['inventory_location']),
};
