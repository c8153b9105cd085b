import { describe, expect, it } from 'vitest';
import { csvColumns, skuToRow } from './csv-format.js';

describe('catalogue spreadsheet rows', () => {
  it('puts each option axis in its name/value pair, in the product’s order, and pads the rest', () => {
    const row = skuToRow(
      {
        name: 'OPPO Find X3 Pro',
        nameEn: null,
        category: 'phone',
        productLine: 'Find X',
        flagship: true,
        status: 'active',
        optionNames: ['colour', 'storage'],
      },
      {
        code: 'FX3P-BLK',
        gtin: '6932160000016',
        status: 'active',
        options: { storage: '256GB', colour: 'Black' },
        images: ['https://a/1.jpg', 'https://a/2.jpg'],
      },
    );
    expect(row).toHaveLength(csvColumns.length);
    const byColumn = Object.fromEntries(csvColumns.map((c, i) => [c, row[i]]));
    expect(byColumn).toMatchObject({
      option_1_name: 'colour',
      option_1_value: 'Black',
      option_2_name: 'storage',
      option_2_value: '256GB',
      option_3_name: '',
      flagship: 'true',
      product_name_en: '',
      images: 'https://a/1.jpg|https://a/2.jpg',
    });
  });
});
