import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('OpenAPI', () => {
  let fw: TestFlywheel;
  beforeAll(async () => {
    fw = await startFlywheel();
  });
  afterAll(() => fw.cleanup());

  it('serves an OpenAPI 3.1 document that passes the validator', async () => {
    const res = await fw.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route, with a summary, a success response and the problem shape', async () => {
    const doc = (await fw.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(fw.app.routeTable.length).toBeGreaterThan(20);
    for (const route of fw.app.routeTable) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url}`).toBeDefined();
      expect(op.summary, `${route.method} ${route.url} summary`).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        `${route.method} ${route.url} 2xx`,
      ).toBe(true);
      expect(op.responses['400'], `${route.method} ${route.url} problem`).toBeDefined();
    }
  });

  it('pages every list with limit and cursor, unless it says why it is given whole', async () => {
    const doc = (await fw.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const unpaged: string[] = [];
    let lists = 0;
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      const schema = ops.get?.responses?.['200']?.content?.['application/json']?.schema;
      if (schema?.properties?.items?.type !== 'array') continue;
      lists++;
      if (typeof schema['x-whole'] === 'string' && schema['x-whole'].length > 10) continue;
      const query = (ops.get.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
      if (!query.includes('limit') || !query.includes('cursor') || !schema.properties.nextCursor)
        unpaged.push(path);
    }
    expect(lists).toBeGreaterThan(25);
    expect(unpaged).toEqual([]);
  });

  it('describes every tag, and shows an example that the schema accepts for every JSON body', async () => {
    const doc = (await fw.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const described = new Map<string, string>(doc.tags.map((t: any) => [t.name, t.description]));
    const ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its function is the default export's default.
    (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
    const faults: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries<any>(ops)) {
        for (const tag of op.tags ?? [])
          if (!described.get(tag)) faults.push(`${method} ${path}: tag ${tag}`);
        const media = op.requestBody?.content?.['application/json'];
        if (!media?.schema) continue;
        const { schema, example } = media;
        if (example === undefined) faults.push(`${method} ${path}: no example`);
        else if (!ajv.validate(schema, example)) faults.push(`${method} ${path}: ${ajv.errorsText()}`);
      }
    expect(faults).toEqual([]);
  });

  it('serves the docs page under Flywheel’s name and mark', async () => {
    const res = await fw.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(res.body).toContain('<title>Flywheel API</title>');
    const css = await fw.app.inject({ method: 'GET', url: '/docs/static/theme/flywheel.css' });
    expect(css.body).toContain('#e4572e');
  });
});
