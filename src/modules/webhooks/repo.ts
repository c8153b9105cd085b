import type { Kysely } from 'kysely';
import type { Migrations } from '../../platform/db/migrations.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export type WebhookTables = {
  webhooks_endpoint: {
    id: string;
    org_id: string;
    url: string;
    description: string | null;
    secret: string;
    event_types: string;
    active: number;
    created_at: string;
    updated_at: string;
  };
  webhooks_delivery: {
    id: string;
    org_id: string;
    endpoint_id: string;
    event_id: string;
    event_type: string;
    /** The event's aggregate and outbox sequence: deliveries of one aggregate go out in order. */
    aggregate_id: string;
    event_seq: number;
    payload: string;
    status: DeliveryStatus;
    attempts: number;
    next_attempt_at: string | null;
    last_status_code: number | null;
    last_error: string | null;
    created_at: string;
    delivered_at: string | null;
  };
  webhooks_attempt: {
    id: string;
    org_id: string;
    delivery_id: string;
    attempted_at: string;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
    response_snippet: string | null;
  };
};

declare module '../../platform/db/database.js' {
  interface Database extends WebhookTables {}
}

export const webhookMigrations: Migrations = {
  '20261125_1620_webhooks_init': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('webhooks_endpoint')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('identity_org.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('event_types', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhooks_endpoint_org')
        .on('webhooks_endpoint')
        .columns(['org_id', 'active'])
        .execute();
      await db.schema
        .createTable('webhooks_delivery')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('endpoint_id', 'text', (c) =>
          c.notNull().references('webhooks_endpoint.id').onDelete('cascade'),
        )
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('event_seq', 'bigint', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        // One delivery per event and endpoint: a re-published event is not sent twice.
        .addUniqueConstraint('webhooks_delivery_once', ['endpoint_id', 'event_id'])
        .execute();
      await db.schema
        .createIndex('webhooks_delivery_due')
        .on('webhooks_delivery')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhooks_delivery_endpoint')
        .on('webhooks_delivery')
        .columns(['endpoint_id', 'id'])
        .execute();
      await db.schema
        .createTable('webhooks_attempt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('delivery_id', 'text', (c) =>
          c.notNull().references('webhooks_delivery.id').onDelete('cascade'),
        )
        .addColumn('attempted_at', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('response_snippet', 'text')
        .execute();
      await db.schema
        .createIndex('webhooks_attempt_delivery')
        .on('webhooks_attempt')
        .columns(['delivery_id', 'id'])
        .execute();
    },
  },
};
