import type BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from 'kysely';

/**
 * SQLite with group commit. SQLite has one writer and a commit's cost is the pages it writes to
 * the WAL; with sortable ids, the transactions of one burst touch the same few leaf pages of each
 * table and index, so committing them together writes each page once instead of once per
 * transaction. Each Kysely transaction runs in a savepoint of a batch transaction, so one that
 * fails rolls back alone; the batch commits once the transactions queued behind it have run
 * (one turn of the event loop), and only then does any of them return. Nothing leaves the
 * process before it is durable: a statement outside a transaction that runs while a batch is
 * open waits for that batch's commit too, and if the commit fails every transaction in the batch
 * fails with it, acknowledged to no one.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;
  readonly #prepare: (sql: string) => BetterSqlite3.Statement;
  readonly #committed: () => void;
  constructor(
    database: BetterSqlite3.Database,
    prepare: (sql: string) => BetterSqlite3.Statement,
    committed: () => void = () => {},
  ) {
    super({ database });
    this.#database = database;
    this.#prepare = prepare;
    this.#committed = committed;
  }
  override createDriver(): Driver {
    return new GroupCommitDriver(this.#database, this.#prepare, this.#committed);
  }
}

/** The transactions that commit together, and who waits for them. */
type Batch = {
  waiters: Array<{ resolve(): void; reject(error: unknown): void }>;
  failed: unknown;
};

/** One holder's turn on the single connection. */
class Lease implements DatabaseConnection {
  batch: Batch | null = null;
  /** Given back already: a committed transaction leaves the connection before it waits for its batch. */
  released = false;
  constructor(readonly driver: GroupCommitDriver) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.run<R>(this, query));
  }
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams select queries only');
    this.driver.join(this);
    for (const row of this.driver.statement(query.sql).iterate(query.parameters as unknown[])) {
      yield { rows: [row as R] };
    }
  }
}

const SAVEPOINT = 'fw_txn';

class GroupCommitDriver implements Driver {
  readonly #queue: Array<() => void> = [];
  #locked = false;
  #batch: Batch | null = null;
  #flushScheduled = false;

  constructor(
    readonly sqlite: BetterSqlite3.Database,
    readonly statement: (sql: string) => BetterSqlite3.Statement,
    private readonly committed: () => void,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock();
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.#batch) {
      // IMMEDIATE: the write lock is taken here, where busy_timeout applies, not at the first
      // write, where another process's commit would fail it at once (SQLITE_BUSY_SNAPSHOT).
      this.sqlite.exec('begin immediate');
      this.#batch = { waiters: [], failed: null };
    }
    lease.batch = this.#batch;
    this.sqlite.exec(`savepoint ${SAVEPOINT}`);
  }

  /**
   * Returns once the batch is on disk. The connection is given back first, so the transactions
   * behind this one join the batch meanwhile (Kysely's controlled transactions do not wait for
   * their release; this is where every commit waits).
   */
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    this.#ensureAlive(lease);
    this.sqlite.exec(`release ${SAVEPOINT}`);
    await this.#leave(lease);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // The batch is gone already (SQLite rolled it back on an I/O or full-disk error): nothing to undo.
    if (lease.batch?.failed) return;
    this.sqlite.exec(`rollback to ${SAVEPOINT}`);
    this.sqlite.exec(`release ${SAVEPOINT}`);
  }

  // Savepoints a transaction makes itself (`trx.savepoint(…)`) nest inside its own.
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand(connection as Lease, 'savepoint', name);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand(connection as Lease, 'rollback to', name);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.#savepointCommand(connection as Lease, 'release', name);
  }

  #savepointCommand(lease: Lease, command: string, name: string): void {
    this.#ensureAlive(lease);
    if (!/^\w+$/.test(name)) throw new Error(`savepoint names are words: ${name}`);
    this.sqlite.exec(`${command} ${name}`);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.released) await this.#leave(lease);
  }

  /** Gives the connection back; a holder that saw an open batch then waits for its commit. */
  async #leave(lease: Lease): Promise<void> {
    lease.released = true;
    const batch = lease.batch;
    if (!batch) return this.#unlock();
    if (batch.failed) {
      this.#unlock();
      throw batch.failed;
    }
    const committed = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.#unlock();
    this.#scheduleFlush();
    await committed;
  }

  async destroy(): Promise<void> {
    this.sqlite.close();
  }

  /** Statements outside a transaction that run while a batch is open see its writes: they wait for it. */
  join(lease: Lease): void {
    if (this.#batch && !lease.batch) lease.batch = this.#batch;
  }

  run<R>(lease: Lease, query: CompiledQuery): QueryResult<R> {
    this.join(lease);
    this.#ensureAlive(lease);
    const stmt = this.statement(query.sql);
    try {
      if (stmt.reader) return { rows: stmt.all(query.parameters as unknown[]) as R[] };
      const { changes, lastInsertRowid } = stmt.run(query.parameters as unknown[]);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      // SQLite rolls the whole transaction back on some errors (SQLITE_FULL, SQLITE_IOERR,
      // SQLITE_NOMEM): the batch, and every transaction in it, is lost.
      if (this.#batch && !this.sqlite.inTransaction) this.#fail(this.#batch, error);
      throw error;
    }
  }

  #ensureAlive(lease: Lease): void {
    if (lease.batch?.failed) throw lease.batch.failed;
  }

  #fail(batch: Batch, error: unknown): void {
    batch.failed = error;
    if (this.#batch === batch) this.#batch = null;
    for (const w of batch.waiters) w.reject(error);
    batch.waiters.length = 0;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // After this turn's I/O callbacks: the requests already read queue up for the connection
    // first and join the batch; the commit takes its turn behind them.
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    await this.#lock();
    const batch = this.#batch;
    try {
      if (!batch) return;
      this.#batch = null;
      try {
        this.sqlite.exec('commit');
      } catch (error) {
        if (this.sqlite.inTransaction) this.sqlite.exec('rollback');
        this.#fail(batch, error);
        return;
      }
      for (const w of batch.waiters) w.resolve();
      this.committed();
    } finally {
      this.#unlock();
    }
  }

  #lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  /** First come, first served: the commit queued behind a burst runs after it, not before. */
  #unlock(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
  }
}
