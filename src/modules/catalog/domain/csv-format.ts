/**
 * The catalogue spreadsheet: one row per SKU, the product's fields repeated on each of its rows,
 * up to five option axes as name/value column pairs. Export writes it; import (next) reads the same.
 */
export const maxOptionAxes = 5;

export const csvColumns = [
  'product_name',
  'product_name_en',
  'category',
  'product_line',
  'flagship',
  'product_status',
  'sku_code',
  'gtin',
  'sku_status',
  ...Array.from({ length: maxOptionAxes }, (_, i) => [
    `option_${i + 1}_name`,
    `option_${i + 1}_value`,
  ]).flat(),
  'images',
] as const;

export type CsvProduct = {
  name: string;
  nameEn: string | null;
  category: string;
  productLine: string;
  flagship: boolean;
  status: string;
  optionNames: string[];
};
export type CsvSku = {
  code: string;
  gtin: string | null;
  status: string;
  options: Record<string, string>;
  images: string[];
};

/** One spreadsheet row of an SKU of a product. Images are separated by `|`. */
export function skuToRow(p: CsvProduct, s: CsvSku): string[] {
  const options = Array.from({ length: maxOptionAxes }, (_, i) => {
    const name = p.optionNames[i];
    return name ? [name, s.options[name] ?? ''] : ['', ''];
  }).flat();
  return [
    p.name,
    p.nameEn ?? '',
    p.category,
    p.productLine,
    p.flagship ? 'true' : 'false',
    p.status,
    s.code,
    s.gtin ?? '',
    s.status,
    ...options,
    s.images.join('|'),
  ];
}
