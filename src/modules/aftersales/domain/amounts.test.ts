import { describe, expect, it } from 'vitest';
import { counterfeitCompensation, freightCompensation, paidPerLine } from './amounts.js';

const lines = [
  { id: 'a', skuId: 'sku_a', lineTotal: 299_900 },
  { id: 'b', skuId: 'sku_b', lineTotal: 23_900 },
  { id: 'c', skuId: 'sku_c', lineTotal: 100 },
];

describe('what each line was paid', () => {
  it('is its total without adjustments', () => {
    expect([...paidPerLine(lines, [])]).toEqual([
      ['a', 299_900],
      ['b', 23_900],
      ['c', 100],
    ]);
  });
  it('takes a SKU discount on its line and shares a cart discount to the fen, summing exactly', () => {
    const paid = paidPerLine(lines, [
      { skuId: 'sku_b', amount: -1_000 },
      { skuId: null, amount: -10_001 },
    ]);
    const sum = [...paid.values()].reduce((n, v) => n + v, 0);
    expect(sum).toBe(299_900 + 23_900 + 100 - 1_000 - 10_001);
    // ¥100.01 off in proportion to 299,900 : 22,900 : 100 is 9,288.63 : 709.27 : 3.10 fen; the
    // fen left over goes to the largest remainder.
    expect(paid.get('a')).toBe(299_900 - 9_289);
    expect(paid.get('b')).toBe(22_900 - 709);
    expect(paid.get('c')).toBe(100 - 3);
    for (const v of paid.values()) expect(Number.isInteger(v)).toBe(true);
  });
});

describe('compensations', () => {
  it('pays ten times a counterfeit and the freight up to the cap', () => {
    expect(counterfeitCompensation(299_900, 10)).toBe(2_999_000);
    expect(freightCompensation(1_800, 1_200)).toBe(1_200);
    expect(freightCompensation(800, 1_200)).toBe(800);
  });
});
