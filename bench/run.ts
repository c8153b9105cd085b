// `npm run bench` runs every scenario; `npm run bench -- <name>` one. Each prints one JSON line
// and checks invariants after the load. Not a test: nothing here asserts a time.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFlywheel, seedDemoWorld } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { signIn } from '../test/support/http.js';

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
 * `writes`: concurrent members create API keys over real HTTP with Idempotency-Keys (every write
 * goes through the transaction + outbox + audit + idempotency path), half of them retried.
 * Invariants: one key, one event and one audit entry per acknowledged write; no duplicate.
 */
async function writes(): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
  const fw = await createFlywheel(
    loadConfig(
      { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? join(dir, 'bench.db') },
      { logLevel: 'silent', loginRatePerMinute: 100_000 },
    ),
  );
  try {
    await seedDemoWorld(fw);
    await fw.start();
    await fw.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(fw.app.server.address() as AddressInfo).port}`;
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
    await fw.relay.drain();
    const db = fw.rt.db;
    const keys = Number(
      (
        await db
          .selectFrom('identity_api_key')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('name', 'like', 'bench %')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const events = Number(
      (
        await db
          .selectFrom('platform_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', '=', 'identity.api_key_created')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const audits = Number(
      (
        await db
          .selectFrom('platform_audit')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'identity.api_key.create')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const unpublished = Number(
      (
        await db
          .selectFrom('platform_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('published_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
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
        unpublished === 0 &&
        duplicates === 0,
      dialect: fw.rt.dialect,
      writes: total,
      retried: Math.ceil(total / 2),
      keys,
      events,
      audits,
      unpublished,
      duplicates,
    };
  } finally {
    await fw.close();
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
