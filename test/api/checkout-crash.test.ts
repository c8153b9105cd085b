import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../src/modules/orders/index.js';
import { chinaDay, chinaDayRange } from '../../src/platform/clock.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { testDatabaseUrl, testDialect } from '../support/harness.js';
import { exited, freePort, scratchDatabase, startServerProcess } from '../support/server-process.js';
import { beijingAddress, demoShop, ShopHttp } from '../support/shop-http.js';

/**
 * DESIGN §6 invariants 2, 3 and 4 across a crash: the server is killed with SIGKILL while
 * shoppers check out and pay, then restarted on the same database.
 */
describe('crash: kill -9 while shoppers check out and pay', () => {
  let dir: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-checkout-crash-'));
    ({ databaseUrl, drop } = await scratchDatabase(dir, testDatabaseUrl, testDialect, 'ccrash'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  it('keeps every acknowledged order and payment, replays retries, and leaves the books and stock balanced', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOGIN_RATE_PER_MINUTE: '1000',
    };
    let server = (await startServerProcess(env)).child;
    const base = `http://127.0.0.1:${port}`;
    const { channelId, skus } = await demoShop(base);
    let http = new ShopHttp(base, 16);
    const shopper = await http.signInShopper('shopper@flywheel.demo');

    const acknowledged: Array<{
      key: string;
      cartId: string;
      orderId: string;
      payment: { id: string; amount: number };
    }> = [];
    const paid = new Set<string>();
    let killed = false;
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (!killed && next < 2000) {
          const i = next++;
          const key = `crash-${i}`;
          try {
            const r = await http.checkout(shopper, {
              channelId,
              skuId: skus[i % 4].skuId,
              mode: 'standard',
              address: beijingAddress,
              key,
            });
            if (r.status !== 201) continue;
            const o = r.order;
            acknowledged.push({ key, cartId: r.cartId!, orderId: o.id, payment: o.payment });
            if ((await http.notifyPaid(o.payment, `sbn_crash_${i}`)) === 200) paid.add(o.id);
          } catch {
            // The server is gone: the request's fate is what the restart shows.
          }
          if (acknowledged.length >= 40 && !killed) {
            server.kill('SIGKILL');
            killed = true;
          }
        }
      }),
    );
    expect(killed).toBe(true);
    await exited(server);
    await http.close();

    server = (await startServerProcess(env)).child;
    http = new ShopHttp(base, 4);
    try {
      const h = await http.signInShopper('shopper@flywheel.demo');
      for (const a of acknowledged) {
        const o = await http.call('GET', `/api/shop/orders/${a.orderId}`, h);
        expect(o.status).toBe(200);
        if (paid.has(a.orderId)) expect(o.json.status).toBe('routed');
      }
      // A retried placement replays the order it made; a repeated notification changes nothing.
      const first = acknowledged[0];
      const retry = await http.call(
        'POST',
        '/api/shop/orders',
        { ...h, 'idempotency-key': first.key },
        { cartId: first.cartId },
      );
      expect(retry.json.id).toBe(first.orderId);
      const somePaid = acknowledged.find((a) => paid.has(a.orderId))!;
      expect(await http.notifyPaid(somePaid.payment, `sbn_crash_${somePaid.key.slice(6)}`)).toBe(200);
      // Orders whose notification was lost in the crash are paid when the provider resends it.
      const unpaid = acknowledged.filter((a) => !paid.has(a.orderId));
      for (const a of unpaid) expect(await http.notifyPaid(a.payment, `sbn_resent_${a.key}`)).toBe(200);
      for (const a of unpaid)
        expect((await http.call('GET', `/api/shop/orders/${a.orderId}`, h)).json.status).toBe('routed');

      // Today so far (a day is reconciled through the API once it is over).
      const { db } = openDatabase(databaseUrl);
      const result = await reconcile(db, chinaDayRange(chinaDay(new Date()))).finally(() => db.destroy());
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.figures.paidOrders).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await http.close();
      server.kill('SIGTERM');
      await exited(server);
    }
  }, 180_000);
});
