import type { Selectable } from 'kysely';
import type { CatalogTables } from './repo.js';

type ProductRow = Selectable<CatalogTables['catalog_product']>;
type SkuRow = Selectable<CatalogTables['catalog_sku']>;

export function skuView(row: SkuRow) {
  return {
    id: row.id,
    productId: row.product_id,
    code: row.code,
    gtin: row.gtin,
    options: JSON.parse(row.options) as Record<string, string>,
    images: JSON.parse(row.images) as string[],
    status: row.status,
    exclusiveChannelId: row.exclusive_channel_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function productWithSkus(row: ProductRow, skus: SkuRow[]) {
  return { ...productView(row), skus: skus.map(skuView) };
}

export function productView(row: ProductRow) {
  return {
    id: row.id,
    brandId: row.org_id,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    category: row.category,
    productLine: row.product_line,
    optionNames: JSON.parse(row.option_names) as string[],
    images: JSON.parse(row.images) as string[],
    flagship: row.flagship === 1,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
