import type { Kysely } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
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
    created_at: string;
    updated_at: string;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends CatalogTables {}
}

export const catalogMigrations: Migrations = {
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
};
