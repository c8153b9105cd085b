import { stringify } from 'csv-stringify/sync';
import { csvColumns } from '../../src/modules/catalog/domain/csv-format.js';
import { ean } from './builders.js';

export type CsvRow = Partial<Record<(typeof csvColumns)[number], string>>;

/** A catalogue spreadsheet with `columns` (the export's by default) and these rows. */
export function catalogCsv(rows: CsvRow[], columns: readonly string[] = csvColumns): string {
  return stringify([columns, ...rows.map((r) => columns.map((c) => (r as Record<string, string>)[c] ?? ''))]);
}

/** SKU `i` of a line of phones, five colours to a product; `prefix` keeps codes apart between files. */
export function phoneRow(i: number, over: CsvRow = {}, prefix = 'PH'): CsvRow {
  return {
    product_name: `${prefix} phone ${Math.floor(i / 5)}`,
    category: 'phone',
    product_line: 'A',
    flagship: 'false',
    product_status: 'active',
    sku_code: `${prefix}-${i}`,
    gtin: ean(i),
    sku_status: 'active',
    option_1_name: 'colour',
    option_1_value: `Colour ${i % 5}`,
    ...over,
  };
}
