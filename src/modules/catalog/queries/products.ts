import { stringify } from 'csv-stringify/sync';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import { csvColumns, skuToRow } from '../domain/csv-format.js';
import type { ProductStatus } from '../domain/lifecycle.js';
import { productView, productWithSkus } from '../views.js';

export type ProductFilter = {
  limit?: number;
  cursor?: string;
  q?: string;
  status?: ProductStatus;
  productLine?: string;
  category?: string;
  brandId?: string;
};

/** Products the member can see, newest first, with search on name, English name and SKU code or GTIN. */
export async function listProducts(scope: TenantScope, f: ProductFilter) {
  let q = scope.selectFrom('catalog_product').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.productLine) q = q.where('product_line', '=', f.productLine);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.brandId) q = q.where('org_id', '=', f.brandId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((w) =>
      w.or([
        w('name', 'like', like),
        w('name_en', 'like', like),
        w.exists(
          w
            .selectFrom('catalog_sku')
            .select('catalog_sku.id')
            .whereRef('catalog_sku.product_id', '=', 'catalog_product.id')
            .where((s) => s.or([s('catalog_sku.code', '=', f.q!), s('catalog_sku.gtin', '=', f.q!)])),
        ),
      ]),
    );
  }
  const page = await paginate(q, 'id', f);
  return { items: page.items.map((p) => productView(p)), nextCursor: page.nextCursor };
}

export async function getProduct(scope: TenantScope, id: string) {
  const product = await scope
    .selectFrom('catalog_product')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('product', id));
  const skus = await scope
    .selectFrom('catalog_sku')
    .selectAll()
    .where('product_id', '=', id)
    .orderBy('id')
    .execute();
  return productWithSkus(product, skus);
}

export async function catalogFigures(scope: TenantScope, orgId: string) {
  const rows = await scope
    .selectFrom('catalog_product')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('status')
    .execute();
  const skus = await scope
    .selectFrom('catalog_sku')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return [
    { key: 'catalog.activeProducts', value: by.active ?? 0, group: 'catalog' },
    { key: 'catalog.draftProducts', value: by.draft ?? 0, group: 'catalog' },
    { key: 'catalog.activeSkus', value: Number(skus.n), group: 'catalog' },
  ];
}

/**
 * The catalogue as a spreadsheet (UTF-8 with a byte-order mark, so Excel shows Chinese names),
 * one row per SKU, in product then SKU order.
 */
export async function exportCatalogCsv(
  scope: TenantScope,
  f: { brandId?: string; status?: ProductStatus },
): Promise<string> {
  let q = scope
    .selectFrom('catalog_sku')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_sku.product_id')
    .select([
      'catalog_product.name',
      'catalog_product.name_en',
      'catalog_product.category',
      'catalog_product.product_line',
      'catalog_product.flagship',
      'catalog_product.status as product_status',
      'catalog_product.option_names',
      'catalog_sku.code',
      'catalog_sku.gtin',
      'catalog_sku.status',
      'catalog_sku.options',
      'catalog_sku.images',
    ]);
  if (f.brandId) q = q.where('catalog_sku.org_id', '=', f.brandId);
  if (f.status) q = q.where('catalog_product.status', '=', f.status);
  const rows = await q.orderBy('catalog_product.id').orderBy('catalog_sku.id').execute();
  const records = rows.map((r) =>
    skuToRow(
      {
        name: r.name,
        nameEn: r.name_en,
        category: r.category,
        productLine: r.product_line,
        flagship: r.flagship === 1,
        status: r.product_status,
        optionNames: JSON.parse(r.option_names),
      },
      {
        code: r.code,
        gtin: r.gtin,
        status: r.status,
        options: JSON.parse(r.options),
        images: JSON.parse(r.images),
      },
    ),
  );
  // A cell a spreadsheet would run as a formula is written behind a `'` (OWASP, CSV injection).
  return `\ufeff${stringify([[...csvColumns], ...records], { escape_formulas: true })}`;
}
