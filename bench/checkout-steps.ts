import { reconcile } from '../src/modules/orders/index.js';
import { dialectOf } from '../src/platform/db/database.js';
import { signIn } from '../test/support/http.js';
import { beijingAddress, demoShop, ShopHttp } from '../test/support/shop-http.js';
import { receiveInWarehouses } from './checkout.js';
import { closedLoop, percentile, type Result, withServer } from './support.js';

/**
 * `checkout-steps`: the checkout flow one step at a time. Every shopper creates its cart, then
 * every cart gets its line, then its address and quote, then is placed, then paid, each step
 * by 64 concurrent clients over real HTTP. A step's service time (wall time per request at full
 * load) says where an order's time goes; the five add up to what one order costs the server, so
 * `ops_per_s` is the paid orders/s that sum allows, the ceiling of `checkout`.
 */
export async function checkoutSteps(): Promise<Result> {
  return withServer(async ({ base, db, databaseUrl }) => {
    const total = Number(process.env.BENCH_ORDERS ?? 3000);
    const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 64);
    const { channelId, skus } = await demoShop(base);
    const open = skus.slice(0, 8);
    await receiveInWarehouses(base, await signIn(base, 'brand@oppo.demo'), open, total + 300);
    const http = new ShopHttp(base, concurrency);
    const shoppers = await http.newShoppers(16);
    // A first round of 300 warms the server up (JIT, caches); the second, of `total`, is measured.
    const run = { http, shoppers, channelId, open, concurrency };
    await checkoutRound(run, 'warm', 300);
    const { steps, latencies } = await checkoutRound(run, 'measured', total);
    await http.close();
    const books = await reconcile(db);
    const perOrderUs = Object.values(steps).reduce((sum, s) => sum + s.us_per_request, 0);
    latencies.sort((a, b) => a - b);
    return {
      scenario: 'checkout-steps',
      ops_per_s: Number((1e6 / perOrderUs).toFixed(1)),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      invariants_ok: books.ok && Object.values(steps).every((s) => s.failed === 0),
      dialect: dialectOf(databaseUrl),
      concurrency,
      orders: total,
      server_us_per_order: perOrderUs,
      steps,
      findings: books.findings.slice(0, 5),
    };
  });
}

type Step = { requests_per_s: number; us_per_request: number; failed: number };

async function checkoutRound(
  run: {
    http: ShopHttp;
    shoppers: Array<Record<string, string>>;
    channelId: string;
    open: Array<{ skuId: string }>;
    concurrency: number;
  },
  round: string,
  total: number,
): Promise<{ steps: Record<string, Step>; latencies: number[] }> {
  const { http, shoppers, channelId, open, concurrency } = run;
  const steps: Record<string, Step> = {};
  const latencies: number[] = [];
  const carts: string[] = [];
  const orders: Array<{ payment: { id: string; amount: number } }> = [];
  const step = async (name: string, call: (i: number) => Promise<boolean>) => {
    let failed = 0;
    const seconds = await closedLoop(total, concurrency, async (i) => {
      const t0 = performance.now();
      if (!(await call(i))) failed++;
      latencies.push(performance.now() - t0);
    });
    steps[name] = {
      requests_per_s: Math.round(total / seconds),
      us_per_request: Math.round((seconds / total) * 1e6),
      failed,
    };
  };
  const shopper = (i: number) => shoppers[i % shoppers.length];
  await step('create_cart', async (i) => {
    const r = await http.call('POST', '/api/shop/carts', shopper(i), { channelId });
    carts[i] = r.json?.id;
    return r.status === 201;
  });
  await step('add_line', async (i) => {
    const body = { skuId: open[i % open.length].skuId, quantity: 1 };
    return (await http.call('POST', `/api/shop/carts/${carts[i]}/lines`, shopper(i), body)).status === 200;
  });
  await step('quote', async (i) => {
    const body = { mode: 'standard', address: beijingAddress };
    return (await http.call('POST', `/api/shop/carts/${carts[i]}/delivery`, shopper(i), body)).status === 200;
  });
  await step('place', async (i) => {
    const headers = { ...shopper(i), 'idempotency-key': `steps-${round}-${i}` };
    const r = await http.call('POST', '/api/shop/orders', headers, { cartId: carts[i] });
    orders[i] = r.json;
    return r.status === 201;
  });
  await step(
    'notify',
    async (i) => (await http.notifyPaid(orders[i].payment, `sbn_steps_${round}_${i}`)) === 200,
  );
  return { steps, latencies };
}
