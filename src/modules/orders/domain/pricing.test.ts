import { describe, expect, it } from 'vitest';
import { handedOverValue } from './pricing.js';

describe('handedOverValue', () => {
  const lines = [
    { sku_id: 'a', location_id: 'sanlitun', line_total: 299_900 },
    { sku_id: 'b', location_id: 'guomao', line_total: 100_000 },
  ];
  it('is what the shopper paid for the goods a store hands over, not their list value', () => {
    expect(handedOverValue(lines, [], 'sanlitun')).toBe(299_900);
    // A live price on the item, and a coupon on the whole order shared by value: to the fen, its
    // shares add up to it (7,500 + 2,501 = 10,001).
    const adjusted = [
      { skuId: 'a', amount: -20_000 },
      { skuId: null, amount: -10_001 },
    ];
    expect(handedOverValue(lines, adjusted, 'sanlitun')).toBe(299_900 - 20_000 - 7_500);
    expect(handedOverValue(lines, adjusted, 'guomao')).toBe(100_000 - 2_501);
    // Never below nothing.
    expect(handedOverValue(lines, [{ skuId: 'b', amount: -200_000 }], 'guomao')).toBe(0);
  });
});
