// `npm run bench` runs every scenario; `npm run bench -- <name>` one. Each prints one JSON line
// and checks invariants after the load. Not a test: nothing here asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectOf, openDatabase } from '../src/platform/db/database.js';
import { signIn } from '../test/support/http.js';
import { exited, startServerProcess, waitUntil } from '../test/support/server-process.js';

type Result = Record<string, unknown> & {
  scenario: string;
  ops_per_s: number;
  p50_ms: number;
  p99_ms: number;
  invariants_ok: boolean;
};

function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2))
    : 0;
}

/**
 * `writes`: 32 concurrent clients create API keys over real HTTP with Idempotency-Keys (every write
 * goes through the transaction + outbox + audit + idempotency path), half of them retried.
 * Invariants: one key, one event and one audit entry per acknowledged write; no duplicate.
 */
async function writes(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
  const databaseUrl = process.env.DATABASE_URL ?? join(dir, 'bench.db');
  // The server runs as `npm start` runs it, in its own process; this process only generates load.
  const server = await startServerProcess({
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'true',
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const { db, close } = openDatabase(databaseUrl);
  try {
    const base = server.base;
    const session = await signIn(base, 'brand@oppo.demo');
    const total = Number(process.env.BENCH_OPS ?? 3000);
    const concurrency = 32;
    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          const t0 = performance.now();
          const send = () =>
            fetch(`${base}/api/api-keys`, {
              method: 'POST',
              headers: { ...session, 'idempotency-key': `bench-${i}` },
              body: JSON.stringify({ name: `bench ${i}`, role: 'viewer' }),
            });
          const res = await send();
          const body = (await res.json()) as { id: string };
          if (res.status === 201) acknowledged.add(body.id);
          if (i % 2 === 0) {
            const again = (await (await send()).json()) as { id: string };
            if (again.id !== body.id) acknowledged.add(`duplicate:${again.id}`);
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const count = async (q: any) =>
      Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // The relay catches up after the load: every event is delivered.
    await waitUntil(
      async () => (await count(db.selectFrom('platform_outbox').where('published_at', 'is', null))) === 0,
      60_000,
    );
    const keys = await count(db.selectFrom('identity_api_key').where('name', 'like', 'bench %'));
    const events = await count(
      db.selectFrom('platform_outbox').where('type', '=', 'identity.api_key_created'),
    );
    const audits = await count(
      db.selectFrom('platform_audit').where('action', '=', 'identity.api_key.create'),
    );
    latencies.sort((a, b) => a - b);
    const duplicates = [...acknowledged].filter((id) => id.startsWith('duplicate:')).length;
    return {
      scenario: 'writes',
      ops_per_s: Number((total / seconds).toFixed(1)),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      invariants_ok:
        acknowledged.size === total &&
        keys === total &&
        events === total &&
        audits === total &&
        duplicates === 0,
      dialect: dialectOf(databaseUrl),
      writes: total,
      replays: Math.ceil(total / 2),
      concurrency,
      keys,
      events,
      audits,
      duplicates,
    };
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const scenarios: Record<string, () => Promise<Result>> = { writes };

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(scenarios)) {
  const run = scenarios[name];
  if (!run) {
    console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  console.log(JSON.stringify(await run()));
}
