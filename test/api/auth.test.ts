import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg, givenShopper, password } from '../support/builders.js';
import { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('identity: sessions, CSRF, lockout, API keys', () => {
  let fw: TestFlywheel;
  const clock = new ManualClock('2026-11-25T08:00:00Z');
  beforeEach(async () => {
    clock.set('2026-11-25T08:00:00Z');
    fw = await startFlywheel({
      clock,
      config: { loginMaxFailures: 3, loginLockMinutes: 15, sessionTtlHours: 2 },
    });
  });
  afterEach(() => fw.cleanup());

  it('signs in with an HTTP-only cookie, answers /me, and signs out', async () => {
    const brand = await givenOrg(fw, 'brand', { name: 'OPPO' });
    const user = await givenMember(fw, brand, 'admin');
    const me = await user.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      type: 'member',
      role: 'admin',
      org: { id: brand, kind: 'brand', name: 'OPPO' },
      user: { email: user.email },
    });

    const raw = await fw.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password },
    });
    const cookie = raw.headers['set-cookie'] as string[];
    expect(cookie.find((c) => c.startsWith('fw_session='))).toMatch(/HttpOnly/);
    expect(cookie.find((c) => c.startsWith('fw_csrf='))).not.toMatch(/HttpOnly/);
    // A sign-in is never replayed from a stored response: that response would hold a live token.
    const sessionOf = async () => {
      const r = await fw.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'idempotency-key': 'same-key' },
        payload: { email: user.email, password },
      });
      return (r.headers['set-cookie'] as string[]).find((c) => c.startsWith('fw_session='))!.split(';')[0];
    };
    const [a, b] = [await sessionOf(), await sessionOf()];
    expect(a).not.toBe(b);
    const stored = await fw.rt.db.selectFrom('platform_idempotency').select('response').execute();
    expect(
      stored.filter((r) => r.response.includes(a.split('=')[1]) || r.response.includes(b.split('=')[1])),
    ).toEqual([]);

    expect((await user.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const user = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const csrf = user.csrf;
    user.csrf = null;
    const res = await user.post('/api/api-keys', { name: 'k', role: 'viewer' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf_failed');
    user.csrf = 'wrong';
    expect((await user.post('/api/api-keys', { name: 'k', role: 'viewer' })).statusCode).toBe(403);
    user.csrf = csrf;
    expect((await user.post('/api/api-keys', { name: 'k', role: 'viewer' })).statusCode).toBe(201);
  });

  it('expires sessions after their time to live', async () => {
    const user = await givenMember(fw, await givenOrg(fw, 'creator'));
    clock.advance(2 * 3_600_000 - 1000);
    expect((await user.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(2000);
    expect((await user.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
    const user = await givenMember(fw, await givenOrg(fw, 'brand'));
    const anon = new TestClient(fw.app);
    for (let i = 0; i < 2; i++) {
      const res = await anon.post('/api/auth/login', { email: user.email, password: 'wrong-password' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(
      (await anon.post('/api/auth/login', { email: user.email, password: 'wrong-password' })).json().code,
    ).toBe('identity.account_locked');
    const locked = await anon.post('/api/auth/login', { email: user.email, password });
    expect(locked.statusCode).toBe(423);
    clock.advance(15 * 60_000 + 1000);
    expect((await anon.post('/api/auth/login', { email: user.email, password })).statusCode).toBe(200);
  });

  it('answers an unknown email like a wrong password', async () => {
    const res = await new TestClient(fw.app).post('/api/auth/login', {
      email: 'nobody@test.dev',
      password: 'whatever1',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('identity.invalid_credentials');
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await startFlywheel({ config: { loginRatePerMinute: 3 } });
    try {
      const anon = new TestClient(limited.app);
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (await anon.post('/api/auth/login', { email: 'x@test.dev', password: 'whatever1' })).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      // A forged X-Forwarded-For does not buy a fresh allowance when no proxy is trusted.
      const forged = await anon.post(
        '/api/auth/login',
        { email: 'x@test.dev', password: 'whatever1' },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(forged.statusCode).toBe(429);
    } finally {
      await limited.cleanup();
    }
  });

  it('authenticates integrations with hashed API keys, scoped to their role, until revoked', async () => {
    const org = await givenOrg(fw, 'brand');
    const admin = await givenMember(fw, org, 'admin');
    const created = await admin.post('/api/api-keys', { name: 'ERP', role: 'viewer' });
    expect(created.statusCode).toBe(201);
    const { secret, id, prefix } = created.json();
    expect(secret.startsWith(prefix)).toBe(true);
    const stored = await fw.rt.db
      .selectFrom('identity_api_key')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret);

    const erp = new TestClient(fw.app);
    erp.bearer = secret;
    expect((await erp.get(`/api/orgs/${org}`)).statusCode).toBe(200);
    // a viewer key cannot write, and needs no CSRF header where it may
    expect((await erp.post('/api/api-keys', { name: 'x', role: 'viewer' })).statusCode).toBe(403);
    const list = await admin.get('/api/api-keys');
    expect(list.json().items.map((k: any) => k.id)).toContain(id);
    expect(list.json().items[0]).not.toHaveProperty('secret');

    expect((await admin.delete(`/api/api-keys/${id}`)).statusCode).toBe(200);
    expect((await erp.get(`/api/orgs/${org}`)).statusCode).toBe(401);
    erp.bearer = 'fwk_forged_key';
    expect((await erp.get(`/api/orgs/${org}`)).statusCode).toBe(401);
  });

  it('refuses granting a role above your own', async () => {
    const org = await givenOrg(fw, 'brand');
    const admin = await givenMember(fw, org, 'admin');
    const res = await admin.post('/api/api-keys', { name: 'k', role: 'owner' });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors).toEqual([{ field: 'role', message: 'higher than your own role' }]);
    expect(
      (
        await admin.post('/api/members', {
          email: 'boss@test.dev',
          name: 'Boss',
          password: 'longenough1',
          role: 'owner',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps shoppers and members apart', async () => {
    const shopper = await givenShopper(fw);
    expect((await shopper.get('/api/auth/me')).json()).toMatchObject({
      type: 'shopper',
      shopper: { email: shopper.email },
    });
    expect((await shopper.get('/api/orgs')).statusCode).toBe(403);
    const reg = await new TestClient(fw.app).post('/api/shop/auth/register', {
      email: shopper.email,
      password: 'another-pass',
      name: 'Again',
    });
    expect(reg.statusCode).toBe(409);
    expect(reg.json().errors[0].field).toBe('email');
  });

  it('switches a member between their organisations and never into another', async () => {
    const a = await givenOrg(fw, 'brand');
    const b = await givenOrg(fw, 'brand');
    const other = await givenOrg(fw, 'brand');
    const user = await givenMember(fw, a, 'owner');
    await fw.rt.db
      .insertInto('identity_membership')
      .values({
        id: 'mem_01jx0000000000000000000000',
        org_id: b,
        user_id: user.userId,
        role: 'viewer',
        created_at: clock.now().toISOString(),
      })
      .execute();
    expect((await user.post('/api/auth/switch-org', { orgId: b })).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json()).toMatchObject({ org: { id: b }, role: 'viewer' });
    expect((await user.post('/api/auth/switch-org', { orgId: other })).statusCode).toBe(404);
  });

  it('ends a member session when the membership goes, the organisation is suspended or the user disabled', async () => {
    const org = await givenOrg(fw, 'brand');
    const owner = await givenMember(fw, org, 'owner');
    const removed = await givenMember(fw, org, 'staff');
    const member = (await owner.get('/api/members?limit=200'))
      .json()
      .items.find((m: any) => m.email === removed.email);
    expect((await owner.delete(`/api/members/${member.id}`)).statusCode).toBe(200);
    expect((await removed.get('/api/auth/me')).statusCode).toBe(401);

    const disabled = await givenMember(fw, org, 'viewer');
    await fw.rt.db
      .updateTable('identity_user')
      .set({ disabled: 1 })
      .where('email', '=', disabled.email)
      .execute();
    expect((await disabled.get('/api/auth/me')).statusCode).toBe(401);

    const platform = await fw.rt.db
      .selectFrom('identity_org')
      .select('id')
      .where('kind', '=', 'platform')
      .executeTakeFirstOrThrow();
    const operator = await givenMember(fw, platform.id, 'admin');
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);
    expect((await operator.patch(`/api/orgs/${org}`, { status: 'suspended' })).statusCode).toBe(200);
    expect((await owner.get('/api/auth/me')).statusCode).toBe(401);
    expect((await operator.patch(`/api/orgs/${org}`, { status: 'active' })).statusCode).toBe(200);
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('changes a password after checking the current one, and ends the other sessions', async () => {
    const org = await givenOrg(fw, 'brand');
    const here = await givenMember(fw, org, 'staff');
    const elsewhere = await new TestClient(fw.app).login(here.email, password);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'brand-new-pass',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const same = await here.post('/api/auth/password', { currentPassword: password, newPassword: password });
    expect(same.json().errors[0].field).toBe('newPassword');

    const changed = await here.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'brand-new-pass',
    });
    expect(changed.json()).toEqual({ ok: true, sessionsEnded: 1 });
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await new TestClient(fw.app).post('/api/auth/login', { email: here.email, password })).statusCode,
    ).toBe(401);
    await new TestClient(fw.app).login(here.email, 'brand-new-pass');
  });

  it('lets one of two concurrent password changes win, never both', async () => {
    const org = await givenOrg(fw, 'brand');
    const one = await givenMember(fw, org, 'staff');
    const other = await new TestClient(fw.app).login(one.email, password);
    // Both are checked against the same current password before either transaction runs.
    const [a, b] = await Promise.all([
      one.post('/api/auth/password', { currentPassword: password, newPassword: 'first-new-pass' }),
      other.post('/api/auth/password', { currentPassword: password, newPassword: 'second-new-pass' }),
    ]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.statusCode).toBe(200);
    expect([401, 409]).toContain(lost.statusCode);
    await new TestClient(fw.app).login(one.email, won === a ? 'first-new-pass' : 'second-new-pass');
  });
});
