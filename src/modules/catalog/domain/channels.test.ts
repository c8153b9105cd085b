import { describe, expect, it } from 'vitest';
import { priceProblems, type SellFacts, sellRefusal } from './channels.js';

const base: SellFacts = {
  channel: { id: 'chn_online', status: 'active' },
  listed: true,
  product: { status: 'active' },
  sku: { status: 'active', exclusiveChannelId: null },
  coveredByAgreement: true,
  launch: null,
  now: new Date('2026-03-10T01:59:59.999Z'),
};
const launch = { startsAt: '2026-03-10T02:00:00.000Z', channelIds: ['chn_online', 'chn_store'] };

describe('selling on a channel', () => {
  it('needs an active listed SKU of an active product on an active channel', () => {
    expect(sellRefusal(base)).toBeNull();
    expect(sellRefusal({ ...base, channel: { ...base.channel, status: 'paused' } })).toBe('channel_paused');
    expect(sellRefusal({ ...base, listed: false })).toBe('not_listed');
    expect(sellRefusal({ ...base, product: { status: 'draft' } })).toBe('product_not_active');
    expect(sellRefusal({ ...base, sku: { status: 'discontinued', exclusiveChannelId: null } })).toBe(
      'sku_discontinued',
    );
    expect(sellRefusal({ ...base, coveredByAgreement: false })).toBe('no_agreement');
  });

  it('sells an exclusive SKU on its channel only', () => {
    const sku = { status: 'active', exclusiveChannelId: 'chn_live' };
    expect(sellRefusal({ ...base, sku })).toBe('exclusive_elsewhere');
    expect(sellRefusal({ ...base, sku, channel: { id: 'chn_live', status: 'active' } })).toBeNull();
  });

  it('switches every launch channel on at the launch instant, and no other', () => {
    expect(sellRefusal({ ...base, launch })).toBe('before_launch');
    const store = { ...base, launch, channel: { id: 'chn_store', status: 'active' as const } };
    expect(sellRefusal(store)).toBe('before_launch');
    const at = new Date(launch.startsAt);
    expect(sellRefusal({ ...base, launch, now: at })).toBeNull();
    expect(sellRefusal({ ...store, now: at })).toBeNull();
    expect(sellRefusal({ ...base, launch, now: at, channel: { id: 'chn_live', status: 'active' } })).toBe(
      'not_in_launch',
    );
  });

  it('keeps selling ≤ list and floor ≤ selling', () => {
    expect(priceProblems({ listPrice: 599_900, sellingPrice: 549_900, floorPrice: 499_900 }, '')).toEqual([]);
    expect(
      priceProblems({ listPrice: 100, sellingPrice: 200, floorPrice: 300 }, 'items.0.').map((e) => e.field),
    ).toEqual(['items.0.sellingPrice', 'items.0.floorPrice']);
  });
});
