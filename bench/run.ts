// `npm run bench` runs every scenario; `npm run bench -- <name>` one. Each prints one JSON line
// and checks invariants after the load. Not a test: nothing here asserts a time.
import { Pool } from 'undici';
import { dialectOf } from '../src/platform/db/database.js';
import { ean } from '../test/support/builders.js';
import { type CsvRow, catalogCsv, phoneRow } from '../test/support/catalog-csv.js';
import { signIn } from '../test/support/http.js';
import { waitUntil } from '../test/support/server-process.js';
import { beijingAddress, demoShop, ShopHttp } from '../test/support/shop-http.js';
import { aftersales } from './aftersales.js';
import { checkout, routing } from './checkout.js';
import { checkoutSteps } from './checkout-steps.js';
import { closedLoop, count, percentile, type Result, withServer } from './support.js';

/**
 * `writes`: 32 concurrent clients create API keys over real HTTP with Idempotency-Keys (every write
 * goes through the transaction + outbox + audit + idempotency path), half of them retried.
 * Invariants: one key, one event and one audit entry per acknowledged write; no duplicate.
 * `BENCH_SHOPPERS=n` has n shoppers place orders the whole time beside them (with
 * `SANDBOX_LATENCY_MS`, against a slow provider): the writes of one tenant must not wait on the
 * provider calls of another's shoppers.
 */
async function writes(): Promise<Result> {
  return withServer(async ({ base, db, databaseUrl }) => {
    const session = await signIn(base, 'brand@oppo.demo');
    const beside = await shoppersBeside(base, Number(process.env.BENCH_SHOPPERS ?? 0));
    const total = Number(process.env.BENCH_OPS ?? 3000);
    const concurrency = 32;
    // undici's pool costs the load generator far less CPU than fetch: on two cores the generator
    // and the server share the machine, and what the generator burns the server does not get.
    const pool = new Pool(base, { connections: concurrency });
    const latencies: number[] = [];
    const acknowledged = new Set<string>();
    const seconds = await closedLoop(total, concurrency, async (i) => {
      const t0 = performance.now();
      const send = () =>
        pool.request({
          path: '/api/api-keys',
          method: 'POST',
          headers: { ...session, 'idempotency-key': `bench-${i}` },
          body: JSON.stringify({ name: `bench ${i}`, role: 'viewer' }),
        });
      const res = await send();
      const body = (await res.body.json()) as { id: string };
      if (res.statusCode === 201) acknowledged.add(body.id);
      if (i % 2 === 0) {
        const again = (await (await send()).body.json()) as { id: string };
        if (again.id !== body.id) acknowledged.add(`duplicate:${again.id}`);
      }
      latencies.push(performance.now() - t0);
    });
    await pool.close();
    const background = await beside.stop();
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
        duplicates === 0 &&
        background.ordersOk,
      dialect: dialectOf(databaseUrl),
      writes: total,
      replays: Math.ceil(total / 2),
      concurrency,
      keys,
      events,
      audits,
      duplicates,
      ...(({ ordersOk: _, ...figures }) => figures)(background),
    };
  });
}

/** `n` shoppers placing orders in a loop until stopped (standard delivery, one unit each). */
async function shoppersBeside(base: string, n: number) {
  if (n === 0) return { stop: async () => ({ ordersOk: true }) };
  const http = new ShopHttp(base, n);
  const shoppers = await http.newShoppers(n);
  const { channelId, skus } = await demoShop(base);
  let running = true;
  let placed = 0;
  let refused = 0;
  const loops = shoppers.map(async (h, s) => {
    for (let i = 0; running; i++) {
      const r = await http.checkout(h, {
        channelId,
        skuId: skus[i % skus.length].skuId,
        mode: 'standard',
        address: beijingAddress,
        key: `beside-${s}-${i}`,
      });
      if (r.status === 201) placed++;
      else refused++;
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      await http.close();
      return {
        // The shoppers beside got their orders placed too, none refused.
        ordersOk: placed > 0 && refused === 0,
        shoppers_beside: n,
        orders_beside: placed,
        refused_beside: refused,
        sandbox_latency_ms: Number(process.env.SANDBOX_LATENCY_MS ?? 0),
      };
    },
  };
}

/**
 * `import`: a brand uploads a 10,000-SKU catalogue spreadsheet (2,000 products of 5 SKUs) over
 * real HTTP, five times with new codes, after one file with a bad last row. Invariants: the bad
 * file changed nothing; each good one added exactly its 10,000 SKUs; the export lists them all.
 */
async function catalogImport(): Promise<Result> {
  return withServer(async ({ base, db, databaseUrl }) => {
    const session = await signIn(base, 'brand@oppo.demo');
    const size = Number(process.env.BENCH_SKUS ?? 10_000);
    const runs = 5;
    const upload = (rows: CsvRow[]) =>
      fetch(`${base}/api/catalog/import`, {
        method: 'POST',
        headers: { ...session, 'content-type': 'text/csv' },
        body: catalogCsv(rows),
      });
    const rows = (prefix: string, n: number) =>
      Array.from({ length: size }, (_, i) => phoneRow(i, { gtin: ean(n * size + i) }, prefix));
    const skus = () => count(db.selectFrom('catalog_sku'));
    const before = await skus();
    const bad = rows('BAD', 0);
    bad[size - 1] = { ...bad[size - 1], gtin: '1' };
    const started = performance.now();
    const rejected = await upload(bad);
    const rejectMs = performance.now() - started;
    let ok = rejected.status === 422 && (await skus()) === before;
    const durations: number[] = [];
    for (let n = 1; n <= runs; n++) {
      const file = rows(`B${n}`, n);
      const t = performance.now();
      const res = await upload(file);
      durations.push(performance.now() - t);
      ok &&= res.status === 200 && (await skus()) === before + n * size;
    }
    const exported = await fetch(`${base}/api/catalog/export`, { headers: session });
    const lines = (await exported.text()).trim().split('\n').length - 1;
    const brand = await db
      .selectFrom('catalog_sku')
      .select('org_id')
      .where('code', '=', 'B1-0')
      .executeTakeFirst();
    ok &&= lines === (await count(db.selectFrom('catalog_sku').where('org_id', '=', brand?.org_id ?? '')));
    const seconds = durations.reduce((a, b) => a + b, 0) / 1000;
    durations.sort((a, b) => a - b);
    return {
      scenario: 'import',
      ops_per_s: Math.round((runs * size) / seconds),
      p50_ms: percentile(durations, 50),
      p99_ms: percentile(durations, 99),
      invariants_ok: ok,
      dialect: dialectOf(databaseUrl),
      skus_per_file: size,
      files: runs,
      rejected_file_ms: Number(rejectMs.toFixed(1)),
      exported_rows: lines,
    };
  });
}

const scenarios: Record<string, () => Promise<Result>> = {
  writes,
  import: catalogImport,
  checkout,
  'checkout-steps': checkoutSteps,
  routing,
  aftersales,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of wanted.length ? wanted : Object.keys(scenarios)) {
  const run = scenarios[name];
  if (!run) {
    console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  console.log(JSON.stringify(await run()));
}
