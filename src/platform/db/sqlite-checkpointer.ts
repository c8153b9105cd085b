import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Copies the WAL back into the database file from a thread of its own. SQLite runs this
 * checkpoint inside the commit that crosses `wal_autocheckpoint` pages, on the thread that serves
 * requests; under load it was two thirds of commit time. The worker's PASSIVE checkpoint waits
 * for no reader or writer, so commits go on meanwhile, and the writer restarts the WAL once it
 * has been copied. The connection's own autocheckpoint stays, set high, in case the worker falls
 * behind. Started after the first busy stretch, so a quiet database never starts a thread.
 */
export class Checkpointer {
  #worker: Worker | null = null;
  #commits = 0;
  #closed = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly file: string,
    private readonly opts = { startAfterCommits: 100, intervalMs: 50, fallbackPages: 20_000 },
  ) {}

  /** Called after each commit. */
  committed(): void {
    if (this.#worker || this.#closed || ++this.#commits < this.opts.startAfterCommits) return;
    this.sqlite.pragma(`wal_autocheckpoint = ${this.opts.fallbackPages}`);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Evaluated source: the same text runs from src under the test runner and from dist.
    this.#worker = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file);
       db.pragma('busy_timeout = 1000');
       const timer = setInterval(() => {
         // A failed round is left to the next one, and to the writer's own autocheckpoint.
         try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
       }, workerData.intervalMs);
       parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });`,
      { eval: true, workerData: { driver, file: this.file, intervalMs: this.opts.intervalMs } },
    );
    this.#worker.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    if (!worker) return;
    this.#worker = null;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Held open until the worker has closed its connection, or the process would leave first.
    worker.ref();
    worker.postMessage('close');
    await exited;
  }
}
