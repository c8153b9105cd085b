import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { givenMember, givenOrg, password } from '../support/builders.js';
import type { TestClient } from '../support/client.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

const nka = {
  level: 'nka',
  title: 'JD Home x OPPO NKA',
  startsOn: '2026-03-01',
  endsOn: '2029-02-28',
  provinces: ['北京', '广东'],
  commitments: { displayZoneM2: 20 },
};

describe('partnership: brand-retailer agreements', () => {
  let fw: TestFlywheel;
  let clock: ManualClock;
  let brand: TestClient & { email: string };
  let retailer: TestClient & { email: string };
  let retailerId: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-02-10T02:00:00Z');
    fw = await startFlywheel({ clock });
    brand = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'admin');
    retailerId = await givenOrg(fw, 'retailer', { name: 'JD Home' });
    retailer = await givenMember(fw, retailerId, 'admin');
  });
  afterEach(() => fw.cleanup());

  /** Moves the clock; sessions have an absolute lifetime, so both parties sign in again. */
  async function travel(to: string) {
    clock.set(to);
    await brand.login(brand.email, password);
    await retailer.login(retailer.email, password);
  }
  const move = (client: TestClient, id: string, to: string) =>
    client.post(`/api/agreements/${id}/moves`, { move: to });

  it('is drafted by the brand, accepted by the retailer, amended by addendum, with its history', async () => {
    const created = await brand.post('/api/agreements', { ...nka, retailerId });
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ status: 'draft', inForce: false, productLines: null, retailerName: 'JD Home' });
    expect(a.titleEn).toBeNull();
    const edited = await brand.patch(`/api/agreements/${a.id}`, {
      productLines: ['Find X', 'Reno'],
      titleEn: 'JD Home × OPPO NKA (English)',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().titleEn).toBe('JD Home × OPPO NKA (English)');

    expect((await move(retailer, a.id, 'accept')).json().code).toBe('partnership.illegal_transition');
    expect((await move(brand, a.id, 'propose')).json().status).toBe('proposed');
    expect((await move(brand, a.id, 'accept')).json().code).toBe('partnership.wrong_party');
    await travel('2026-02-20T02:00:00Z');
    const accepted = (await move(retailer, a.id, 'accept')).json();
    expect(accepted).toMatchObject({
      status: 'active',
      signedOn: '2026-02-20',
      inForce: false,
      displayStatus: 'pending',
    });
    expect((await brand.patch(`/api/agreements/${a.id}`, { title: 'x' })).json().code).toBe(
      'partnership.not_editable',
    );

    await travel('2026-07-29T06:00:00Z');
    const amended = await brand.post(`/api/agreements/${a.id}/addenda`, {
      addendumTitle: 'Omnichannel supply addendum',
      signedOn: '2026-07-29',
      productLines: null,
      commitments: { minCoverDays: 14, hourDelivery: true },
    });
    expect(amended.statusCode).toBe(200);
    const after = amended.json();
    expect(after).toMatchObject({
      inForce: true,
      productLines: null,
      commitments: { displayZoneM2: 20, minCoverDays: 14, hourDelivery: true },
    });
    expect(after.history.map((h: any) => h.kind)).toEqual([
      'created',
      'amended',
      'proposed',
      'accepted',
      'addendum',
    ]);
    expect(after.history[4]).toMatchObject({
      title: 'Omnichannel supply addendum',
      signedOn: '2026-07-29',
      changes: { product_lines: [['Find X', 'Reno'], null] },
    });
    // The retailer reads it too; it sees the same history.
    expect((await retailer.get(`/api/agreements/${a.id}`)).json().history).toHaveLength(5);

    await travel('2029-03-01T00:00:00Z');
    expect((await retailer.get('/api/agreements')).json().items[0]).toMatchObject({
      displayStatus: 'expired',
      inForce: false,
    });
    expect((await move(retailer, a.id, 'terminate')).json().status).toBe('terminated');
  });

  it('is invisible to other retailers, other brands and stores, and refuses bad terms', async () => {
    const { id } = (await brand.post('/api/agreements', { ...nka, retailerId })).json();
    const otherRetailer = await givenMember(fw, await givenOrg(fw, 'retailer'), 'admin');
    const otherBrand = await givenMember(fw, await givenOrg(fw, 'brand'), 'admin');
    const store = await givenMember(fw, await givenOrg(fw, 'store', { parentId: retailerId }), 'admin');
    expect((await otherRetailer.get(`/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await otherBrand.get(`/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await otherRetailer.get('/api/agreements')).json().items).toEqual([]);
    expect((await move(otherRetailer, id, 'accept')).statusCode).toBe(404);
    expect((await store.get('/api/agreements')).statusCode).toBe(403);

    const backwards = await brand.post('/api/agreements', { ...nka, retailerId, endsOn: '2025-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('endsOn');
    const withBrand = await brand.post('/api/agreements', {
      ...nka,
      retailerId: await givenOrg(fw, 'brand'),
    });
    expect(withBrand.json().errors[0].field).toBe('retailerId');
    const province = await brand.post('/api/agreements', { ...nka, retailerId, provinces: ['Atlantis'] });
    expect(province.statusCode).toBe(400);
    expect(province.json().errors[0].field).toMatch(/^provinces/);
  });

  it('lets one of two racing moves win', async () => {
    const { id } = (await brand.post('/api/agreements', { ...nka, retailerId })).json();
    await move(brand, id, 'propose');
    const [a, b] = await Promise.all([move(retailer, id, 'accept'), move(retailer, id, 'decline')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
