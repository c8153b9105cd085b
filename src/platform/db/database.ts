import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { Checkpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';

/**
 * Every table Flywheel owns. Each module adds its own tables by declaration merging in its
 * `repo.ts` (`declare module '…/platform/db/database.js' { interface Database { … } }`), so the
 * core never changes when a module plugs in.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging
export interface Database {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A connection or a transaction: repositories accept either. */
export type Executor = Db | Trx;
export type Dialect = 'sqlite' | 'postgres';

export type DbHandle = {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
};

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

// int8 (counts, money sums, sequences) as a JS number: money in fen stays far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens the system of record. SQLite runs in WAL mode with foreign keys on and
 * `synchronous=NORMAL`, which survives a killed process (not a power cut) without fsync per commit.
 * `schema` (PostgreSQL only) isolates a test run in its own schema.
 */
export function openDatabase(url: string, opts: { schema?: string; poolSize?: number } = {}): DbHandle {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      // A URL's own `?options=-c search_path=…` stands unless a schema is given here.
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = file === ':memory:' ? null : new Checkpointer(sqlite, file);
  const db = new Kysely<Database>({
    dialect: new GroupCommitSqliteDialect(sqlite, cachedStatements(sqlite), () => checkpointer?.committed()),
  });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; preparing is a good share of a small query's cost on
 * SQLite, so prepared statements are kept by SQL text (bounded: the SQL Flywheel builds comes
 * from a finite set of query shapes, but `in (…)` lists vary in length).
 */
function cachedStatements(sqlite: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (sqlText) => {
    let stmt = cache.get(sqlText);
    if (!stmt) {
      stmt = sqlite.prepare(sqlText);
      if (cache.size >= 2000) cache.delete(cache.keys().next().value as string);
      cache.set(sqlText, stmt);
    }
    return stmt;
  };
}

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Postgres raises 23505, SQLite `SQLITE_CONSTRAINT_UNIQUE` / `…_PRIMARYKEY`. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** Booleans are stored as 0/1 on both engines. */
export const bool = (v: boolean): number => (v ? 1 : 0);
