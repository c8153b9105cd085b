import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/modules/webhooks/index.js';
import { givenMember, givenOrg } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

type Received = { headers: IncomingMessage['headers']; body: string };

/** A real HTTP receiver on loopback that answers with the scripted status codes in turn. */
async function receiver(
  script: number[],
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  let i = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script[Math.min(i++, script.length - 1)];
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function waitFor<T>(
  check: () => Promise<T | false | undefined> | T | false | undefined,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('webhooks: signed deliveries with retries and dedupe, to a real receiver', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel({
      start: true,
      config: { webhookRetryBaseMs: 50, outboxPollMs: 20, webhookMaxAttempts: 4 },
    });
  });
  afterEach(() => fw.cleanup());

  it('signs each delivery, retries after failures, and delivers an event once per endpoint', async () => {
    const hook = await receiver([500, 503, 200]);
    try {
      const org = await givenOrg(fw, 'brand');
      const admin = await givenMember(fw, org, 'admin');
      const created = await admin.post('/api/webhooks', { url: hook.url, eventTypes: ['identity.*'] });
      expect(created.statusCode).toBe(201);
      const { id, secret } = created.json();

      const key = await admin.post('/api/api-keys', { name: 'ERP', role: 'viewer' });
      expect(key.statusCode).toBe(201);
      const delivered = await waitFor(() => hook.received.length >= 3 && hook.received);
      const events = delivered.map((r) => JSON.parse(r.body));
      expect(
        events.every((e) => e.type === 'identity.api_key_created' && e.aggregateId === key.json().id),
      ).toBe(true);
      for (const r of delivered) {
        expect(
          verifySignature(
            secret,
            r.body,
            String(r.headers['flywheel-signature']),
            Math.floor(Date.now() / 1000),
          ),
        ).toBe(true);
        expect(
          verifySignature(
            'whsec_other',
            r.body,
            String(r.headers['flywheel-signature']),
            Math.floor(Date.now() / 1000),
          ),
        ).toBe(false);
      }
      expect(new Set(delivered.map((r) => r.headers['flywheel-event-id'])).size).toBe(1);

      const log = await waitFor(async () => {
        const res = await admin.get(`/api/webhooks/${id}/deliveries`);
        const d = res.json().items[0];
        return d?.status === 'delivered' && d;
      });
      expect(log.attempts).toBe(3);
      const detail = (await admin.get(`/api/webhook-deliveries/${log.id}`)).json();
      expect(detail.attemptLog.map((a: any) => a.statusCode)).toEqual([500, 503, 200]);

      // The relay delivering the same event again (at-least-once) creates no second delivery.
      await fw.rt.db.updateTable('platform_outbox').set({ published_at: null }).execute();
      await fw.relay.drain();
      const again = await admin.get(`/api/webhooks/${id}/deliveries`);
      expect(again.json().items).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(hook.received).toHaveLength(3);
    } finally {
      await hook.close();
    }
  });

  it('gives up after the last attempt and re-sends on request from the console', async () => {
    const hook = await receiver([500, 500, 500, 500, 204]);
    try {
      const admin = await givenMember(fw, await givenOrg(fw, 'creator'), 'owner');
      const { id } = (await admin.post('/api/webhooks', { url: hook.url, eventTypes: ['*'] })).json();
      const ping = await admin.post(`/api/webhooks/${id}/ping`);
      expect(ping.statusCode).toBe(201);
      const failed = await waitFor(async () => {
        const d = (await admin.get(`/api/webhook-deliveries/${ping.json().id}`)).json();
        return d.status === 'failed' && d;
      });
      expect(failed.attempts).toBe(4);
      expect(hook.received).toHaveLength(4);
      const resent = await admin.post(`/api/webhook-deliveries/${failed.id}/resend`);
      expect(resent.statusCode).toBe(200);
      await waitFor(
        async () => (await admin.get(`/api/webhook-deliveries/${failed.id}`)).json().status === 'delivered',
      );
      expect(hook.received).toHaveLength(5);
    } finally {
      await hook.close();
    }
  });

  it('delivers the events of one aggregate in order, holding later ones while an earlier one retries', async () => {
    const hook = await receiver([500, 200, 200, 200]);
    try {
      const org = await givenOrg(fw, 'brand');
      const admin = await givenMember(fw, org, 'admin');
      await admin.post('/api/webhooks', { url: hook.url, eventTypes: ['identity.org_updated'] });
      for (const name of ['One', 'Two', 'Three'])
        expect((await admin.patch(`/api/orgs/${org}`, { name })).statusCode).toBe(200);
      await waitFor(() => hook.received.length >= 4);
      const seqs = hook.received.map((r) => JSON.parse(r.body).seq as number);
      // The first event failed once and was retried before the second went out.
      expect(seqs[0]).toBe(seqs[1]);
      expect(seqs.slice(1)).toEqual([...seqs.slice(1)].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(3);
    } finally {
      await hook.close();
    }
  });

  it('delivers events to after-commit hooks once each, in commit order', async () => {
    const org = await givenOrg(fw, 'brand');
    const admin = await givenMember(fw, org, 'admin');
    const seen: number[] = [];
    fw.rt.hooks.afterCommit('identity.org_updated', 'test.seen', async (_ctx, e) => {
      seen.push(e.seq);
    });
    for (let i = 0; i < 10; i++) await admin.patch(`/api/orgs/${org}`, { name: `Name ${i}` });
    await fw.relay.drain();
    expect(seen).toHaveLength(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('sends an organisation only its own events', async () => {
    const hook = await receiver([200]);
    try {
      const a = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
      const b = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
      await a.post('/api/webhooks', { url: hook.url, eventTypes: ['*'] });
      await b.post('/api/api-keys', { name: 'b-key', role: 'viewer' });
      const mine = await a.post('/api/api-keys', { name: 'a-key', role: 'viewer' });
      await waitFor(() => hook.received.length >= 1);
      await fw.relay.drain();
      await new Promise((r) => setTimeout(r, 200));
      const ids = hook.received.map((r) => JSON.parse(r.body).aggregateId);
      expect(ids).toEqual([mine.json().id]);
    } finally {
      await hook.close();
    }
  });
});

describe('webhooks never reach private networks unless allowed (SSRF)', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel({
      start: true,
      config: { webhookAllowPrivate: false, webhookMaxAttempts: 1, outboxPollMs: 20 },
    });
  });
  afterEach(() => fw.cleanup());

  it('refuses loopback, private and local targets at registration', async () => {
    const admin = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://[::1]/x',
      'http://10.0.0.5/x',
      'http://169.254.169.254/latest',
      'http://db.internal/x',
    ]) {
      const res = await admin.post('/api/webhooks', { url, eventTypes: ['*'] });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors).toEqual([
        { field: 'url', message: 'is a loopback, private or local address' },
      ]);
    }
    expect(await fw.rt.db.selectFrom('webhooks_endpoint').select('id').execute()).toHaveLength(0);
  });

  it('refuses at send time a host name that resolves to a private address', async () => {
    const hook = await receiver([200]);
    try {
      const org = await givenOrg(fw, 'brand');
      const admin = await givenMember(fw, org, 'admin');
      // As if the name had resolved publicly when registered and was rebound since.
      const port = new URL(hook.url).port;
      const now = new Date().toISOString();
      await fw.rt.db
        .insertInto('webhooks_endpoint')
        .values({
          id: 'whk_01jx0000000000000000000000',
          org_id: org,
          url: `http://localhost:${port}/hook`,
          description: null,
          secret: 'whsec_x',
          event_types: '["*"]',
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const ping = (await admin.post('/api/webhooks/whk_01jx0000000000000000000000/ping')).json();
      const failed = await waitFor(async () => {
        const d = (await admin.get(`/api/webhook-deliveries/${ping.id}`)).json();
        return d.status === 'failed' && d;
      });
      expect(failed.lastError).toMatch(/resolves to 127\.0\.0\.1, which is not allowed/);
      expect(failed.attemptLog[0].error).toBeTruthy();
      expect(hook.received).toHaveLength(0);
    } finally {
      await hook.close();
    }
  });
});
