import type { Executor } from '../../../platform/db/database.js';
import { type ChannelRow, channelOffers } from '../../catalog/index.js';
import { agreementTerms, type CoverageGap, coverageGap } from '../../partnership/index.js';
import { locationKindsFor } from '../domain/stock.js';

export type LocationAvailability = {
  locationId: string;
  name: string;
  kind: 'warehouse' | 'store';
  available: number;
  /** Why a store's stock is not promised on this channel for this SKU. */
  excludedBecause: CoverageGap | null;
};

/**
 * Available-to-promise per channel: what the channel may sell now of each SKU, over the
 * locations it may use. Nothing when the channel cannot sell the SKU (not listed, before its
 * launch, exclusive to another channel …). A store's stock counts only while an agreement in
 * force covers the store's province and the SKU's line; a store channel uses only its
 * retailer's stores; live and distribution ship from warehouses.
 */
export async function availableToPromise(db: Executor, channel: ChannelRow, skuIds: string[], now: Date) {
  const offers = await channelOffers(db, channel, skuIds, now);
  const kinds = locationKindsFor(channel.kind);
  let locQuery = db
    .selectFrom('inventory_location')
    .select(['id', 'name', 'kind', 'province', 'retailer_id'])
    .where('org_id', '=', channel.org_id)
    .where('status', '=', 'active')
    .where('kind', 'in', [...kinds]);
  if (channel.kind === 'store') locQuery = locQuery.where('retailer_id', '=', channel.retailer_id ?? '');
  const locations = await locQuery.execute();
  const agreements = await agreementTerms(db, channel.org_id);
  const levels =
    locations.length && skuIds.length
      ? await db
          .selectFrom('inventory_level')
          .select(['location_id', 'sku_id', 'on_hand', 'reserved'])
          .where(
            'location_id',
            'in',
            locations.map((l) => l.id),
          )
          .where('sku_id', 'in', skuIds)
          .execute()
      : [];
  const available = new Map(
    levels.map((l) => [`${l.location_id}:${l.sku_id}`, Number(l.on_hand) - Number(l.reserved)]),
  );
  return {
    channelId: channel.id,
    at: now.toISOString(),
    items: offers.map((o) => {
      const byLocation: LocationAvailability[] = locations.map((loc) => ({
        locationId: loc.id,
        name: loc.name,
        kind: loc.kind,
        available: available.get(`${loc.id}:${o.skuId}`) ?? 0,
        excludedBecause:
          loc.kind === 'store'
            ? coverageGap(
                agreements,
                { retailerId: loc.retailer_id ?? '', province: loc.province },
                o.productLine,
                now,
              )
            : null,
      }));
      const atp =
        o.refusal === null
          ? byLocation
              .filter((l) => l.excludedBecause === null)
              .reduce((sum, l) => sum + Math.max(0, l.available), 0)
          : 0;
      return {
        skuId: o.skuId,
        atp,
        refusal: o.refusal,
        locations: byLocation.filter((l) => l.available > 0),
      };
    }),
  };
}
