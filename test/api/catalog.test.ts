import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenMember, givenOrg, givenPlatform } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const findX3 = {
  name: 'OPPO Find X3 Pro',
  nameEn: 'OPPO Find X3 Pro',
  category: 'phone',
  productLine: 'Find X',
  optionNames: ['colour', 'storage'],
  flagship: true,
  images: ['https://img.example.com/find-x3-pro.jpg'],
  skus: [
    { code: 'FX3P-BLK-256', gtin: '6932169315210', options: { colour: 'Gloss Black', storage: '256GB' } },
    { code: 'FX3P-BLU-256', gtin: '6932169315227', options: { colour: 'Blue', storage: '256GB' } },
  ],
};

describe('catalog: products, SKUs, GTINs and lifecycle', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel();
  });
  afterEach(() => fw.cleanup());

  it('creates a draft with its SKUs, activates it, discontinues and relaunches it', async () => {
    const oppo = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'staff');
    const created = await oppo.post('/api/catalog/products', findX3);
    expect(created.statusCode).toBe(201);
    const product = created.json();
    expect(product).toMatchObject({
      status: 'draft',
      flagship: true,
      productLine: 'Find X',
      optionNames: ['colour', 'storage'],
    });
    expect(product.skus.map((s: any) => s.code)).toEqual(['FX3P-BLK-256', 'FX3P-BLU-256']);

    const status = (to: string) => oppo.post(`/api/catalog/products/${product.id}/status`, { status: to });
    expect((await status('active')).json().status).toBe('active');
    expect((await status('draft')).json().code).toBe('catalog.illegal_transition');
    expect((await status('discontinued')).statusCode).toBe(200);
    expect((await status('active')).statusCode).toBe(200);
    const events = await fw.rt.db
      .selectFrom('platform_outbox')
      .select('type')
      .where('aggregate_id', '=', product.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'catalog.product_created',
      'catalog.sku_created',
      'catalog.sku_created',
      'catalog.product_activated',
      'catalog.product_discontinued',
      'catalog.product_activated',
    ]);
  });

  it('refuses to put on sale a product without an active SKU', async () => {
    const brand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const empty = (
      await brand.post('/api/catalog/products', { name: 'Reno 6', category: 'phone', productLine: 'Reno' })
    ).json();
    const res = await brand.post(`/api/catalog/products/${empty.id}/status`, { status: 'active' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('catalog.no_active_sku');
    const sku = await brand.post(`/api/catalog/products/${empty.id}/skus`, { code: 'RENO6-1' });
    expect(sku.statusCode).toBe(201);
    expect(
      (await brand.post(`/api/catalog/products/${empty.id}/status`, { status: 'active' })).statusCode,
    ).toBe(200);
  });

  it('checks GTIN check digits, option axes and duplicates, naming the field and writing nothing', async () => {
    const brand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const count = async () => (await fw.rt.db.selectFrom('catalog_product').select('id').execute()).length;
    const badGtin = await brand.post('/api/catalog/products', {
      ...findX3,
      skus: [{ ...findX3.skus[0], gtin: '6932169315211' }],
    });
    expect(badGtin.statusCode).toBe(400);
    expect(badGtin.json().errors).toEqual([{ field: 'skus.0.gtin', message: 'has a wrong check digit' }]);
    const badOptions = await brand.post('/api/catalog/products', {
      ...findX3,
      skus: [{ code: 'X', options: { colour: 'Black' } }],
    });
    expect(badOptions.json().errors[0].field).toBe('skus.0.options');
    const sameOptions = await brand.post('/api/catalog/products', {
      ...findX3,
      skus: [findX3.skus[0], { ...findX3.skus[0], code: 'OTHER', gtin: undefined }],
    });
    expect(sameOptions.json().code).toBe('catalog.duplicate_options');
    expect(await count()).toBe(0);

    expect((await brand.post('/api/catalog/products', findX3)).statusCode).toBe(201);
    const dupCode = await brand.post('/api/catalog/products', {
      ...findX3,
      skus: [{ ...findX3.skus[0], gtin: undefined }],
    });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().errors[0]).toEqual({
      field: 'skus.0.code',
      message: 'is already used by another SKU of the brand',
    });
    // A GTIN names one trade item worldwide: another brand cannot reuse it either.
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const dupGtin = await other.post('/api/catalog/products', findX3);
    expect(dupGtin.json().code).toBe('catalog.duplicate_gtin');
    expect(await count()).toBe(1);
  });

  it('searches by name, SKU code and GTIN, filters by status and line, and keeps brands apart', async () => {
    const oppoOrg = await givenOrg(fw, 'brand', { name: 'OPPO' });
    const oppo = await givenMember(fw, oppoOrg, 'staff');
    const heilan = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'Heilan' }), 'staff');
    const fx = (await oppo.post('/api/catalog/products', findX3)).json();
    await oppo.post('/api/catalog/products', {
      name: 'OPPO Watch 2',
      category: 'watch',
      productLine: 'Watch',
      skus: [{ code: 'W2-42' }],
    });
    const shirt = (
      await heilan.post('/api/catalog/products', {
        name: '海澜之家 男士衬衫',
        category: 'shirt',
        productLine: 'Shirts',
        optionNames: ['size'],
        skus: [{ code: 'HL-S-M', options: { size: 'M' } }],
      })
    ).json();

    const names = async (client: typeof oppo, query: string) =>
      (await client.get(`/api/catalog/products?${query}`)).json().items.map((p: any) => p.name);
    expect(await names(oppo, 'q=Find')).toEqual(['OPPO Find X3 Pro']);
    expect(await names(oppo, 'q=W2-42')).toEqual(['OPPO Watch 2']);
    expect(await names(oppo, 'q=6932169315227')).toEqual(['OPPO Find X3 Pro']);
    expect(await names(oppo, 'productLine=Watch')).toEqual(['OPPO Watch 2']);
    expect(await names(oppo, 'status=active')).toEqual([]);
    expect(await names(oppo, 'q=%25')).toEqual([]);
    expect(await names(oppo, 'q=衬衫')).toEqual([]);
    expect((await oppo.get(`/api/catalog/products/${shirt.id}`)).statusCode).toBe(404);
    expect(
      (await heilan.patch(`/api/catalog/skus/${fx.skus[0].id}`, { status: 'discontinued' })).statusCode,
    ).toBe(404);

    const platform = await givenPlatform(fw);
    const operator = await givenMember(fw, platform.orgId, 'viewer');
    expect((await operator.get('/api/catalog/products')).json().items).toHaveLength(3);
    expect((await operator.get(`/api/catalog/products?brandId=${oppoOrg}`)).json().items).toHaveLength(2);
    expect((await operator.post('/api/catalog/products', findX3)).statusCode).toBe(403);
  });

  it('lets exactly one of two racing activations through', async () => {
    const brand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const p = (await brand.post('/api/catalog/products', findX3)).json();
    const results = await Promise.all([
      brand.post(`/api/catalog/products/${p.id}/status`, { status: 'active' }),
      brand.post(`/api/catalog/products/${p.id}/status`, { status: 'active' }),
    ]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(1);
  });

  it('exports the brand’s catalogue as a spreadsheet, one row per SKU, and only its own', async () => {
    const oppo = await givenMember(fw, await givenOrg(fw, 'brand'), 'viewer');
    const writer = await givenMember(
      fw,
      (
        await fw.rt.db
          .selectFrom('identity_membership')
          .select('org_id')
          .where('user_id', '=', oppo.userId)
          .executeTakeFirstOrThrow()
      ).org_id,
      'staff',
    );
    await writer.post('/api/catalog/products', findX3);
    const other = await givenMember(fw, await givenOrg(fw, 'brand'), 'staff');
    await other.post('/api/catalog/products', {
      name: '海澜之家 衬衫, 白色',
      category: 'shirt',
      productLine: 'Shirts',
      skus: [{ code: 'HL-1' }],
    });

    const res = await oppo.get('/api/catalog/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="flywheel-catalog-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\ufeffproduct_name,product_name_en,category,product_line,flagship')).toBe(
      true,
    );
    const lines = res.body.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('FX3P-BLK-256,6932169315210,active,colour,Gloss Black,storage,256GB');
    expect(res.body).not.toContain('HL-1');

    const quoted = (await other.get('/api/catalog/export')).body;
    expect(quoted).toContain('"海澜之家 衬衫, 白色"');
  });
});
