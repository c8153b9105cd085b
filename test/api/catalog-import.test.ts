import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ean, givenMember, givenOrg } from '../support/builders.js';
import { catalogCsv, phoneRow } from '../support/catalog-csv.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const upload = (client: TestClient, body: string, query = '') =>
  client.request('POST', `/api/catalog/import${query}`, body, { 'content-type': 'text/csv' });

async function skuCount(fw: TestFlywheel): Promise<number> {
  const r = await fw.rt.db
    .selectFrom('catalog_sku')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('catalog CSV import: all rows or none, every bad line named', () => {
  let fw: TestFlywheel;
  let brand: TestClient;
  beforeEach(async () => {
    fw = await startFlywheel();
    brand = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'staff');
  });
  afterEach(() => fw.cleanup());

  it('creates products and SKUs from a file, and re-importing its own export changes nothing', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => phoneRow(i));
    const res = await upload(brand, `\ufeff${catalogCsv(rows)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: false,
      rows: 10,
      products: { created: 2, updated: 0 },
      skus: { created: 10, updated: 0 },
    });
    const list = (await brand.get('/api/catalog/products')).json().items;
    expect(list.map((p: any) => [p.name, p.status]).sort()).toEqual([
      ['PH phone 0', 'active'],
      ['PH phone 1', 'active'],
    ]);

    const exported = (await brand.get('/api/catalog/export')).body;
    const again = await upload(brand, exported);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      products: { created: 0, updated: 0, unchanged: 2 },
      skus: { created: 0, updated: 0, unchanged: 10 },
    });
    const events = await fw.rt.db
      .selectFrom('platform_outbox')
      .select('type')
      .where('type', 'like', 'catalog.%')
      .execute();
    expect(events.filter((e) => e.type === 'catalog.product_created')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'catalog.import_completed')).toHaveLength(2);
  });

  it('writes a cell a spreadsheet would run as a formula behind a quote, and reads its own export back unchanged', async () => {
    // OWASP's CSV-injection advice: = + - @, a tab or a carriage return (and their full-width forms) start a formula.
    const rows = [
      phoneRow(0, { product_name: '=HYPERLINK("http://evil.test","click")', category: '@SUM(1)' }),
      phoneRow(1, { product_name: '=HYPERLINK("http://evil.test","click")', category: '@SUM(1)' }),
      phoneRow(5, { product_name: '+1 phone', product_line: '-2', option_1_value: '＝1' }),
    ];
    expect((await upload(brand, catalogCsv(rows))).statusCode).toBe(200);
    const exported = (await brand.get('/api/catalog/export')).body;
    const cells = exported.split(/[\r\n,]+/);
    for (const bare of ['=HYPERLINK', '@SUM(1)', '+1 phone', '-2', '＝1'])
      expect(
        cells.some((c) => c.replace(/^"/, '').startsWith(bare)),
        bare,
      ).toBe(false);
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(exported).toContain(`'@SUM(1)`);
    const again = await upload(brand, exported);
    expect(again.json()).toMatchObject({
      products: { created: 0, updated: 0, unchanged: 2 },
      skus: { created: 0, updated: 0, unchanged: 3 },
    });
    const names = (await brand.get('/api/catalog/products')).json().items.map((p: any) => p.name);
    expect(names.sort()).toEqual(['+1 phone', '=HYPERLINK("http://evil.test","click")']);
  });

  it('updates existing products by name and SKUs by code, and moves a GTIN between two SKUs', async () => {
    await upload(brand, catalogCsv([phoneRow(0), phoneRow(1)]));
    const res = await upload(
      brand,
      catalogCsv([
        phoneRow(0, { gtin: ean(1), category: 'smartphone', images: 'https://img.example.com/a.jpg' }),
        phoneRow(1, { gtin: ean(0), sku_status: 'discontinued', category: 'smartphone' }),
        phoneRow(2, { category: 'smartphone' }),
      ]),
    );
    expect(res.json()).toMatchObject({
      products: { created: 0, updated: 1 },
      skus: { created: 1, updated: 2 },
    });
    const product = (await brand.get('/api/catalog/products')).json().items[0];
    const full = (await brand.get(`/api/catalog/products/${product.id}`)).json();
    expect(full.category).toBe('smartphone');
    const byCode = Object.fromEntries(full.skus.map((s: any) => [s.code, s]));
    expect(byCode['PH-0']).toMatchObject({ gtin: ean(1), images: ['https://img.example.com/a.jpg'] });
    expect(byCode['PH-1']).toMatchObject({ gtin: ean(0), status: 'discontinued' });
  });

  it('rejects a file with three bad rows, names all three with their fields, and writes nothing', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => phoneRow(i));
    rows[3] = phoneRow(3, { gtin: '6930000000001' }); // wrong check digit
    rows[9] = phoneRow(9, { category: '' }); // missing a required field
    rows[14] = phoneRow(14, { sku_code: 'PH-2' }); // the code of line 4 again
    const before = await skuCount(fw);
    const res = await upload(brand, catalogCsv(rows));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('catalog.import_rejected');
    expect(problem.lineCount).toBe(3);
    expect(problem.errors.map((e: any) => [e.line, e.field])).toEqual([
      [5, 'gtin'],
      [11, 'category'],
      [16, 'sku_code'],
    ]);
    expect(problem.errors[2].message).toContain('line 4');
    expect(await skuCount(fw)).toBe(before);
    const events = await fw.rt.db
      .selectFrom('platform_outbox')
      .select('id')
      .where('type', 'like', 'catalog.%')
      .execute();
    expect(events).toEqual([]);
  });

  it('checks the file against the catalogue: SKUs cannot move products, options cannot change, GTINs of others are taken', async () => {
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'staff');
    await upload(other, catalogCsv([phoneRow(100, { product_name: 'Theirs', sku_code: 'T-1' })]));
    await upload(brand, catalogCsv([phoneRow(0), phoneRow(1), phoneRow(5)]));
    const res = await upload(
      brand,
      catalogCsv([
        phoneRow(0, { product_name: 'PH phone 1' }), // PH-0 belongs to PH phone 0
        phoneRow(1, { option_1_value: 'New colour' }), // options of an existing SKU
        phoneRow(6, { gtin: ean(100) }), // the other brand's GTIN
        phoneRow(7, { option_1_value: 'Colour 0' }), // same options as PH-5 of PH phone 1
        phoneRow(10, { product_status: 'active', sku_status: 'discontinued' }), // active with no active SKU
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => [e.line, e.field])).toEqual([
      [2, 'sku_code'],
      [3, 'option_1_value'],
      [4, 'gtin'],
      [5, 'option_1_value'],
      [6, 'product_status'],
    ]);
  });

  it('names header problems, unknown columns and broken CSV', async () => {
    const noCode = await upload(
      brand,
      catalogCsv([phoneRow(0)], ['product_name', 'category', 'product_line', 'colour']),
    );
    expect(noCode.statusCode).toBe(422);
    expect(noCode.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, field: 'colour' }),
        expect.objectContaining({ line: 1, field: 'sku_code' }),
      ]),
    );
    const broken = await upload(brand, 'product_name,category\n"unterminated,phone\n');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].field).toBe('file');
    const json = await brand.post('/api/catalog/import', { rows: [] });
    expect(json.statusCode).toBe(415);
  });

  it('a dry run says what would change and changes nothing', async () => {
    const res = await upload(brand, catalogCsv([phoneRow(0), phoneRow(1)]), '?dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, skus: { created: 2 } });
    expect(await skuCount(fw)).toBe(0);
  });

  it('imports 10,000 SKUs in one transaction: all of them, or with one bad row at the end none', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => phoneRow(i));
    const bad = [...rows.slice(0, 9_999), phoneRow(9_999, { gtin: '123' })];
    const rejected = await upload(brand, catalogCsv(bad));
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().errors).toEqual([expect.objectContaining({ line: 10_001, field: 'gtin' })]);
    expect(await skuCount(fw)).toBe(0);

    const res = await upload(brand, catalogCsv(rows));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ products: { created: 2_000 }, skus: { created: 10_000 } });
    expect(await skuCount(fw)).toBe(10_000);
  }, 120_000);

  it('imports only into the member’s own brand; viewers cannot import', async () => {
    const viewer = await givenMember(fw, await givenOrg(fw, 'brand'), 'viewer');
    expect((await upload(viewer, catalogCsv([phoneRow(0)]))).statusCode).toBe(403);
    await upload(brand, catalogCsv([phoneRow(0)]));
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'staff');
    expect((await other.get('/api/catalog/products')).json().items).toEqual([]);
  });
});
