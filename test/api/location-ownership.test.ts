import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenMember, givenOrg } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';
import { givenAgreement, givenStoreLocation, givenWarehouse } from '../support/stock.js';

/**
 * Who changes a location (issue 11, item 7): how a store works is the store's and its
 * retailer's, for every brand it keeps stock for; the brand names and closes its location, and
 * runs its warehouses.
 */
describe('a location is changed by whoever runs it', () => {
  let fw: TestFlywheel;
  let oppo: TestClient;
  let vivo: TestClient;
  let retailer: TestClient;
  let staff: TestClient;
  let oppoAtStore: string;
  let vivoAtStore: string;
  let warehouse: string;
  beforeEach(async () => {
    fw = await startFlywheel();
    oppo = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'admin');
    vivo = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'vivo' }), 'admin');
    const retailerId = await givenOrg(fw, 'retailer', { name: 'JD Home' });
    retailer = await givenMember(fw, retailerId, 'admin');
    for (const brand of [oppo, vivo])
      await givenAgreement(brand, retailer, retailerId, { provinces: ['北京'] });
    const store = await givenOrg(fw, 'store', {
      parentId: retailerId,
      profile: { province: '北京', city: '北京', district: '朝阳区', lat: 39.93, lng: 116.45 },
    });
    staff = await givenMember(fw, store, 'staff');
    oppoAtStore = await givenStoreLocation(oppo, store);
    vivoAtStore = await givenStoreLocation(vivo, store);
    warehouse = await givenWarehouse(oppo);
  });
  afterEach(async () => fw.cleanup());

  const location = async (who: TestClient, id: string) =>
    (await who.get(`/api/inventory/locations/${id}`)).json();

  it("the store sets its hours and preparation for every brand's stock it keeps", async () => {
    const r = await staff.patch(`/api/inventory/locations/${oppoAtStore}`, {
      openingHours: { open: '09:00', close: '21:00' },
      prepMinutes: 25,
    });
    expect(r.statusCode).toBe(200);
    for (const [brand, id] of [
      [oppo, oppoAtStore],
      [vivo, vivoAtStore],
    ] as const)
      expect(await location(brand, id)).toMatchObject({
        openingHours: { open: '09:00', close: '21:00' },
        prepMinutes: 25,
      });
    const byRetailer = await retailer.patch(`/api/inventory/locations/${vivoAtStore}`, {
      deliveryRadiusM: 3000,
    });
    expect(byRetailer.statusCode).toBe(200);
    expect((await location(oppo, oppoAtStore)).deliveryRadiusM).toBe(3000);
  });

  it("refuses the brand the store's hours, and the store the brand's name, naming each field", async () => {
    const before = await location(oppo, oppoAtStore);
    const brand = await oppo.patch(`/api/inventory/locations/${oppoAtStore}`, {
      name: 'OPPO at JD Home',
      prepMinutes: 5,
    });
    expect(brand.statusCode).toBe(403);
    expect(brand.json().code).toBe('inventory.not_yours_to_change');
    expect(brand.json().errors.map((e: { field: string }) => e.field)).toEqual(['prepMinutes']);
    const store = await staff.patch(`/api/inventory/locations/${oppoAtStore}`, { status: 'closed' });
    expect(store.statusCode).toBe(403);
    expect(store.json().errors.map((e: { field: string }) => e.field)).toEqual(['status']);
    expect(await location(oppo, oppoAtStore)).toEqual(before);

    // The brand's own part goes through, and touches no other brand's location.
    const renamed = await oppo.patch(`/api/inventory/locations/${oppoAtStore}`, { name: 'OPPO at JD Home' });
    expect(renamed.json().name).toBe('OPPO at JD Home');
    expect((await location(vivo, vivoAtStore)).name).not.toBe('OPPO at JD Home');
  });

  it('a warehouse is the brand’s alone', async () => {
    expect(
      (
        await oppo.patch(`/api/inventory/locations/${warehouse}`, {
          openingHours: { open: '06:00', close: '23:00' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await retailer.patch(`/api/inventory/locations/${warehouse}`, { prepMinutes: 5 })).statusCode,
    ).toBe(404);
    expect((await vivo.patch(`/api/inventory/locations/${oppoAtStore}`, { name: 'x' })).statusCode).toBe(404);
  });
});
