import type { FieldError } from '../../../platform/errors.js';

/** Where a brand sells (DESIGN §1): its online shop, each retail partner's stores, live, distribution. */
export const channelKinds = ['online', 'store', 'live', 'distribution'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** A price list entry in fen: what the shopper sees crossed out, what they pay, and the lowest it may go. */
export type Prices = { listPrice: number; sellingPrice: number; floorPrice: number | null };

/** The problems of one price list entry, named by field: selling ≤ list, floor ≤ selling. */
export function priceProblems(p: Prices, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  if (p.sellingPrice > p.listPrice)
    errors.push({ field: `${prefix}sellingPrice`, message: 'must not exceed the list price' });
  if (p.floorPrice !== null && p.floorPrice > p.sellingPrice)
    errors.push({ field: `${prefix}floorPrice`, message: 'must not exceed the selling price' });
  return errors;
}

/** Why an SKU cannot be sold on a channel at an instant; null when it can. */
export type SellRefusal =
  | 'channel_paused'
  | 'not_listed'
  | 'product_not_active'
  | 'sku_discontinued'
  | 'exclusive_elsewhere'
  | 'no_agreement'
  | 'before_launch'
  | 'not_in_launch';

export type SellFacts = {
  channel: { id: string; status: 'active' | 'paused' };
  listed: boolean;
  product: { status: string };
  sku: { status: string; exclusiveChannelId: string | null };
  /** Store channels: an agreement in force with the retailer covers the product's line. */
  coveredByAgreement: boolean;
  /** The product's scheduled launch, if it has one. */
  launch: { startsAt: string; channelIds: string[] } | null;
  now: Date;
};

/**
 * The one rule every channel sells by. A product with a launch is sold nowhere before the
 * launch instant and, from it, on exactly the launch's channels: they all switch together.
 */
export function sellRefusal(f: SellFacts): SellRefusal | null {
  if (f.channel.status !== 'active') return 'channel_paused';
  if (f.sku.exclusiveChannelId !== null && f.sku.exclusiveChannelId !== f.channel.id)
    return 'exclusive_elsewhere';
  if (!f.listed) return 'not_listed';
  if (f.product.status !== 'active') return 'product_not_active';
  if (f.sku.status !== 'active') return 'sku_discontinued';
  if (!f.coveredByAgreement) return 'no_agreement';
  if (f.launch) {
    if (f.now.getTime() < Date.parse(f.launch.startsAt)) return 'before_launch';
    if (!f.launch.channelIds.includes(f.channel.id)) return 'not_in_launch';
  }
  return null;
}
