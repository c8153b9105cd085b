import type { Executor } from '../../../platform/db/database.js';
import { referenceCache } from '../../../platform/db/reference.js';
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
  const [locations, agreements] = await Promise.all([
    stockedLocations(db, {
      brandId: channel.org_id,
      channelKind: channel.kind,
      retailerId: channel.retailer_id,
      skuIds,
    }),
    agreementTerms(db, channel.org_id),
  ]);
  return {
    channelId: channel.id,
    at: now.toISOString(),
    items: offers.map((o) => {
      const byLocation: LocationAvailability[] = locations.map((loc) => ({
        locationId: loc.id,
        name: loc.name,
        kind: loc.kind,
        available: loc.stock[o.skuId] ?? 0,
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

export type StockedLocation = {
  id: string;
  org_id: string;
  kind: 'warehouse' | 'store';
  name: string;
  nameEn: string | null;
  store_org_id: string | null;
  retailer_id: string | null;
  province: string;
  city: string;
  district: string | null;
  lat: number;
  lng: number;
  openingHours: { open: string; close: string };
  radiusM: number;
  prepMinutes: number;
  pickCapacity: number;
  /** Available units (on hand less reserved) per SKU asked about. */
  stock: Record<string, number>;
};

/**
 * A brand's active locations a channel may ship from, each with what it has available of the
 * SKUs: what routing chooses among. `locationIds` narrows to the few a spatial index found near.
 */
export async function stockedLocations(
  db: Executor,
  q: {
    brandId: string;
    channelKind: string;
    retailerId?: string | null;
    skuIds: string[];
    /** Only these stores (a spatial index found them near); every warehouse still counts. */
    storeIds?: string[];
  },
): Promise<StockedLocation[]> {
  const kinds = locationKindsFor(q.channelKind);
  const brand = await activeLocations.get(db, q.brandId);
  const mayShip = (l: LocationFacts) =>
    kinds.includes(l.kind) && (q.channelKind !== 'store' || l.retailer_id === (q.retailerId ?? ''));
  const locations = (
    q.storeIds
      ? [...brand.warehouses, ...q.storeIds.flatMap((id) => brand.stores.get(id) ?? [])]
      : [...brand.warehouses, ...brand.stores.values()]
  ).filter(mayShip);
  if (locations.length === 0 || q.skuIds.length === 0) return [];
  const levels = await db
    .selectFrom('inventory_level')
    .select(['location_id', 'sku_id', 'on_hand', 'reserved'])
    .where(
      'location_id',
      'in',
      locations.map((l) => l.id),
    )
    .where('sku_id', 'in', q.skuIds)
    .execute();
  const stock = new Map<string, Record<string, number>>();
  for (const l of levels) {
    const cell = stock.get(l.location_id) ?? {};
    cell[l.sku_id] = Number(l.on_hand) - Number(l.reserved);
    stock.set(l.location_id, cell);
  }
  return locations.map((l) => ({ ...l, stock: stock.get(l.id) ?? {} }));
}

type LocationFacts = Omit<StockedLocation, 'stock'>;

/** A brand's active locations, read on every route and changed seldom; stores by id for the spatial index's picks. */
const activeLocations = referenceCache<{ warehouses: LocationFacts[]; stores: Map<string, LocationFacts> }>(
  async (db, brandIds) => {
    const rows = await db
      .selectFrom('inventory_location')
      .selectAll()
      .where('org_id', 'in', brandIds)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    const found = new Map(
      brandIds.map((id) => [id, { warehouses: [] as LocationFacts[], stores: new Map() }]),
    );
    for (const l of rows) {
      const facts: LocationFacts = {
        id: l.id,
        org_id: l.org_id,
        kind: l.kind,
        name: l.name,
        nameEn: l.name_en,
        store_org_id: l.store_org_id,
        retailer_id: l.retailer_id,
        province: l.province,
        city: l.city,
        district: l.district,
        lat: Number(l.lat),
        lng: Number(l.lng),
        openingHours: JSON.parse(l.opening_hours),
        radiusM: l.delivery_radius_m,
        prepMinutes: l.prep_minutes,
        pickCapacity: l.pick_capacity,
      };
      const brand = found.get(l.org_id);
      if (l.kind === 'warehouse') brand?.warehouses.push(facts);
      else brand?.stores.set(l.id, facts);
    }
    return found;
  },
);

/** Whether `locationId` is an active store of the brand (where its shoppers may collect). */
export async function isActiveStoreOf(db: Executor, brandId: string, locationId: string): Promise<boolean> {
  return (await activeLocations.get(db, brandId)).stores.has(locationId);
}
