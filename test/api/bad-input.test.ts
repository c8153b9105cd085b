import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/platform/http/access.js';
import { givenMember, givenOrg, givenPlatform, givenShopper } from '../support/builders.js';
import { TestClient } from '../support/client.js';
import { exampleBody } from '../support/examples.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/** Row counts of every table: "nothing written" means these do not move. */
async function rowCounts(fw: TestFlywheel): Promise<Record<string, number>> {
  const tables = await fw.rt.db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const t of tables) {
    if (t.name.startsWith('platform_migration')) continue;
    const r = await (fw.rt.db as any)
      .selectFrom(t.name)
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    counts[t.name] = Number(r.n);
  }
  return counts;
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not-a-number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return 'not-an-array';
  return 'not-an-object';
}

describe('bad input on every route with a body: 4xx problem+json naming the field, nothing written', () => {
  let fw: TestFlywheel;
  let operator: TestClient;
  let shopper: TestClient;
  const owners = new Map<string, TestClient>();
  beforeAll(async () => {
    fw = await startFlywheel({ config: { loginRatePerMinute: 100_000 } });
    const platform = await givenPlatform(fw);
    operator = await givenMember(fw, platform.orgId, 'owner');
    shopper = await givenShopper(fw);
    for (const kind of ['brand', 'retailer', 'store', 'creator', 'provider'] as const)
      owners.set(kind, await givenMember(fw, await givenOrg(fw, kind), 'owner'));
  });

  /** Someone the route's access rule lets in, so that only the input can be wrong. */
  function clientFor(acc: Access): TestClient {
    if (acc.kind === 'public') return new TestClient(fw.app);
    if (acc.kind === 'shopper') return shopper;
    if (acc.kind !== 'member' || !acc.orgKinds || acc.orgKinds.includes('platform')) return operator;
    const client = owners.get(acc.orgKinds[0]);
    if (!client) throw new Error(`no owner persona for ${acc.orgKinds.join(', ')}`);
    return client;
  }
  afterAll(() => fw.cleanup());

  it('refuses missing fields, wrong types, huge strings and unknown fields', async () => {
    const failures: string[] = [];
    // Spreadsheet uploads have their own suite of bad files (catalog-import.test.ts).
    const routes = fw.app.routeTable.filter(
      (r) => r.body && r.contentType === 'application/json' && !r.url.includes(':id'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const client = clientFor(route.access);
      const valid = exampleBody(route.method, route.url) as Record<string, unknown>;
      const cases: Array<{ label: string; body: unknown; field: string }> = [];
      const required: string[] = (route.body as any).required ?? [];
      if (required.length) cases.push({ label: 'missing fields', body: {}, field: required[0] });
      for (const [field, value] of Object.entries(valid)) {
        cases.push({
          label: `wrong type of ${field}`,
          body: { ...valid, [field]: wrongTypeFor(value) },
          field,
        });
        if (typeof value === 'string')
          cases.push({ label: `huge ${field}`, body: { ...valid, [field]: 'x'.repeat(20_000) }, field });
      }
      cases.push({ label: 'unknown field', body: { ...valid, zz_unknown: 1 }, field: 'zz_unknown' });
      cases.push({ label: 'not JSON', body: '{"broken": ', field: 'body' });

      for (const c of cases) {
        const before = await rowCounts(fw);
        const res = await client.request(
          route.method,
          route.url,
          c.body,
          typeof c.body === 'string' ? { 'content-type': 'application/json' } : {},
        );
        const after = await rowCounts(fw);
        const where = `${route.method} ${route.url} ${c.label}`;
        if (res.statusCode < 400 || res.statusCode >= 500) {
          failures.push(`${where}: status ${res.statusCode}`);
          continue;
        }
        if (!String(res.headers['content-type']).startsWith('application/problem+json'))
          failures.push(`${where}: content-type ${res.headers['content-type']}`);
        const problem = res.json();
        const fields = (problem.errors ?? []).map((e: { field: string }) => e.field);
        if (!fields.includes(c.field))
          failures.push(`${where}: errors ${JSON.stringify(problem.errors)} do not name ${c.field}`);
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${where}: rows changed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses on every route, before anything walks the input: deep nesting, U+0000, lone surrogates', async () => {
    const failures: string[] = [];
    // As text: the test's own JSON.stringify of such an object would overflow first.
    const nested = `${'{"a":['.repeat(10_000)}1${']}'.repeat(10_000)}`;
    // A well-formed id of the kind the route's path takes (`chn_…` for a shop), naming nothing.
    const fakeId = (params: any, param: string) => {
      const prefix = /^\^([a-z]+)_/.exec(params?.properties?.[param]?.pattern ?? '')?.[1];
      return `${prefix ?? (param === 'id' ? 'org' : 'x')}_00000000000000000000000000`;
    };
    const bads = [
      { label: 'U+0000', value: 'a\u0000b' },
      { label: 'a lone surrogate', value: 'a\ud800b' },
    ];
    for (const route of fw.app.routeTable) {
      const client = clientFor(route.access);
      const url = route.url.replace(/:(\w+)/g, (_m, p: string) => fakeId(route.params, p));
      const cases: Array<{
        label: string;
        url: string;
        body?: unknown;
        field: string;
        headers?: Record<string, string>;
      }> = [];
      const write = route.method !== 'GET';
      // Routes with a body schema and those without alike: the fingerprint of an idempotent write walks it.
      if (write && route.contentType === 'application/json')
        cases.push({
          label: 'a body nested 10,000 deep',
          url,
          body: nested,
          field: 'body',
          headers: { 'idempotency-key': `deep-${route.url}`, 'content-type': 'application/json' },
        });
      if (write && route.body && route.contentType === 'application/json') {
        const example = exampleBody(route.method, route.url) as Record<string, unknown>;
        for (const [field, value] of Object.entries(example))
          if (typeof value === 'string')
            for (const b of bads)
              cases.push({
                label: `${b.label} in ${field}`,
                url,
                body: { ...example, [field]: b.value },
                field,
              });
      }
      if (write && route.contentType === 'text/csv')
        cases.push({
          label: 'U+0000 in the file',
          url,
          body: 'product_name\nphone\u0000\n',
          field: 'body',
          headers: { 'content-type': 'text/csv' },
        });
      for (const name of Object.keys((route.query as any)?.properties ?? {})) {
        if (name === 'cursor') {
          const forged = Buffer.from(JSON.stringify({ after: 'org_\u0000' })).toString('base64url');
          cases.push({
            label: 'U+0000 inside a decoded cursor',
            url: `${url}?cursor=${forged}`,
            field: 'cursor',
          });
          continue;
        }
        // A URL carries UTF-8, where no lone surrogate can be written: only U+0000 comes this way.
        cases.push({
          label: `U+0000 in ?${name}`,
          url: `${url}?${name}=a%00b`,
          field: `querystring.${name}`,
        });
      }
      for (const c of cases) {
        const before = await rowCounts(fw);
        const res = await client.request(route.method, c.url, c.body, c.headers ?? {});
        const after = await rowCounts(fw);
        const where = `${route.method} ${route.url} ${c.label}`;
        // A made-up id may be not found before its list's cursor is read; a provider's notice is
        // refused for its signature before its body is looked at.
        const allowed = [400];
        if (c.field === 'cursor' && route.url.includes(':')) allowed.push(404);
        if (route.url.startsWith('/api/payments/notify/')) allowed.push(401);
        if (!allowed.includes(res.statusCode)) {
          failures.push(`${where}: status ${res.statusCode}`);
          continue;
        }
        if (res.statusCode !== 400) continue;
        const fields = (res.json().errors ?? []).map((e: { field: string }) => e.field);
        if (!fields.some((f: string) => f === c.field || f.startsWith(`${c.field}.`)))
          failures.push(`${where}: errors ${JSON.stringify(res.json().errors)} do not name ${c.field}`);
        if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${where}: rows changed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses an id in a body that names nothing the caller may use, on every route, and writes nothing', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const route of fw.app.routeTable.filter(
      (r) => r.body && r.contentType === 'application/json' && !r.url.includes(':id'),
    )) {
      const client = clientFor(route.access);
      const example = exampleBody(route.method, route.url) as Record<string, unknown>;
      for (const [field, value] of Object.entries(example)) {
        if (!/Id$/.test(field) || typeof value !== 'string' || !/^[a-z]+_[0-9a-z]{26}$/.test(value)) continue;
        // Well-formed, of the right kind, and nobody's.
        const nobody = value.replace(/_[0-9a-z]{26}$/, '_0000000000000000000000zzzz');
        const before = await rowCounts(fw);
        const res = await client.request(route.method, route.url, { ...example, [field]: nobody });
        tried++;
        const where = `${route.method} ${route.url} ${field}`;
        if (res.statusCode < 400 || res.statusCode >= 500)
          failures.push(`${where}: status ${res.statusCode}`);
        if (JSON.stringify(before) !== JSON.stringify(await rowCounts(fw)))
          failures.push(`${where}: rows changed`);
      }
    }
    expect(tried).toBeGreaterThanOrEqual(8);
    expect(failures).toEqual([]);
  });

  it('answers a body over the size limit with 413 problem+json', async () => {
    const res = await operator.post('/api/orgs', {
      kind: 'brand',
      name: 'x',
      attributes: { big: 'y'.repeat(1_100_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('names a bad query parameter and a bad path id', async () => {
    const q = await operator.get('/api/orgs?limit=5000&kind=planet');
    expect(q.statusCode).toBe(400);
    expect(
      q
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['querystring.kind', 'querystring.limit']);
    const p = await operator.get('/api/orgs/not-an-id');
    expect(p.statusCode).toBe(400);
    expect(p.json().errors[0].field).toBe('params.id');
    const c = await operator.get('/api/orgs?cursor=garbage');
    expect(c.statusCode).toBe(400);
    expect(c.json().errors[0].field).toBe('cursor');
  });
});
