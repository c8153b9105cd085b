import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { channelById, channelOffers } from '../../catalog/index.js';
import { type AddressInput, locate, planRoute } from '../../fulfilment/index.js';
import { shippedFrom } from './carts.js';

/**
 * What a product page promises for an address: delivery within the hour from a store (and
 * from which, how soon), a parcel's standard days, and stores to collect from.
 */
export async function deliveryEstimate(
  db: Executor,
  q: { channelId: string; skuId: string; quantity?: number } & AddressInput,
  now: Date,
) {
  const channel = await channelById(db, q.channelId);
  if (!channel) throw notFound('shop', q.channelId)();
  const [offer] = await channelOffers(db, channel, [q.skuId], now);
  if (!offer) throw notFound('sku', q.skuId)();
  const address = locate(q, 'query');
  const lines = [{ skuId: q.skuId, quantity: q.quantity ?? 1, productLine: offer.productLine }];
  if (offer.refusal)
    return {
      sellable: false,
      refusal: offer.refusal,
      district: address.district,
      hour: null,
      standard: null,
      pickup: [],
      hourGap: null,
    };
  const [fast, parcel] = await Promise.all([
    planRoute(db, { channel, address, lines, now }),
    planRoute(db, { channel, address, lines, now, standardOnly: true }),
  ]);
  const d = fast.decision;
  const hour = d.kind === 'hour' || d.kind === 'split';
  return {
    sellable: true,
    refusal: null,
    district: address.district,
    hour: hour
      ? {
          etaMinutes: Math.max(...d.groups.map((g) => g.etaMinutes ?? 0)),
          ...shippedFrom(fast),
        }
      : null,
    standard:
      parcel.decision.kind === 'standard' ? { days: parcel.decision.groups[0].standardDays ?? 2 } : null,
    pickup: d.pickup.slice(0, 5),
    hourGap: d.hourGap,
  };
}
