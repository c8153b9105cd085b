import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, testDialect } from '../support/harness.js';
import { signIn } from '../support/http.js';
import {
  exited,
  freePort,
  scratchDatabase,
  startServerProcess,
  waitUntil,
} from '../support/server-process.js';

describe('crash: kill -9 during a burst of writes', () => {
  let dir: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  const received = new Map<string, number>();
  let receiver: Server;
  let receiverUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-crash-'));
    ({ databaseUrl, drop } = await scratchDatabase(dir, testDatabaseUrl, testDialect, 'crash'));
    receiver = createHttp((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const event = JSON.parse(body);
        received.set(event.aggregateId, (received.get(event.aggregateId) ?? 0) + 1);
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
  });

  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
    rmSync(dir, { recursive: true, force: true });
    await drop();
  });

  it('keeps every acknowledged write and still delivers its events after restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
      OUTBOX_POLL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '200',
      LOGIN_RATE_PER_MINUTE: '1000',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    };
    let server = (await startServerProcess(env)).child;

    const headers = await signIn(base, 'brand@oppo.demo');
    const hook = await fetch(`${base}/api/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: receiverUrl, eventTypes: ['identity.api_key_created'] }),
    });
    expect(hook.status).toBe(201);

    const acknowledged = new Map<string, string>();
    const sent: Array<Promise<void>> = [];
    let killed = false;
    for (let i = 0; i < 5000 && !killed; i++) {
      const key = `burst-${i}`;
      sent.push(
        fetch(`${base}/api/api-keys`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': key },
          body: JSON.stringify({ name: `key ${i}`, role: 'viewer' }),
        })
          .then(async (res) => {
            if (res.status === 201) acknowledged.set(key, ((await res.json()) as { id: string }).id);
          })
          .catch(() => undefined),
      );
      if (acknowledged.size >= 40 && !killed) {
        server.kill('SIGKILL');
        killed = true;
      }
      if (i % 8 === 7) await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.allSettled(sent);
    expect(killed).toBe(true);
    await exited(server);

    server = (await startServerProcess(env)).child;
    try {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const res = await fetch(`${base}/api/api-keys?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
          headers,
        });
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
        for (const k of page.items) ids.add(k.id);
        cursor = page.nextCursor;
      } while (cursor);
      for (const id of acknowledged.values()) expect(ids.has(id)).toBe(true);

      // A retry of an acknowledged request replays the stored answer: no second key.
      const [retryKey, retryId] = [...acknowledged][0];
      const retry = await fetch(`${base}/api/api-keys`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': retryKey },
        body: JSON.stringify({ name: retryKey.replace('burst-', 'key '), role: 'viewer' }),
      });
      expect(((await retry.json()) as { id: string }).id).toBe(retryId);

      // Every committed key's event reaches the receiver after the restart, none twice in the log.
      await waitUntil(async () => [...ids].every((id) => received.has(id)), 30_000);
      expect([...acknowledged.values()].every((id) => received.has(id))).toBe(true);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  }, 150_000);
});
