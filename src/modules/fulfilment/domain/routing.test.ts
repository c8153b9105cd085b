import { describe, expect, it } from 'vitest';
import { chinaMinuteOfDay } from '../../../platform/clock.js';
import { type Candidate, distanceM, queueDelay, readyAt, route, standardDays } from './routing.js';

// 14:00 in Beijing.
const now = new Date('2026-11-26T06:00:00Z');
const home = { lat: 39.9334, lng: 116.4553, province: '北京' }; // Sanlitun
const sku = 'sku_a';
const other = 'sku_b';

function store(id: string, over: Partial<Candidate> = {}): Candidate {
  return {
    id,
    name: id,
    nameEn: null,
    kind: 'store',
    province: '北京',
    lat: home.lat,
    lng: home.lng,
    openingHours: { open: '10:00', close: '22:00' },
    radiusM: 5000,
    prepMinutes: 15,
    pickCapacity: 2,
    queue: 0,
    agreementGap: null,
    stock: { [sku]: 5, [other]: 5 },
    ...over,
  };
}
const north = (km: number) => ({ lat: home.lat + km / 111.2, lng: home.lng });
const warehouse = (id: string, province = '河北'): Candidate =>
  store(id, { kind: 'warehouse', province, lat: 39.52, lng: 116.7, radiusM: 0 });
const one = [{ skuId: sku, quantity: 1 }];

describe('route', () => {
  it('serves from the earliest store that holds every line and keeps the promise', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [store('far', north(3)), store('near', north(1))],
      now,
    });
    expect(d.kind).toBe('hour');
    expect(d.groups).toEqual([
      { locationId: 'near', lines: one, etaMinutes: 15 + 6, travelMinutes: 6, standardDays: null },
    ]);
    expect(d.candidates.find((c) => c.locationId === 'far')).toMatchObject({ rejected: null, chosen: false });
  });

  it('passes over a store without stock, a closed one, one out of radius and one outside the agreement', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [
        store('empty', { ...north(0.5), stock: {} }),
        store('closed', { ...north(0.6), openingHours: { open: '16:00', close: '22:00' } }),
        store('small-radius', { ...north(0.7), radiusM: 500 }),
        store('no-deal', { ...north(0.8), agreementGap: 'expired' }),
        store('fine', north(4)),
      ],
      now,
    });
    expect(d.groups[0].locationId).toBe('fine');
    const why = Object.fromEntries(d.candidates.map((c) => [c.locationId, c.rejected]));
    expect(why).toEqual({
      empty: 'stock',
      closed: 'closed',
      'small-radius': 'radius',
      'no-deal': 'agreement',
      fine: null,
    });
  });

  it('does not start an order the store cannot prepare before it closes', () => {
    const late = new Date('2026-11-26T13:50:00Z'); // 21:50 in Beijing, 15 minutes of preparation
    const d = route({ address: home, lines: one, candidates: [store('s')], now: late });
    expect(d.candidates[0].rejected).toBe('closed');
  });

  it('lets a busy store lose to a free one, and makes no promise the queue would break', () => {
    const busy = store('busy', { ...north(0.5), queue: 4 }); // two rounds of 15 minutes before it starts
    const free = store('free', north(2));
    expect(route({ address: home, lines: one, candidates: [busy, free], now }).groups[0].locationId).toBe(
      'free',
    );
    const swamped = store('swamped', { ...north(0.5), queue: 8 });
    const d = route({ address: home, lines: one, candidates: [swamped, warehouse('wh')], now });
    expect(d.kind).toBe('standard');
    expect(d.candidates.find((c) => c.locationId === 'swamped')?.rejected).toBe('capacity');
  });

  it('breaks ties on stock cover', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [store('thin', { stock: { [sku]: 1 } }), store('deep', { stock: { [sku]: 9 } })],
      now,
    });
    expect(d.groups[0].locationId).toBe('deep');
  });

  it('splits across two stores that both keep the promise, unless a rule avoids splits', () => {
    const lines = [
      { skuId: sku, quantity: 1 },
      { skuId: other, quantity: 2 },
    ];
    const candidates = [
      store('a', { ...north(1), stock: { [sku]: 3 } }),
      store('b', { ...north(2), stock: { [other]: 3 } }),
      warehouse('wh'),
    ];
    const d = route({ address: home, lines, candidates, now });
    expect(d.kind).toBe('split');
    expect(d.groups.map((g) => [g.locationId, g.lines.map((l) => l.skuId)])).toEqual([
      ['a', [sku]],
      ['b', [other]],
    ]);
    const avoided = route({ address: home, lines, candidates, now, rules: [{ kind: 'avoid_split' }] });
    expect(avoided.kind).toBe('standard');
    expect(avoided.rulesApplied).toEqual(['avoid_split']);
  });

  it('falls back to the warehouse with the earliest standard date, and to nothing', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [warehouse('hebei'), warehouse('beijing', '北京'), store('far', north(30))],
      now,
    });
    expect(d.kind).toBe('standard');
    expect(d.groups[0]).toMatchObject({ locationId: 'beijing', standardDays: 1 });
    expect(route({ address: home, lines: one, candidates: [store('e', { stock: {} })], now }).kind).toBe(
      'none',
    );
  });

  it('follows a preferred location among those that keep the promise, and stays in the province when told', () => {
    const candidates = [store('near', north(1)), store('pref', north(3))];
    const d = route({
      address: home,
      lines: one,
      candidates,
      now,
      rules: [{ kind: 'prefer_location', locationId: 'pref' }],
    });
    expect(d.groups[0].locationId).toBe('pref');
    expect(d.rulesApplied).toEqual(['prefer_location:pref']);
    const tianjin = store('tianjin', { ...north(1), province: '天津' });
    const kept = route({
      address: home,
      lines: one,
      candidates: [tianjin, store('bj', north(4))],
      now,
      rules: [{ kind: 'same_province' }],
    });
    expect(kept.groups[0].locationId).toBe('bj');
    expect(kept.candidates.find((c) => c.locationId === 'tianjin')?.rejected).toBe('province');
  });

  it('offers pick-up at stores that hold the whole order, nearest first', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [store('b', north(8)), store('a', north(2)), store('none', { stock: {} })],
      now,
    });
    expect(d.pickup.map((p) => p.locationId)).toEqual(['a', 'b']);
  });
});

describe('helpers', () => {
  it('measures great-circle distance', () => {
    expect(distanceM(home, north(1))).toBeGreaterThan(990);
    expect(distanceM(home, north(1))).toBeLessThan(1010);
  });
  it('reads China time', () => {
    expect(chinaMinuteOfDay(new Date('2026-11-26T16:30:00Z'))).toBe(30);
  });
  it('delays by a preparation per full round of pickers', () => {
    expect(queueDelay({ queue: 3, pickCapacity: 2, prepMinutes: 15 })).toBe(15);
    expect(queueDelay({ queue: 1, pickCapacity: 2, prepMinutes: 15 })).toBe(0);
  });
  it('adds a day after the warehouse cut-off', () => {
    expect(standardDays({ province: '河北' }, { province: '北京' }, new Date('2026-11-26T09:00:00Z'))).toBe(
      3,
    );
  });
});

describe('readyAt', () => {
  const hours = { open: '10:00', close: '22:00' };
  const at = (utc: string) => readyAt(hours, 15, new Date(utc)).toISOString();
  it('starts now while the store is open long enough, else at its next opening', () => {
    // 14:00 in Beijing: ready at 14:15.
    expect(at('2026-11-26T06:00:00Z')).toBe('2026-11-26T06:15:00.000Z');
    // 07:40, before it opens: ready at 10:15, not at 07:55.
    expect(at('2026-11-25T23:40:00Z')).toBe('2026-11-26T02:15:00.000Z');
    // 21:50, too late to prepare before 22:00: ready at 10:15 the next morning.
    expect(at('2026-11-26T13:50:00Z')).toBe('2026-11-27T02:15:00.000Z');
    // 23:30: the next opening is tomorrow's.
    expect(at('2026-11-26T15:30:00Z')).toBe('2026-11-27T02:15:00.000Z');
    // Just after midnight in Beijing (16:10 UTC): today's 10:00, still tomorrow in UTC terms.
    expect(at('2026-11-26T16:10:00Z')).toBe('2026-11-27T02:15:00.000Z');
  });
});

describe('pick-up stores', () => {
  it('offers stores across town, not in another city', () => {
    const d = route({
      address: home,
      lines: one,
      candidates: [store('across-town', north(20)), store('tianjin', north(110)), store('near', north(1))],
      now,
    });
    expect(d.pickup.map((p) => p.locationId)).toEqual(['near', 'across-town']);
  });
});
