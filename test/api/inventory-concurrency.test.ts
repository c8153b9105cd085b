import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expireReservations } from '../../src/modules/inventory/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';
import { givenProduct, givenWarehouse, receive } from '../support/stock.js';

/**
 * DESIGN §6 invariants 1 and 2 under concurrency, on whichever engine DATABASE_URL names
 * (the suite runs on SQLite and, in CI, on PostgreSQL).
 */
describe('stock under 64 concurrent reservations of one SKU', () => {
  let fw: TestFlywheel;
  let brand: TestClient;
  let clock: ManualClock;
  let warehouse: string;
  let sku: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-25T08:00:00Z');
    fw = await startFlywheel({ clock });
    brand = await givenMember(fw, await givenOrg(fw, 'brand'), 'staff');
    [sku] = (await givenProduct(brand, 'Find X')).skus;
    warehouse = await givenWarehouse(brand);
    await receive(brand, warehouse, [{ skuId: sku, quantity: 40 }]);
  });
  afterEach(() => fw.cleanup());

  const level = async () =>
    fw.rt.db
      .selectFrom('inventory_level')
      .select(['on_hand', 'reserved'])
      .where('location_id', '=', warehouse)
      .where('sku_id', '=', sku)
      .executeTakeFirstOrThrow();
  const ledger = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('inventory_movement')
          .select((eb) => eb.fn.sum<number>('quantity').as('n'))
          .where('location_id', '=', warehouse)
          .where('sku_id', '=', sku)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Watches the cell while the load runs: availability must never be seen below zero. */
  function watch() {
    let lowest = Number.POSITIVE_INFINITY;
    let running = true;
    const done = (async () => {
      while (running) {
        const l = await level();
        lowest = Math.min(lowest, Number(l.on_hand) - Number(l.reserved));
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    return async () => {
      running = false;
      await done;
      return lowest;
    };
  }

  it('never holds more than there is, and the ledger explains on-hand exactly', async () => {
    const stop = watch();
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        brand.post(
          '/api/inventory/reservations',
          { locationId: warehouse, lines: [{ skuId: sku, quantity: 1 }], ttlSeconds: 900, ref: `ord-${i}` },
          { 'idempotency-key': `hold-${i}` },
        ),
      ),
    );
    const lowest = await stop();
    const held = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(held).toHaveLength(40);
    expect(refused).toHaveLength(24);
    expect(refused.every((r) => r.json().code === 'inventory.insufficient_stock')).toBe(true);
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(await level()).toEqual({ on_hand: 40, reserved: 40 });

    // Now everything at once: a third sold, a third given back, a third left to expire, while
    // 64 more shoppers try to hold what is freed and a damaged unit is written off.
    const ids = held.map((r) => r.json().items[0].id as string);
    const stop2 = watch();
    const second = await Promise.all([
      ...ids.map((id, i) =>
        i % 3 === 0
          ? brand.post(`/api/inventory/reservations/${id}/commit`)
          : i % 3 === 1
            ? brand.post(`/api/inventory/reservations/${id}/release`)
            : Promise.resolve(null),
      ),
      ...Array.from({ length: 64 }, (_, i) =>
        brand.post('/api/inventory/reservations', {
          locationId: warehouse,
          lines: [{ skuId: sku, quantity: 1 }],
          ttlSeconds: 60,
          ref: `late-${i}`,
        }),
      ),
      brand.post('/api/inventory/adjustments', {
        locationId: warehouse,
        skuId: sku,
        kind: 'damage',
        quantity: 1,
        reason: 'dropped',
      }),
    ]);
    clock.advance(901_000);
    await expireReservations(fw.rt);
    expect(await stop2()).toBeGreaterThanOrEqual(0);
    expect(second.every((r) => r === null || r.statusCode < 500)).toBe(true);

    const sold = ids.filter((_, i) => i % 3 === 0).length;
    const damaged = second.at(-1)!.statusCode === 200 ? 1 : 0;
    const after = await level();
    expect(after).toEqual({ on_hand: 40 - sold - damaged, reserved: 0 });
    // Invariant 1: the ledger explains every unit of on-hand.
    expect(await ledger()).toBe(Number(after.on_hand));
    // Invariant 2: sold never exceeds stock; every sale is a ledger line of its reservation.
    const sales = await fw.rt.db
      .selectFrom('inventory_movement')
      .select('ref_id')
      .where('kind', '=', 'sale')
      .where('location_id', '=', warehouse)
      .execute();
    expect(sales).toHaveLength(sold);
    const statuses = await fw.rt.db.selectFrom('inventory_reservation').select('status').execute();
    expect(statuses.filter((s) => s.status === 'held')).toHaveLength(0);
    expect(statuses.filter((s) => s.status === 'committed')).toHaveLength(sold);
  }, 60_000);

  it('replays a retried reservation instead of holding twice', async () => {
    const body = { locationId: warehouse, lines: [{ skuId: sku, quantity: 5 }], ttlSeconds: 60 };
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        brand.post('/api/inventory/reservations', body, { 'idempotency-key': 'checkout-1' }),
      ),
    );
    const ok = attempts.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.json().items[0].id)).size).toBe(1);
    expect(attempts.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(await level()).toEqual({ on_hand: 40, reserved: 5 });
  });
});
