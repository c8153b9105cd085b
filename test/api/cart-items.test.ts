import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { givenShop, givenShopper, type Shop } from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/** "Add to cart" adds to what the cart holds, in one statement: no tap is lost to another. */
describe('adding to a cart', () => {
  let fw: TestFlywheel;
  let shop: Shop;
  let shopper: TestClient;
  let cart: string;
  beforeEach(async () => {
    fw = await startFlywheel({ clock: new ManualClock('2026-11-26T06:00:00Z') });
    shop = await givenShop(fw);
    shopper = await givenShopper(fw);
    cart = (await shopper.post('/api/shop/carts', { channelId: shop.channelId })).json().id;
  });
  afterEach(async () => fw.cleanup());

  const held = async () =>
    Object.fromEntries(
      (
        (await shopper.get(`/api/shop/carts/${cart}`)).json().lines as Array<{
          skuId: string;
          quantity: number;
        }>
      ).map((l) => [l.skuId, l.quantity]),
    );

  it('counts every one of several taps at once', async () => {
    const [sku] = shop.skus;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        shopper.post(`/api/shop/carts/${cart}/items`, { skuId: sku, quantity: 1 }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    expect(await held()).toEqual({ [sku]: 6 });
  });

  it('refuses an addition past the most of one item whole, an unknown item, and another’s cart', async () => {
    const [sku] = shop.skus;
    await shopper.post(`/api/shop/carts/${cart}/items`, { skuId: sku, quantity: 8 });
    const over = await shopper.post(`/api/shop/carts/${cart}/items`, { skuId: sku, quantity: 3 });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0].field).toBe('quantity');
    expect(await held()).toEqual({ [sku]: 8 });

    const unknown = await shopper.post(`/api/shop/carts/${cart}/items`, {
      skuId: 'sku_00000000000000000000000000',
      quantity: 1,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('skuId');

    const other = await givenShopper(fw);
    expect((await other.post(`/api/shop/carts/${cart}/items`, { skuId: sku, quantity: 1 })).statusCode).toBe(
      404,
    );
    expect(await held()).toEqual({ [sku]: 8 });
  });
});
