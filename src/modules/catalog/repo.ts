import { type Kysely, sql } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import { readView } from '../../platform/db/migrations.js';
import { referenceTriggers } from '../../platform/db/reference.js';
import type { ChannelKind } from './domain/channels.js';
import type { ProductStatus } from './domain/lifecycle.js';

export type CatalogTables = {
  catalog_product: {
    id: string;
    /** The brand that owns the product. */
    org_id: string;
    name: string;
    name_en: string | null;
    description: string | null;
    category: string;
    /** Agreements with retailers cover product lines (issue 3, partnership). */
    product_line: string;
    /** The option axes of its SKUs, in order: `["colour","storage"]`. */
    option_names: string;
    images: string;
    flagship: number;
    status: ProductStatus;
    created_at: string;
    updated_at: string;
  };
  catalog_sku: {
    id: string;
    org_id: string;
    product_id: string;
    /** The merchant's own SKU code, unique within the brand. */
    code: string;
    gtin: string | null;
    /** `{"colour":"Black","storage":"256GB"}`: one value per option name of the product. */
    options: string;
    images: string;
    status: 'active' | 'discontinued';
    /** Specify supply: an SKU made for one channel is listed and sold there only. */
    exclusive_channel_id: string | null;
    created_at: string;
    updated_at: string;
  };
  catalog_channel: {
    id: string;
    /** The brand that sells through it. */
    org_id: string;
    kind: ChannelKind;
    name: string;
    /** A store channel's retail partner; its stores sell under the brand's agreements with it. */
    retailer_id: string | null;
    /** Store channels: flagship SKUs sell at the online price. */
    price_parity: number;
    status: 'active' | 'paused';
    created_at: string;
    updated_at: string;
  };
  /** A channel's assortment and price list in one: an SKU is listed on a channel at its prices. */
  catalog_listing: {
    org_id: string;
    channel_id: string;
    sku_id: string;
    product_id: string;
    list_price: number;
    selling_price: number;
    floor_price: number | null;
    created_at: string;
    updated_at: string;
  };
  catalog_launch: {
    id: string;
    org_id: string;
    product_id: string;
    starts_at: string;
    /** JSON array of channel ids that go on sale together at `starts_at`. */
    channel_ids: string;
    status: 'scheduled' | 'cancelled';
    created_at: string;
    updated_at: string;
  };
};

/** What other modules may read of catalog's tables (DESIGN §4): read-only views of the columns they rely on. */
export type CatalogViews = {
  /** SKUs. */
  catalog_sku_view: Pick<
    CatalogTables['catalog_sku'],
    | 'id'
    | 'org_id'
    | 'product_id'
    | 'code'
    | 'gtin'
    | 'options'
    | 'images'
    | 'status'
    | 'exclusive_channel_id'
    | 'created_at'
    | 'updated_at'
  >;
  /** Products. */
  catalog_product_view: Pick<
    CatalogTables['catalog_product'],
    | 'id'
    | 'org_id'
    | 'name'
    | 'name_en'
    | 'description'
    | 'category'
    | 'product_line'
    | 'option_names'
    | 'images'
    | 'flagship'
    | 'status'
    | 'created_at'
    | 'updated_at'
  >;
  /** Channels. */
  catalog_channel_view: Pick<
    CatalogTables['catalog_channel'],
    | 'id'
    | 'org_id'
    | 'kind'
    | 'name'
    | 'retailer_id'
    | 'price_parity'
    | 'status'
    | 'created_at'
    | 'updated_at'
  >;
};

declare module '../../platform/db/database.js' {
  interface Database extends CatalogTables, CatalogViews {}
}

export const catalogMigrations: Migrations = {
  '20261201_0310_catalog_sku_view': readView('catalog_sku_view', 'catalog_sku', [
    'id',
    'org_id',
    'product_id',
    'code',
    'gtin',
    'options',
    'images',
    'status',
    'exclusive_channel_id',
    'created_at',
    'updated_at',
  ]),
  '20261201_0311_catalog_product_view': readView('catalog_product_view', 'catalog_product', [
    'id',
    'org_id',
    'name',
    'name_en',
    'description',
    'category',
    'product_line',
    'option_names',
    'images',
    'flagship',
    'status',
    'created_at',
    'updated_at',
  ]),
  '20261201_0312_catalog_channel_view': readView('catalog_channel_view', 'catalog_channel', [
    'id',
    'org_id',
    'kind',
    'name',
    'retailer_id',
    'price_parity',
    'status',
    'created_at',
    'updated_at',
  ]),
  '20261125_1800_catalog_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('catalog_product')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text')
        .addColumn('description', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('product_line', 'text', (c) => c.notNull())
        .addColumn('option_names', 'text', (c) => c.notNull())
        .addColumn('images', 'text', (c) => c.notNull())
        .addColumn('flagship', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('catalog_product_org')
        .on('catalog_product')
        .columns(['org_id', 'status', 'id'])
        .execute();
      await db.schema
        .createIndex('catalog_product_line')
        .on('catalog_product')
        .columns(['org_id', 'product_line'])
        .execute();
      await db.schema
        .createTable('catalog_sku')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_product.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('gtin', 'text')
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('images', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('catalog_sku_code', ['org_id', 'code'])
        .execute();
      // A GTIN names one trade item worldwide.
      await db.schema.createIndex('catalog_sku_gtin').on('catalog_sku').column('gtin').unique().execute();
      await db.schema
        .createIndex('catalog_sku_product')
        .on('catalog_sku')
        .columns(['product_id', 'id'])
        .execute();
    },
  },
  '20261126_0010_catalog_channels': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('catalog_sku').addColumn('exclusive_channel_id', 'text').execute();
      await db.schema
        .createTable('catalog_channel')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('retailer_id', 'text', (c) => c.references('identity_org.id'))
        .addColumn('price_parity', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One online shop per brand, one store channel per retail partner.
      await db.schema
        .createIndex('catalog_channel_online')
        .on('catalog_channel')
        .column('org_id')
        .unique()
        .where(sql.ref('kind'), '=', 'online')
        .execute();
      await db.schema
        .createIndex('catalog_channel_store')
        .on('catalog_channel')
        .columns(['org_id', 'retailer_id'])
        .unique()
        .where(sql.ref('kind'), '=', 'store')
        .execute();
      await db.schema
        .createTable('catalog_listing')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull().references('catalog_channel.id'))
        .addColumn('sku_id', 'text', (c) => c.notNull().references('catalog_sku.id'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('list_price', 'integer', (c) => c.notNull())
        .addColumn('selling_price', 'integer', (c) => c.notNull())
        .addColumn('floor_price', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('catalog_listing_pk', ['channel_id', 'sku_id'])
        .addCheckConstraint('catalog_listing_prices', sql`selling_price >= 0 and selling_price <= list_price`)
        .execute();
      await db.schema.createIndex('catalog_listing_sku').on('catalog_listing').column('sku_id').execute();
      await db.schema
        .createTable('catalog_launch')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull().references('catalog_product.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('channel_ids', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // A product has at most one launch it is waiting for.
      await db.schema
        .createIndex('catalog_launch_product')
        .on('catalog_launch')
        .column('product_id')
        .unique()
        .where(sql.ref('status'), '=', 'scheduled')
        .execute();
    },
  },
  // Routing and pricing cache these tables per process (platform/db/reference.ts).
  '20261127_0010_catalog_reference': referenceTriggers([
    'catalog_channel',
    'catalog_product',
    'catalog_sku',
    'catalog_listing',
    'catalog_launch',
  ]),
};
