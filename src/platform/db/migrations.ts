import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './database.js';

/**
 * A module's migrations, keyed by a name that starts with a UTC timestamp
 * (`20261125_1600_identity_init`): the timestamp orders migrations across modules.
 */
export type Migrations = Record<string, Migration>;

class CombinedProvider implements MigrationProvider {
  constructor(private readonly sets: Migrations[]) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const all: Record<string, Migration> = {};
    for (const set of this.sets) {
      for (const [name, migration] of Object.entries(set)) {
        if (all[name]) throw new Error(`migration ${name} is defined twice`);
        all[name] = migration;
      }
    }
    return all;
  }
}

/** `schema` (PostgreSQL): where the migration tables live, when not the default schema. */
export async function migrateToLatest(db: Db, sets: Migrations[], schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new CombinedProvider(sets),
    migrationTableName: 'platform_migration',
    migrationLockTableName: 'platform_migration_lock',
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Column type helpers so one migration serves both engines. */
export function columnTypes(db: Kysely<any>) {
  const pg = isPostgres(db);
  return {
    /** Auto-incrementing 64-bit sequence, for ordering (outbox). */
    serial: pg ? sql`bigserial` : sql`integer`,
    serialIsAutoincrement: !pg,
    json: sql`text`,
    money: sql`bigint`,
  };
}

/**
 * A view another module may read in place of the owner's table (`<owner>_…_view`): the columns
 * the owner lets others rely on, so a reader and the boundary check can tell it from a table.
 * The owner may change its table as it likes as long as the view keeps its columns.
 */
export function readView(name: `${string}_view`, table: string, columns: readonly string[]): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createView(name)
        .as(db.selectFrom(table).select(columns as string[]))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropView(name).execute();
    },
  };
}
