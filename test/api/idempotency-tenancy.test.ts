import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenMember, givenOrg } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('Idempotency-Key on creating POSTs', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel();
  });
  afterEach(() => fw.cleanup());

  const countKeys = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('identity_api_key')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countEvents = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('platform_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('type', '=', 'identity.api_key_created')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('gives the same response and one effect for the same key and body; 422 for another body', async () => {
    const admin = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const key = { 'idempotency-key': 'create-erp-key-1' };
    const first = await admin.post('/api/api-keys', { name: 'ERP', role: 'viewer' }, key);
    const second = await admin.post('/api/api-keys', { name: 'ERP', role: 'viewer' }, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await countKeys()).toBe(1);
    expect(await countEvents()).toBe(1);

    const other = await admin.post('/api/api-keys', { name: 'CRM', role: 'viewer' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency.key_reused');
    expect(await countKeys()).toBe(1);
  });

  it('has one effect when the same request races itself', async () => {
    const admin = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const key = { 'idempotency-key': 'race-1' };
    const results = await Promise.all(
      Array.from({ length: 16 }, () =>
        admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/x', eventTypes: ['*'] }, key),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(new Set(ok.map((r) => r.json().id)).size).toBe(1);
    const rows = await fw.rt.db.selectFrom('webhooks_endpoint').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps keys per principal: another user may use the same key', async () => {
    const org = await givenOrg(fw, 'brand');
    const a = await givenMember(fw, org, 'admin');
    const b = await givenMember(fw, org, 'admin');
    const key = { 'idempotency-key': 'same-key' };
    const ra = await a.post('/api/api-keys', { name: 'A', role: 'viewer' }, key);
    const rb = await b.post('/api/api-keys', { name: 'A', role: 'viewer' }, key);
    expect(ra.json().id).not.toBe(rb.json().id);
    expect(await countKeys()).toBe(2);
  });
});

describe('tenant isolation (DESIGN §6.6)', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel();
  });
  afterEach(() => fw.cleanup());

  it('a brand can neither read nor change another brand, and its attempts change nothing', async () => {
    const oppo = await givenOrg(fw, 'brand', { name: 'OPPO' });
    const heilan = await givenOrg(fw, 'brand', { name: 'Heilan Home' });
    const a = await givenMember(fw, oppo, 'owner');
    const b = await givenMember(fw, heilan, 'owner');
    const hook = (await b.post('/api/webhooks', { url: 'http://127.0.0.1:9/b', eventTypes: ['*'] })).json();
    const key = (await b.post('/api/api-keys', { name: 'B', role: 'viewer' })).json();
    const bMember = (await b.get('/api/members')).json().items[0];

    const orgs = (await a.get('/api/orgs')).json().items.map((o: any) => o.id);
    expect(orgs).toEqual([oppo]);
    for (const [method, url, body] of [
      ['GET', `/api/orgs/${heilan}`],
      ['PATCH', `/api/orgs/${heilan}`, { name: 'Hijacked' }],
      ['GET', `/api/members?orgId=${heilan}`],
      ['PATCH', `/api/members/${bMember.id}`, { role: 'viewer' }],
      ['DELETE', `/api/members/${bMember.id}`],
      ['GET', `/api/api-keys?orgId=${heilan}`],
      ['DELETE', `/api/api-keys/${key.id}`],
      ['GET', `/api/webhooks/${hook.id}`],
      ['PATCH', `/api/webhooks/${hook.id}`, { url: 'http://evil.example/steal' }],
      ['DELETE', `/api/webhooks/${hook.id}`],
      ['GET', `/api/webhooks/${hook.id}/deliveries`],
      ['POST', `/api/webhooks/${hook.id}/ping`],
      [
        'POST',
        '/api/members',
        { orgId: heilan, email: 'spy@test.dev', name: 'Spy', password: 'long-enough-1', role: 'owner' },
      ],
    ] as Array<[string, string, unknown?]>) {
      const res = await a.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await b.get(`/api/orgs/${heilan}`)).json().name).toBe('Heilan Home');
    expect((await b.get(`/api/webhooks/${hook.id}`)).json().url).toBe('http://127.0.0.1:9/b');
    expect((await b.get('/api/api-keys')).json().items[0].revokedAt).toBeNull();
    expect((await b.get('/api/members')).json().items).toHaveLength(1);
  });

  it('lets a retailer see its stores, and a store only itself', async () => {
    const retailer = await givenOrg(fw, 'retailer');
    const store1 = await givenOrg(fw, 'store', { parentId: retailer });
    const store2 = await givenOrg(fw, 'store', { parentId: retailer });
    const hq = await givenMember(fw, retailer, 'admin');
    const shop = await givenMember(fw, store1, 'staff');
    expect(
      (await hq.get('/api/orgs'))
        .json()
        .items.map((o: any) => o.id)
        .sort(),
    ).toEqual([retailer, store1, store2].sort());
    expect((await shop.get('/api/orgs')).json().items.map((o: any) => o.id)).toEqual([store1]);
    expect((await shop.get(`/api/orgs/${store2}`)).statusCode).toBe(404);
    const opened = await hq.post('/api/orgs', {
      kind: 'store',
      name: 'New store',
      parentId: retailer,
      province: '北京',
      lat: 39.9,
      lng: 116.4,
      floorAreaM2: 120,
    });
    expect(opened.statusCode).toBe(201);
    const other = await givenOrg(fw, 'retailer');
    expect(
      (await hq.post('/api/orgs', { kind: 'store', name: 'Not mine', parentId: other })).statusCode,
    ).toBe(403);
  });

  it('records every write in the audit log with actor, organisation, action, object and request id', async () => {
    const org = await givenOrg(fw, 'brand');
    const admin = await givenMember(fw, org, 'admin');
    const created = await admin.post('/api/api-keys', { name: 'Audit me', role: 'viewer' });
    const log = (await admin.get('/api/audit-log?action=identity.api_key')).json().items;
    expect(log[0]).toMatchObject({
      orgId: org,
      actorId: admin.userId,
      actorName: admin.email,
      action: 'identity.api_key.create',
      objectId: created.json().id,
      requestId: created.headers['x-request-id'],
    });
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    expect((await other.get('/api/audit-log')).json().items.every((e: any) => e.orgId !== org)).toBe(true);
  });
});
