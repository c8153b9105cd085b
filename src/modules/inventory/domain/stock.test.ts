import { describe, expect, it } from 'vitest';
import { auditScore, crossedLowStock, isOpen, locationKindsFor, replenishmentQuantity } from './stock.js';

describe('stock rules', () => {
  it('raises low stock once, when availability falls to the threshold', () => {
    expect(crossedLowStock(3, 2, 2)).toBe(true);
    expect(crossedLowStock(2, 1, 2)).toBe(false);
    expect(crossedLowStock(10, 5, 2)).toBe(false);
    expect(crossedLowStock(5, 0, 2)).toBe(true);
  });

  it('replenishes to the cover commitment of recent sales, at least the display minimum', () => {
    // 28 sold in 14 days = 2 a day; 14 days of cover = 28; holds 5, 3 coming: send 20.
    expect(
      replenishmentQuantity({
        soldLastDays: 28,
        days: 14,
        coverDays: 14,
        displayMinimum: 2,
        available: 5,
        inTransit: 3,
      }),
    ).toBe(20);
    // Nothing sold: the shelf still shows the SKU.
    expect(
      replenishmentQuantity({
        soldLastDays: 0,
        days: 14,
        coverDays: 14,
        displayMinimum: 2,
        available: 0,
        inTransit: 0,
      }),
    ).toBe(2);
    expect(
      replenishmentQuantity({
        soldLastDays: 1,
        days: 14,
        coverDays: 14,
        displayMinimum: 2,
        available: 9,
        inTransit: 0,
      }),
    ).toBe(0);
  });

  it('lets each channel promise from its kinds of location', () => {
    expect(locationKindsFor('online')).toEqual(['warehouse', 'store']);
    expect(locationKindsFor('store')).toEqual(['store']);
    expect(locationKindsFor('live')).toEqual(['warehouse']);
  });

  it('knows when a store is open in China time, including hours past midnight', () => {
    const hours = { open: '10:00', close: '22:00' };
    expect(isOpen(hours, new Date('2026-11-25T01:59:00Z'))).toBe(false); // 09:59 in Beijing
    expect(isOpen(hours, new Date('2026-11-25T02:00:00Z'))).toBe(true);
    expect(isOpen(hours, new Date('2026-11-25T14:00:00Z'))).toBe(false); // 22:00
    expect(isOpen({ open: '10:00', close: '02:00' }, new Date('2026-11-25T17:30:00Z'))).toBe(true); // 01:30
  });

  it('scores an audit by the share of items passed', () => {
    expect(
      auditScore([
        { item: 'a', passed: true },
        { item: 'b', passed: false },
        { item: 'c', passed: true },
      ]),
    ).toBe(67);
    expect(auditScore([])).toBe(0);
  });
});
