import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { dialectOf, openDatabase } from '../src/platform/db/database.js';
import { exited, startServerProcess } from '../test/support/server-process.js';

export type Result = Record<string, unknown> & {
  scenario: string;
  ops_per_s: number;
  p50_ms: number;
  p99_ms: number;
  invariants_ok: boolean;
};

export function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2))
    : 0;
}

export type Server = { base: string; db: ReturnType<typeof openDatabase>['db']; databaseUrl: string };

/** Runs `fn` against a Flywheel server in its own process, as `npm start` runs it, on the demo world. */
export async function withServer<T>(fn: (server: Server) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
  // On PostgreSQL each run gets a schema of its own, dropped afterwards, like the test suites.
  const given = process.env.DATABASE_URL;
  const schema = given && dialectOf(given) === 'postgres' ? `bench_${Date.now().toString(36)}` : null;
  const databaseUrl = given ?? join(dir, 'bench.db');
  const server = await startServerProcess({
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'true',
    LOGIN_RATE_PER_MINUTE: '100000',
    ...(schema ? { DATABASE_SCHEMA: schema } : {}),
  });
  const { db, close } = openDatabase(databaseUrl, { schema: schema ?? undefined });
  try {
    return await fn({ base: server.base, db, databaseUrl });
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const count = async (q: any) =>
  Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/**
 * A closed loop: `concurrency` clients, each taking the next of `total` items until none is left
 * (client `worker` runs item `i`). Answers the wall time in seconds.
 */
export async function closedLoop(
  total: number,
  concurrency: number,
  each: (i: number, worker: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) await each(next++, worker);
    }),
  );
  return (performance.now() - started) / 1000;
}
