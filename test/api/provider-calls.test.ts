import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { givenMember, givenOrg, givenShopper } from '../support/builders.js';
import { givenShop, homeAddress, type Shop } from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel, testDatabaseUrl, testDialect } from '../support/harness.js';
import { signIn } from '../support/http.js';
import { exited, freePort, scratchDatabase, startServerProcess } from '../support/server-process.js';
import { beijingAddress, demoShop, ShopHttp } from '../support/shop-http.js';

/** Polls `check` (bounded): a state another request brings about. */
async function until(check: () => Promise<boolean>, what: string, tries = 2_000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}

describe('provider calls are made after commit, never inside a transaction (DESIGN §4)', () => {
  let fw: TestFlywheel;
  let shop: Shop;
  let shopper: TestClient;
  beforeEach(async () => {
    // A provider that takes a second to answer, as a slow network would.
    fw = await startFlywheel({
      clock: new ManualClock('2026-11-26T06:00:00Z'),
      config: { sandboxLatencyMs: 1_000 },
    });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
  });
  afterEach(async () => {
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });

  it('commits the order before the provider opens its payment, and other writes go on meanwhile', async () => {
    const cart = (await shopper.post('/api/shop/carts', { channelId: shop.channelId })).json();
    await shopper.post(`/api/shop/carts/${cart.id}/lines`, { skuId: shop.skus[0], quantity: 1 });
    await shopper.post(`/api/shop/carts/${cart.id}/delivery`, { mode: 'standard', address: homeAddress });
    let answered = false;
    const placing = shopper
      .post('/api/shop/orders', { cartId: cart.id }, { 'idempotency-key': 'slow' })
      .then((r) => {
        answered = true;
        return r;
      });
    const db = fw.rt.db;
    const committed = () =>
      db
        .selectFrom('orders_order')
        .select(['id', 'payment_id'])
        .where('cart_id', '=', cart.id)
        .executeTakeFirst();
    await until(async () => (await committed()) !== undefined, 'the order commits');
    const { payment_id } = (await committed())!;
    const charge = () =>
      db
        .selectFrom('payments_sandbox_charge')
        .select('id')
        .where('payment_id', '=', payment_id)
        .executeTakeFirst();
    // Committed, and the provider has not answered yet: the call is not inside that transaction.
    expect(await charge()).toBeUndefined();
    expect(answered).toBe(false);
    // Another tenant's write commits while the provider is still thinking.
    const brand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await brand.post('/api/api-keys', { name: 'meanwhile', role: 'viewer' })).statusCode).toBe(201);
    expect(await charge()).toBeUndefined();
    expect(answered).toBe(false);

    const placed = await placing;
    expect(placed.statusCode).toBe(201);
    expect(placed.json().payment.payUrl).toContain(`/sandbox/pay/${payment_id}`);
    expect(await charge()).toBeDefined();
    // The retried request replays the same order, with its pay page, and opens nothing twice.
    const again = await shopper.post('/api/shop/orders', { cartId: cart.id }, { 'idempotency-key': 'slow' });
    expect(again.json()).toMatchObject({
      id: placed.json().id,
      payment: { payUrl: placed.json().payment.payUrl },
    });
    const intents = await db
      .selectFrom('payments_intent')
      .selectAll()
      .where('payment_id', '=', payment_id)
      .execute();
    expect(intents.map((i) => [i.kind, i.status])).toEqual([['open', 'done']]);
  });
});

describe('crash: kill -9 between a provider call and its result', () => {
  let dir: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-provider-crash-'));
    ({ databaseUrl, drop } = await scratchDatabase(dir, testDatabaseUrl, testDialect, 'pcrash'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  it('opens, refunds and takes a payment code once across the crashes: nothing lost, nothing paid twice', async () => {
    const port = await freePort();
    const env = (latencyMs: number) => ({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOGIN_RATE_PER_MINUTE: '1000',
      SANDBOX_LATENCY_MS: String(latencyMs),
    });
    const base = `http://127.0.0.1:${port}`;
    const db = openDatabase(databaseUrl).db;
    // The demo world is made with a provider that answers at once; then it turns slow.
    let server = (await startServerProcess(env(0))).child;
    const { channelId, skus } = await demoShop(base);
    server.kill('SIGTERM');
    await exited(server);
    server = (await startServerProcess(env(30_000))).child;
    let http = new ShopHttp(base, 4);
    try {
      let h = await http.signInShopper('shopper@flywheel.demo');
      // 1. The order commits; the server dies while the provider is opening its payment.
      const inFlight = http
        .checkout(h, {
          channelId,
          skuId: skus[0].skuId,
          mode: 'standard',
          address: beijingAddress,
          key: 'crash-open',
        })
        .catch(() => null);
      let orderId = '';
      await until(async () => {
        const mine = await http.call('GET', '/api/shop/orders', h);
        orderId = mine.json.items?.find((o: { status: string }) => o.status === 'pending_payment')?.id ?? '';
        return orderId !== '';
      }, 'the order commits');
      const { payment_id: paymentId, cart_id: cartId } = await db
        .selectFrom('orders_order')
        .select(['payment_id', 'cart_id'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(
        await db
          .selectFrom('payments_sandbox_charge')
          .select('id')
          .where('payment_id', '=', paymentId)
          .executeTakeFirst(),
      ).toBeUndefined();
      server.kill('SIGKILL');
      await exited(server);
      await inFlight;
      await http.close();

      // 2. Restarted: the open it was making is made; the retried request gets the same order, payable.
      server = (await startServerProcess(env(0))).child;
      http = new ShopHttp(base, 4);
      h = await http.signInShopper('shopper@flywheel.demo');
      const retried = await http.call(
        'POST',
        '/api/shop/orders',
        { ...h, 'idempotency-key': 'crash-open' },
        { cartId },
      );
      expect(retried.json).toMatchObject({ id: orderId, payment: { id: paymentId } });
      expect(retried.json.payment.payUrl).toContain(`/sandbox/pay/${paymentId}`);
      const payment = retried.json.payment as { id: string; amount: number };
      expect(await http.notifyPaid(payment, 'sbn_crash_open')).toBe(200);
      await until(
        async () => (await http.call('GET', `/api/shop/orders/${orderId}`, h)).json.status === 'routed',
        'paid',
      );
      server.kill('SIGTERM');
      await exited(server);
      await http.close();

      // 3. The shopper cancels; the server dies while the provider is refunding.
      server = (await startServerProcess(env(30_000))).child;
      http = new ShopHttp(base, 4);
      h = await http.signInShopper('shopper@flywheel.demo');
      expect((await http.call('POST', `/api/shop/orders/${orderId}/cancel`, h, {})).status).toBe(200);
      const refundIntent = () =>
        db
          .selectFrom('payments_intent')
          .selectAll()
          .where('payment_id', '=', paymentId)
          .where('kind', '=', 'refund')
          .executeTakeFirst();
      // The worker has claimed the refund and is waiting on the provider.
      await until(async () => ((await refundIntent())?.attempts ?? 0) > 0, 'the refund is being made');
      server.kill('SIGKILL');
      await exited(server);
      await http.close();

      // 4. Restarted: the refund is made once, and the books agree with the provider.
      server = (await startServerProcess(env(0))).child;
      await until(async () => (await refundIntent())?.status === 'done', 'the refund is made', 4_000);
      const charge = await db
        .selectFrom('payments_sandbox_charge')
        .selectAll()
        .where('payment_id', '=', paymentId)
        .executeTakeFirstOrThrow();
      expect(Number(charge.refunded)).toBe(payment.amount);
      const refunds = await db
        .selectFrom('payments_refund')
        .selectAll()
        .where('payment_id', '=', paymentId)
        .execute();
      expect(refunds.map((r) => [Number(r.amount), r.status])).toEqual([[payment.amount, 'succeeded']]);
      const taken = await db
        .selectFrom('ledger_transaction')
        .select('kind')
        .where('ref_id', 'in', [paymentId, ...refunds.map((r) => r.id)])
        .execute();
      expect(taken.map((t) => t.kind).sort()).toEqual(['payment', 'refund']);
      expect((await reconcile(db)).findings).toEqual([]);
      server.kill('SIGTERM');
      await exited(server);

      // 5. A sale at the counter; the server dies while the provider takes the shopper's code.
      server = (await startServerProcess(env(30_000))).child;
      http = new ShopHttp(base, 4);
      const staff = await signIn(base, 'store@jdhome.demo');
      const counter = (await http.call('GET', '/api/pos/catalog', staff)).json;
      const item = counter.items.find((i: { available: number }) => i.available > 0);
      const sale = {
        brandId: counter.brands[0].id,
        lines: [{ skuId: item.skuId, quantity: 1 }],
        authCode: '134567890123456789',
      };
      const selling = http
        .call('POST', '/api/pos/sales', { ...staff, 'idempotency-key': 'crash-pos' }, sale)
        .catch(() => null);
      const micropay = () =>
        db.selectFrom('payments_intent').selectAll().where('kind', '=', 'micropay').executeTakeFirst();
      await until(async () => ((await micropay())?.attempts ?? 0) > 0, 'the code is being taken');
      // The provider has taken the money and its answer is still on the way: the worst moment.
      const micropayOf = (await micropay())?.payment_id;
      const charged = () =>
        db
          .selectFrom('payments_sandbox_charge')
          .select('status')
          .where('payment_id', '=', micropayOf!)
          .executeTakeFirst();
      await until(async () => (await charged())?.status === 'paid', 'the provider has taken the money');
      const sold = await db
        .selectFrom('orders_order')
        .select(['id', 'status'])
        .where('payment_id', '=', micropayOf!)
        .executeTakeFirstOrThrow();
      expect(sold.status).toBe('pending_payment');
      server.kill('SIGKILL');
      await exited(server);
      await selling;
      await http.close();

      // 6. Restarted: the code is taken once, the goods handed over, and the retried request says so.
      server = (await startServerProcess(env(0))).child;
      await until(async () => (await micropay())?.status === 'done', 'the code is taken', 4_000);
      http = new ShopHttp(base, 4);
      const retriedSale = await http.call(
        'POST',
        '/api/pos/sales',
        { ...(await signIn(base, 'store@jdhome.demo')), 'idempotency-key': 'crash-pos' },
        sale,
      );
      expect(retriedSale.json).toMatchObject({
        id: sold.id,
        status: 'completed',
        payment: { status: 'paid' },
      });
      const counterPayment = (await micropay())!.payment_id;
      expect(
        (
          await db
            .selectFrom('ledger_transaction')
            .select('kind')
            .where('ref_id', '=', counterPayment)
            .execute()
        ).map((t) => t.kind),
      ).toEqual(['payment']);
      expect((await reconcile(db)).findings).toEqual([]);
    } finally {
      await http.close().catch(() => undefined);
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await exited(server);
      }
      await db.destroy();
    }
  }, 180_000);
});
