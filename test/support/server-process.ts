import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';

/** The built CLI, as `npm start` runs it. */
export const serverEntry = 'dist/server/cli/main.js';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

export async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

export async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/**
 * `flywheel serve` in a child process of its own (one we can kill -9, or load from outside),
 * resolved once `/readyz` answers.
 */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: npm run build:server`);
  const port = env.PORT ?? String(await freePort());
  // SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under a benchmark.
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeArgs, serverEntry, 'serve'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: port },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(async () => child.exitCode === null && (await fetch(`${base}/readyz`)).ok, 60_000);
  if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
  return { child, base };
}

/**
 * A database of its own for a server process: a SQLite file in `dir`, or a fresh PostgreSQL
 * database when the suite runs on PostgreSQL. `drop` removes it.
 */
export async function scratchDatabase(
  dir: string,
  testDatabaseUrl: string,
  dialect: 'sqlite' | 'postgres',
  prefix: string,
): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  if (dialect !== 'postgres') return { databaseUrl: `${dir}/${prefix}.db`, drop: async () => undefined };
  const { default: pg } = await import('pg');
  const name = `${prefix}_${Math.random().toString(36).slice(2, 12)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: testDatabaseUrl });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(testDatabaseUrl);
  u.pathname = `/${name}`;
  return { databaseUrl: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
