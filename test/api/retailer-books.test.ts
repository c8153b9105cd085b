import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulateCouriers } from '../../src/modules/fulfilment/index.js';
import { reconcile } from '../../src/modules/orders/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember } from '../support/builders.js';
import {
  checkout,
  givenShop,
  givenShopper,
  givenStoreChannel,
  payInSandbox,
  type Shop,
} from '../support/checkout.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

/**
 * The retailer's books (issue 11, item 8): the agreement says how its stores' sales of the
 * brand's stock settle; every hand-over by a store books the retailer's share to the fen, from
 * the brand's side of the ledger to the retailer's, and the day's reconciliation checks it.
 */
describe("the retailer's books", () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let shopper: TestClient;
  afterEach(async () => {
    expect((await reconcile(fw.rt.db)).findings).toEqual([]);
    await fw.cleanup();
  });
  beforeEach(async () => {
    clock = new ManualClock('2026-11-26T06:00:00Z'); // 14:00 in Beijing
    fw = await startFlywheel({ clock });
    shopper = await givenShopper(fw);
  });

  async function paidOrder(shop: Shop, mode: 'hour' | 'pickup', quantity = 1) {
    const { order } = await checkout(shopper, {
      channelId: shop.channelId,
      lines: [{ skuId: shop.skus[0], quantity }],
      mode,
      ...(mode === 'pickup' ? { pickupLocationId: shop.stores.sanlitun.locationId } : {}),
    });
    expect(order.statusCode, order.body).toBe(201);
    await payInSandbox(fw, order.json().payment.id);
    return (await shopper.get(`/api/shop/orders/${order.json().id}`)).json();
  }
  const move = (staff: TestClient, id: string, to: string, extra: Record<string, unknown> = {}) =>
    staff.post(`/api/fulfilment/shipments/${id}/moves`, { to, ...extra });
  /** The balances a member reads, by account, as the API gives them (debits minus credits). */
  const balances = async (member: TestClient) =>
    Object.fromEntries(
      (await member.get('/api/ledger/balances')).json().items.map((b: any) => [b.account, b.balance]),
    );
  const allEntriesSum = async () =>
    Number(
      (
        await fw.rt.db
          .selectFrom('ledger_entry')
          .select((eb) => eb.fn.sum<number>('amount').as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('books a commission on a delivered hour order to the fen, only once it is delivered', async () => {
    // 8.33% of ¥2,999.00 is ¥249.8167: the retailer is owed ¥249.82.
    const shop = await givenShop(fw, { settlement: { model: 'commission', rateBp: 833 } });
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const o = await paidOrder(shop, 'hour');
    const [s] = o.shipments;
    for (const to of ['picking', 'ready']) expect((await move(staff, s.id, to)).statusCode).toBe(200);
    await move(staff, s.id, 'out_for_delivery', { courier: { name: '李师傅' } });
    // On the road: nothing is the retailer's yet.
    expect((await balances(shop.retailer)).retailer_payable).toBeUndefined();
    clock.advance(s.etaMinutes * 60_000);
    expect(await simulateCouriers(fw.rt)).toBe(1);

    expect(await balances(shop.retailer)).toEqual({ retailer_payable: -24_982 });
    expect((await balances(shop.brand)).merchant_payable).toBe(-(shop.price - 24_982));
    expect(await allEntriesSum()).toBe(0);
    // The retailer's statement says what the share is and where it came from.
    const [entry] = (await shop.retailer.get('/api/ledger/entries')).json().items;
    expect(entry).toMatchObject({
      kind: 'retailer_share',
      refType: 'shipment',
      refId: s.id,
      amount: -24_982,
    });
    expect(JSON.parse(entry.memo)).toEqual({ model: 'commission', rateBp: 833, value: shop.price });
    // Its home page says what its stores have earned.
    const home = (await shop.retailer.get('/api/home')).json().figures;
    expect(home).toContainEqual({
      key: 'ledger.retailerOwed',
      value: 24_982,
      format: 'fen',
      group: 'ledger',
    });
    // The day's figures cover the brand, the retailer and the platform.
    const day = await reconcile(fw.rt.db);
    expect(day.figures).toMatchObject({
      paidAmount: shop.price,
      retailerShare: 24_982,
      platformFees: 0,
      brandNet: shop.price - 24_982,
    });
  });

  it('books a collected pick-up, nothing for an order cancelled before its hand-over', async () => {
    const shop = await givenShop(fw, { settlement: { model: 'commission', rateBp: 800 } });
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const collected = await paidOrder(shop, 'pickup', 3);
    const [s] = collected.shipments;
    await move(staff, s.id, 'picking');
    await move(staff, s.id, 'ready');
    expect((await staff.post('/api/fulfilment/pickups', { code: s.pickupCode })).statusCode).toBe(200);
    const cancelled = await paidOrder(shop, 'pickup');
    expect((await shopper.post(`/api/shop/orders/${cancelled.id}/cancel`, {})).statusCode).toBe(200);
    // 8% of 3 × ¥2,999.00.
    expect(await balances(shop.retailer)).toEqual({ retailer_payable: -71_976 });
    expect(await allEntriesSum()).toBe(0);
    expect((await reconcile(fw.rt.db)).figures.retailerShare).toBe(71_976);
  });

  it('settles a counter sale at a wholesale price: the retailer keeps the rest of the sale', async () => {
    // Stock bought at 90% of the selling price: of 2 × ¥2,999.00 the retailer keeps ¥599.80.
    const shop = await givenShop(fw, { settlement: { model: 'wholesale', rateBp: 9_000 } });
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    expect((await givenStoreChannel(shop)).statusCode).toBe(200);
    const sold = await staff.post('/api/pos/sales', {
      brandId: (await staff.get('/api/pos/catalog')).json().brands[0].id,
      lines: [{ skuId: shop.skus[0], quantity: 2 }],
      authCode: '134567890123456789',
    });
    expect(sold.json()).toMatchObject({ status: 'completed', delivery: 'counter' });
    expect(await balances(shop.retailer)).toEqual({ retailer_payable: -59_980 });
    expect((await balances(shop.brand)).merchant_payable).toBe(-(2 * shop.price - 59_980));
    expect(await allEntriesSum()).toBe(0);
  });

  it('settles a hand-over as the order was placed, whatever is signed before it (DESIGN §6.5)', async () => {
    const shop = await givenShop(fw, { settlement: { model: 'commission', rateBp: 800 } });
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const before = await paidOrder(shop, 'pickup');
    // Signed after the order was placed, before its pick-up: it settles orders placed from now on.
    const agreement = (await shop.brand.get('/api/agreements')).json().items[0];
    const signed = await shop.brand.post(`/api/agreements/${agreement.id}/addenda`, {
      addendumTitle: 'Rate review',
      signedOn: '2026-11-26',
      settlement: { model: 'commission', rateBp: 1_500 },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const after = await paidOrder(shop, 'pickup');
    for (const o of [before, after]) {
      const [s] = o.shipments;
      await move(staff, s.id, 'picking');
      await move(staff, s.id, 'ready');
      expect((await staff.post('/api/fulfilment/pickups', { code: s.pickupCode })).statusCode).toBe(200);
    }
    const shares = (await shop.retailer.get('/api/ledger/entries')).json().items.map((e: any) => ({
      refId: e.refId,
      amount: e.amount,
    }));
    // 8% of ¥2,999.00 as placed, then 15%.
    expect(shares).toEqual(
      expect.arrayContaining([
        { refId: before.shipments[0].id, amount: -23_992 },
        { refId: after.shipments[0].id, amount: -44_985 },
      ]),
    );
    expect(await balances(shop.retailer)).toEqual({ retailer_payable: -(23_992 + 44_985) });
    expect(await allEntriesSum()).toBe(0);
  });

  it('finds a hand-over whose share was never booked, or booked at other terms than placed', async () => {
    const shop = await givenShop(fw, { settlement: { model: 'commission', rateBp: 800 } });
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const o = await paidOrder(shop, 'pickup');
    const [s] = o.shipments;
    await move(staff, s.id, 'picking');
    await move(staff, s.id, 'ready');
    await staff.post('/api/fulfilment/pickups', { code: s.pickupCode });
    const tx = await fw.rt.db
      .selectFrom('ledger_transaction')
      .select(['id', 'memo'])
      .where('ref_id', '=', s.id)
      .executeTakeFirstOrThrow();
    await fw.rt.db
      .updateTable('ledger_transaction')
      .set({ memo: JSON.stringify({ model: 'commission', rateBp: 1_600, value: 2 * shop.price }) })
      .where('id', '=', tx.id)
      .execute();
    // The amount follows from that memo (16% of half as much), but not from the terms placed.
    expect((await reconcile(fw.rt.db)).findings).toEqual([
      `shipment ${s.id}: retailer share 23992 booked for goods of ${shop.price}`,
      `shipment ${s.id}: booked at commission 1600 bp, placed at commission 800 bp`,
    ]);
    // Moved to another reference, the booking is missing for this hand-over.
    await fw.rt.db
      .updateTable('ledger_transaction')
      .set({ ref_id: 'shp_elsewhere', memo: tx.memo })
      .where('id', '=', tx.id)
      .execute();
    expect((await reconcile(fw.rt.db)).findings).toEqual([
      `shipment ${s.id}: handed over but its retailer share is not booked`,
    ]);
    await fw.rt.db.updateTable('ledger_transaction').set({ ref_id: s.id }).where('id', '=', tx.id).execute();
  });

  it('books nothing where no settlement is agreed, and the reconciliation finds a share booked wrong', async () => {
    const shop = await givenShop(fw);
    const staff = await givenMember(fw, shop.stores.sanlitun.orgId, 'staff');
    const o = await paidOrder(shop, 'pickup');
    await move(staff, o.shipments[0].id, 'picking');
    await move(staff, o.shipments[0].id, 'ready');
    await staff.post('/api/fulfilment/pickups', { code: o.shipments[0].pickupCode });
    expect((await balances(shop.retailer)).retailer_payable).toBeUndefined();

    // An addendum agrees a commission from now on; the next hand-over books it.
    const agreement = (await shop.brand.get('/api/agreements')).json().items[0];
    const signed = await shop.brand.post(`/api/agreements/${agreement.id}/addenda`, {
      addendumTitle: 'Omnichannel supply addendum',
      signedOn: '2026-11-26',
      settlement: { model: 'commission', rateBp: 500 },
    });
    expect(signed.json().settlement).toEqual({ model: 'commission', rateBp: 500 });
    const next = await paidOrder(shop, 'pickup');
    const [s] = next.shipments;
    await move(staff, s.id, 'picking');
    await move(staff, s.id, 'ready');
    await staff.post('/api/fulfilment/pickups', { code: s.pickupCode });
    expect(await balances(shop.retailer)).toEqual({ retailer_payable: -14_995 });

    // A booking that does not follow from its settlement and the goods is a finding.
    await fw.rt.db
      .updateTable('ledger_transaction')
      .set({ memo: JSON.stringify({ model: 'commission', rateBp: 500, value: 100 }) })
      .where('ref_id', '=', s.id)
      .execute();
    expect((await reconcile(fw.rt.db)).findings).toEqual([
      `shipment ${s.id}: retailer share 14995 booked for goods of ${shop.price}`,
    ]);
    await fw.rt.db
      .updateTable('ledger_transaction')
      .set({ memo: JSON.stringify({ model: 'commission', rateBp: 500, value: shop.price }) })
      .where('ref_id', '=', s.id)
      .execute();
  });
});
