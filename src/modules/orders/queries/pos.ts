import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { channelOffers, listedSkuIds, storeChannelOf } from '../../catalog/index.js';
import { stockedLocations } from '../../inventory/index.js';

/**
 * What the counter can sell: the brands whose stock the store keeps, and for one of them the
 * SKUs its store channel sells now that the store has on the shelf, at the channel's prices.
 */
export async function posCatalog(db: Executor, p: MemberPrincipal, now: Date, q: { brandId?: string }) {
  // The brands whose stock this store keeps, on its own shelves.
  const locations = await TenantScope.of(db, p)
    .selectFrom('inventory_location_view')
    .innerJoin('identity_org_view', 'identity_org_view.id', 'inventory_location_view.org_id')
    .select([
      'inventory_location_view.id',
      'inventory_location_view.org_id',
      'inventory_location_view.retailer_id',
      'identity_org_view.name',
    ])
    .where('inventory_location_view.kind', '=', 'store')
    .where('inventory_location_view.status', '=', 'active')
    .orderBy('identity_org_view.name')
    .execute();
  const brands = locations.map((l) => ({ id: l.org_id, name: l.name }));
  const here = locations.find((l) => l.org_id === (q.brandId ?? locations[0]?.org_id));
  const channel = here?.retailer_id ? await storeChannelOf(db, here.org_id, here.retailer_id) : undefined;
  if (!here || !channel) return { brands, items: [] };
  const offers = (await channelOffers(db, channel, await listedSkuIds(db, channel.id), now)).filter(
    (o) => o.refusal === null && o.prices,
  );
  const [shelf] = await stockedLocations(db, {
    brandId: here.org_id,
    channelKind: 'store',
    retailerId: here.retailer_id,
    skuIds: offers.map((o) => o.skuId),
    storeIds: [here.id],
  });
  return {
    brands,
    items: offers
      .map((o) => ({
        skuId: o.skuId,
        code: o.code,
        name: o.name,
        nameEn: o.nameEn,
        options: o.options,
        sellingPrice: o.prices!.sellingPrice,
        available: shelf?.stock[o.skuId] ?? 0,
      }))
      .filter((i) => i.available > 0),
  };
}
