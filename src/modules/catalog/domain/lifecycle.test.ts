import { describe, expect, it } from 'vitest';
import { productStatuses, productTransitionRefusal, productTransitions } from './lifecycle.js';

describe('product lifecycle', () => {
  it('allows exactly the listed moves, for every pair of statuses', () => {
    for (const from of productStatuses) {
      for (const to of productStatuses) {
        const refusal = productTransitionRefusal(from, to, { activeSkus: 1 });
        expect(refusal === null, `${from} -> ${to}`).toBe(productTransitions[from].includes(to));
      }
    }
  });

  it('never activates a product without an active SKU', () => {
    expect(productTransitionRefusal('draft', 'active', { activeSkus: 0 })).toBe('catalog.no_active_sku');
    expect(productTransitionRefusal('discontinued', 'active', { activeSkus: 0 })).toBe(
      'catalog.no_active_sku',
    );
    expect(productTransitionRefusal('active', 'discontinued', { activeSkus: 0 })).toBeNull();
  });
});
