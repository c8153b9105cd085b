import { type Kysely, sql } from 'kysely';
import { columnTypes, type Migrations } from './migrations.js';
import { type ReferenceTables, referenceStampMigration } from './reference.js';
import { defineVisibility } from './visibility.js';

/** Tables the platform itself owns: outbox, idempotency records, the audit log. */
export type PlatformTables = {
  platform_outbox: {
    seq: number;
    id: string;
    type: string;
    /** The payload's version, from the event's declaration. */
    version: number;
    aggregate_type: string;
    aggregate_id: string;
    org_id: string | null;
    actor_id: string | null;
    request_id: string | null;
    payload: string;
    created_at: string;
    published_at: string | null;
    streamed_at: string | null;
    attempts: number;
    last_error: string | null;
    next_attempt_at: string | null;
  };
  /** Which after-commit hook has handled which event: redelivery changes nothing twice. */
  platform_hook_receipt: { hook: string; event_id: string; done_at: string };
  platform_idempotency: {
    scope: string;
    key: string;
    method: string;
    path: string;
    request_hash: string;
    status: number;
    response: string;
    created_at: string;
  };
  platform_audit: {
    id: string;
    org_id: string | null;
    actor_type: string;
    actor_id: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    request_id: string | null;
    ip: string | null;
    details: string | null;
    created_at: string;
  };
};

declare module './database.js' {
  interface Database extends PlatformTables {}
}

export const platformMigrations: Migrations = {
  '20261201_0000_platform_event_version': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('platform_outbox')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('platform_hook_receipt')
        .addColumn('hook', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('done_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('platform_hook_receipt_pk', ['hook', 'event_id'])
        .execute();
    },
  },
  '20261127_0000_platform_reference': referenceStampMigration,
  '20261125_1600_platform_init': {
    async up(db: Kysely<any>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('platform_outbox')
        .addColumn('seq', t.serial, (c) =>
          t.serialIsAutoincrement ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('aggregate_type', 'text', (c) => c.notNull())
        .addColumn('aggregate_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('request_id', 'text')
        .addColumn('payload', t.json, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('streamed_at', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('next_attempt_at', 'text')
        .execute();
      // The relay scans only what is still unpublished.
      await sql`create index platform_outbox_pending on platform_outbox (seq) where published_at is null`.execute(
        db,
      );
      await sql`create index platform_outbox_unstreamed on platform_outbox (seq) where streamed_at is null`.execute(
        db,
      );
      await db.schema
        .createIndex('platform_outbox_org')
        .on('platform_outbox')
        .columns(['org_id', 'seq'])
        .execute();

      await db.schema
        .createTable('platform_idempotency')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('platform_idempotency_pk', ['scope', 'key'])
        .execute();

      await db.schema
        .createTable('platform_audit')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text')
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text')
        .addColumn('object_id', 'text')
        .addColumn('request_id', 'text')
        .addColumn('ip', 'text')
        .addColumn('details', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('platform_audit_org')
        .on('platform_audit')
        .columns(['org_id', 'id'])
        .execute();
    },
  },
};

/** The migrator's own bookkeeping (Kysely's), not typed here. */
type MigratorTables = { platform_migration: object; platform_migration_lock: object };

const work = 'the system’s own work, never read for a principal';
defineVisibility<PlatformTables & ReferenceTables & MigratorTables>({
  // The audit log of an organisation is its own; the operator's spans every tenant.
  platform_audit: { orgs: ['org_id'] },
  platform_outbox: { internal: `${work}: each event reaches its tenant as a webhook delivery` },
  platform_hook_receipt: { internal: work },
  platform_idempotency: { internal: `${work}: replayed only to the principal that made it` },
  platform_reference: { internal: work },
  platform_migration: { internal: work },
  platform_migration_lock: { internal: work },
});
