import type { Kysely } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';
import type { OrderSource } from './domain/sources.js';

export type GrowthTables = {
  /** Where each order was placed from: its channel and the way the shopper came (the traffic source). */
  growth_order_source: {
    order_id: string;
    /** The brand whose order it is. */
    org_id: string;
    channel_id: string;
    channel_kind: string;
    source: OrderSource;
    /** What the source names, when it names something: the search words, the link's code. */
    ref: string | null;
    total: number;
    placed_at: string;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends GrowthTables {}
}

export const growthMigrations: Migrations = {
  '20261201_0200_growth_order_source': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('growth_order_source')
        .addColumn('order_id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('channel_kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('placed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('growth_order_source_org')
        .on('growth_order_source')
        .columns(['org_id', 'placed_at'])
        .execute();
    },
  },
};
