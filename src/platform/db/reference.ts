import { CompiledQuery, type Kysely, type Migration, sql } from 'kysely';
import { type Executor, isPostgres } from './database.js';

/**
 * Reference data (channels, prices, locations, agreements, routing rules) is read on every cart
 * and order and changes seldom. Each process keeps what it read in memory under the database's
 * reference stamp: one row that triggers on the reference tables set to a new random value on
 * every insert, update or delete, whoever writes (a command, a migration, another process, a
 * test's own SQL). A read takes the stamp first, one primary-key lookup, and drops everything
 * cached under another stamp, so a cache is never behind the database it reads from, on one
 * process or many. Within a transaction the stamp is read once: the reference data it sees is
 * then the data as of its first read.
 */
export type ReferenceTables = {
  platform_reference: { id: number; stamp: number };
};

declare module './database.js' {
  interface Database extends ReferenceTables {}
}

/** A random integer below 2^53, in SQL. */
function randomStamp(db: Kysely<any>) {
  return isPostgres(db) ? sql`floor(random() * 9007199254740991)::bigint` : sql`random() % 9007199254740991`;
}

/** Creates the stamp's row, and on PostgreSQL the trigger function that moves it. */
export const referenceStampMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('platform_reference')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('stamp', 'bigint', (c) => c.notNull())
      .execute();
    // Random from the start too: caches are per process, and two fresh databases must not share a stamp.
    await sql`insert into platform_reference (id, stamp) values (1, ${randomStamp(db)})`.execute(db);
    if (isPostgres(db)) {
      await sql`create function platform_reference_moved() returns trigger language plpgsql as $$
        begin
          update platform_reference set stamp = ${randomStamp(db)};
          return null;
        end $$`.execute(db);
    }
  },
};

/** Triggers that move the stamp on every change to `tables`: for a module's own migration. */
export function referenceTriggers(tables: string[]): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const table of tables) {
        if (isPostgres(db)) {
          await sql`create trigger ${sql.id(`${table}_reference`)} after insert or update or delete
            on ${sql.table(table)} for each statement execute function platform_reference_moved()`.execute(
            db,
          );
          continue;
        }
        // SQLite has no statement triggers and one event per trigger.
        for (const event of ['insert', 'update', 'delete']) {
          await sql`create trigger ${sql.id(`${table}_reference_${event}`)} after ${sql.raw(event)}
            on ${sql.table(table)} begin
              update platform_reference set stamp = ${randomStamp(db)};
            end`.execute(db);
        }
      }
    },
  };
}

const stampsOfTransactions = new WeakMap<object, Promise<number>>();
// Compiled once: it runs several times per order, and the builder's work is most of its cost.
const stampQuery = CompiledQuery.raw('select stamp from platform_reference where id = 1') as CompiledQuery<{
  stamp: number;
}>;

/** The database's reference stamp now; read once per transaction. */
export function referenceStamp(db: Executor): Promise<number> {
  const read = () => db.executeQuery(stampQuery).then((r) => Number(r.rows[0].stamp));
  if (!db.isTransaction) return read();
  let stamp = stampsOfTransactions.get(db);
  if (!stamp) {
    stamp = read();
    stampsOfTransactions.set(db, stamp);
  }
  return stamp;
}

export type ReferenceCache<V> = {
  /** The value for each key: cached under the current stamp, else loaded (the missing keys at once). */
  getMany(db: Executor, keys: string[]): Promise<Map<string, V>>;
  get(db: Executor, key: string): Promise<V>;
};

/**
 * A per-process cache of reference data. `load` reads the given keys and answers for each of
 * them (an absent row answers with whatever stands for "none", which is cached too). Bounded:
 * past `max` entries it starts again empty.
 */
export function referenceCache<V>(
  load: (db: Executor, keys: string[]) => Promise<Map<string, V>>,
  max = 50_000,
): ReferenceCache<V> {
  let cachedStamp: number | null = null;
  let entries = new Map<string, V>();
  const getMany = async (db: Executor, keys: string[]) => {
    const stamp = await referenceStamp(db);
    if (stamp !== cachedStamp) {
      cachedStamp = stamp;
      entries = new Map();
    }
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      if (entries.has(key)) found.set(key, entries.get(key) as V);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const loaded = await load(db, missing);
    // Kept only if the stamp did not move while loading.
    const keep = cachedStamp === stamp;
    if (keep && entries.size + missing.length > max) entries = new Map();
    for (const key of missing) {
      // Shared by every caller until the stamp moves: frozen, so a caller that changes one fails loudly.
      const value = frozen(loaded.get(key) as V);
      found.set(key, value);
      if (keep) entries.set(key, value);
    }
    return found;
  };
  return {
    getMany,
    get: async (db, key) => (await getMany(db, [key])).get(key) as V,
  };
}

/** Freezes plain objects and arrays all the way down, and the values of maps; leaves class instances (an index) alone. */
function frozen<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) frozen(v);
    return value;
  }
  if (
    Array.isArray(value) ||
    (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
  ) {
    for (const v of Object.values(value as object)) frozen(v);
    return Object.freeze(value);
  }
  return value;
}
