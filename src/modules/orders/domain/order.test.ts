import { describe, expect, it } from 'vitest';
import { orderMoveRefusal, orderStatuses, orderTransitions, statusFromShipments } from './order.js';
import { price } from './pricing.js';

describe('order transitions', () => {
  it('allows exactly the table, for every pair of statuses', () => {
    for (const from of orderStatuses)
      for (const to of orderStatuses)
        expect(orderMoveRefusal(from, to) === null, `${from} -> ${to}`).toBe(
          orderTransitions[from].includes(to),
        );
  });
  it('lets a shopper cancel only before picking starts', () => {
    expect(orderMoveRefusal('routed', 'cancelled', 'shopper')).toBeNull();
    expect(orderMoveRefusal('picking', 'cancelled', 'shopper')).toMatch(/after-sales/);
    expect(orderMoveRefusal('picking', 'cancelled', 'merchant')).toBeNull();
    expect(orderMoveRefusal('out_for_delivery', 'cancelled', 'merchant')).not.toBeNull();
  });
  it('follows the least advanced shipment', () => {
    expect(statusFromShipments(['picking', 'out_for_delivery'])).toBe('picking');
    expect(statusFromShipments(['delivered', 'out_for_delivery'])).toBe('partially_delivered');
    expect(statusFromShipments(['delivered', 'picked_up', 'cancelled'])).toBe('delivered');
    expect(statusFromShipments(['pending'])).toBeNull();
    expect(statusFromShipments(['cancelled'])).toBeNull();
  });
});

describe('price', () => {
  const p = (sellingPrice: number) => ({ listPrice: sellingPrice + 1000, sellingPrice });
  it('totals lines at the selling price with the mode’s delivery fee, in fen', () => {
    const r = price([{ skuId: 'a', quantity: 2, prices: p(4_999) }], 'hour');
    expect(r).toMatchObject({ subtotal: 9_998, deliveryFee: 600, total: 10_598, problems: [] });
    expect(price([{ skuId: 'a', quantity: 1, prices: p(19_900) }], 'hour').deliveryFee).toBe(0);
    expect(price([{ skuId: 'a', quantity: 1, prices: p(5_000) }], 'standard').deliveryFee).toBe(1_000);
    expect(price([{ skuId: 'a', quantity: 1, prices: p(5_000) }], 'pickup').deliveryFee).toBe(0);
  });
  it('names the line over its quantity limit and the line without a price', () => {
    const r = price(
      [
        { skuId: 'a', quantity: 11, prices: p(100) },
        { skuId: 'b', quantity: 1, prices: null },
      ],
      null,
    );
    expect(r.problems.map((e) => e.field)).toEqual(['lines.0.quantity', 'lines.1.skuId']);
    const many = Array.from({ length: 51 }, (_, i) => ({ skuId: `s${i}`, quantity: 1, prices: p(100) }));
    expect(price(many, null).problems).toEqual([{ field: 'lines', message: 'at most 50 different items' }]);
  });
});
