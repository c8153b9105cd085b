import { CsvError, parse } from 'csv-parse/sync';
import type { FieldError } from '../../../platform/errors.js';
import { csvColumns, maxOptionAxes } from './csv-format.js';
import { gtinProblem, gtinProblemText } from './gtin.js';
import { productStatuses } from './lifecycle.js';

/** A problem of an uploaded spreadsheet: the column and the row (as Excel numbers them, header = 1). */
export type LineError = Required<FieldError>;

/** One SKU row of the file, checked on its own and against the other rows of its product. */
export type ImportRow = {
  line: number;
  product: {
    name: string;
    nameEn: string | null;
    category: string;
    productLine: string;
    flagship: boolean | null;
    status: (typeof productStatuses)[number] | null;
    optionNames: string[];
  };
  sku: {
    code: string;
    gtin: string | null;
    status: 'active' | 'discontinued' | null;
    options: Record<string, string>;
    images: string[];
  };
};

const required = ['product_name', 'category', 'product_line', 'sku_code'] as const;
const skuCodePattern = /^[A-Za-z0-9._/-]{1,64}$/;
const maxLengths: Record<string, number> = {
  product_name: 120,
  product_name_en: 120,
  category: 60,
  product_line: 60,
};
const truthy = new Map([
  ['true', true],
  ['yes', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['0', false],
  ['', null],
]);

/**
 * The export writes a cell that a spreadsheet would run as a formula (it begins with = + - @, a
 * tab or a carriage return, or their full-width forms) behind a `'`, as OWASP's CSV-injection
 * advice says; reading our own export back takes the `'` off again.
 */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a catalogue spreadsheet in the export's format and checks every row without touching
 * the database: required fields, lengths, GTIN check digits, option pairs, image URLs, rows of
 * one product that disagree, and SKU codes or GTINs given twice. Every problem is reported.
 */
export function parseCatalogCsv(text: string): { rows: ImportRow[]; errors: LineError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, trim: true }).map((r: string[]) =>
      r.map(unescapeFormula),
    );
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ field: 'file', line, message: `is not valid CSV: ${error.message}` }] };
  }
  const [header = [], ...body] = records;
  const errors: LineError[] = [];
  const known = new Set<string>(csvColumns);
  const at = new Map(header.map((name, i) => [name.toLowerCase(), i]));
  for (const name of header)
    if (!known.has(name.toLowerCase()))
      errors.push({ field: name || '(empty)', line: 1, message: 'is not a column of the catalogue format' });
  for (const name of required)
    if (!at.has(name)) errors.push({ field: name, line: 1, message: 'column is missing' });
  if (errors.length) return { rows: [], errors };
  if (body.length === 0)
    return { rows: [], errors: [{ field: 'file', line: 2, message: 'has no SKU rows' }] };

  const rows: ImportRow[] = [];
  const firstOfProduct = new Map<string, ImportRow>();
  const codes = new Map<string, number>();
  const gtins = new Map<string, number>();
  for (const [index, record] of body.entries()) {
    const line = index + 2;
    if (record.every((v) => v === '')) continue;
    const cell = (name: string) => {
      const i = at.get(name);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const fail = (field: string, message: string) => errors.push({ field, line, message });
    const errorsBefore = errors.length;
    if (record.length !== header.length)
      fail('file', `has ${record.length} cells where the header has ${header.length}`);
    for (const name of required) if (!cell(name)) fail(name, 'is required');
    for (const [name, max] of Object.entries(maxLengths))
      if (cell(name).length > max) fail(name, `must be at most ${max} characters`);

    const code = cell('sku_code');
    if (code && !skuCodePattern.test(code)) fail('sku_code', 'must be 1-64 letters, digits or . _ / -');
    else if (code && codes.has(code)) fail('sku_code', `is also on line ${codes.get(code)}`);
    if (code) codes.set(code, codes.get(code) ?? line);

    const gtin = cell('gtin');
    const gtinFault = gtin ? gtinProblem(gtin) : null;
    if (gtinFault) fail('gtin', gtinProblemText[gtinFault]);
    else if (gtin && gtins.has(gtin)) fail('gtin', `is also on line ${gtins.get(gtin)}`);
    if (gtin) gtins.set(gtin, gtins.get(gtin) ?? line);

    const flagship = truthy.get(cell('flagship').toLowerCase());
    if (flagship === undefined) fail('flagship', 'must be true or false');
    const productStatus = cell('product_status');
    if (productStatus && !(productStatuses as readonly string[]).includes(productStatus))
      fail('product_status', `must be one of ${productStatuses.join(', ')}`);
    const skuStatus = cell('sku_status');
    if (skuStatus && skuStatus !== 'active' && skuStatus !== 'discontinued')
      fail('sku_status', 'must be active or discontinued');

    const optionNames: string[] = [];
    const options: Record<string, string> = {};
    for (let i = 1; i <= maxOptionAxes; i++) {
      const name = cell(`option_${i}_name`);
      const value = cell(`option_${i}_value`);
      if (!name && value) fail(`option_${i}_name`, 'is required when the value is given');
      if (name && !value) fail(`option_${i}_value`, `is required for option ${name}`);
      if (name.length > 30) fail(`option_${i}_name`, 'must be at most 30 characters');
      if (value.length > 60) fail(`option_${i}_value`, 'must be at most 60 characters');
      if (!name) continue;
      if (optionNames.includes(name)) fail(`option_${i}_name`, `repeats option ${name}`);
      optionNames.push(name);
      options[name] = value;
    }
    const images = cell('images')
      ? cell('images')
          .split('|')
          .map((s) => s.trim())
      : [];
    if (images.length > 20) fail('images', 'must list at most 20 images');
    if (images.some((url) => !/^https?:\/\/[^\s]+$/.test(url) || url.length > 1000))
      fail('images', 'must be http(s) URLs separated by |');

    const row: ImportRow = {
      line,
      product: {
        name: cell('product_name'),
        nameEn: cell('product_name_en') || null,
        category: cell('category'),
        productLine: cell('product_line'),
        flagship: flagship ?? null,
        status: (productStatus || null) as ImportRow['product']['status'],
        optionNames,
      },
      sku: {
        code,
        gtin: gtin || null,
        status: (skuStatus || null) as ImportRow['sku']['status'],
        options,
        images,
      },
    };
    // The product's fields repeat on each of its rows; they must say the same thing every time
    // (a row already wrong on its own is not compared, so one mistake is reported once).
    const first = firstOfProduct.get(row.product.name);
    if (first && errors.length === errorsBefore) {
      for (const [field, a, b] of [
        ['product_name_en', first.product.nameEn, row.product.nameEn],
        ['category', first.product.category, row.product.category],
        ['product_line', first.product.productLine, row.product.productLine],
        ['flagship', first.product.flagship, row.product.flagship],
        ['product_status', first.product.status, row.product.status],
        ['option_1_name', first.product.optionNames.join('|'), row.product.optionNames.join('|')],
      ] as const) {
        if (a !== b) fail(field, `differs from line ${first.line} of the same product`);
      }
    } else if (row.product.name) firstOfProduct.set(row.product.name, row);
    rows.push(row);
  }
  return { rows, errors };
}
