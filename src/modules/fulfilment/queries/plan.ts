import type { Executor } from '../../../platform/db/database.js';
import { referenceCache } from '../../../platform/db/reference.js';
import { DomainError } from '../../../platform/errors.js';
import { type StockedLocation, stockedLocations } from '../../inventory/index.js';
import { agreementTerms, coverageGap } from '../../partnership/index.js';
import { districtCentroid } from '../domain/districts.js';
import { type Candidate, type Decision, type Rule, route } from '../domain/routing.js';
import { queuedStatuses } from '../domain/shipment.js';
import { storesNear } from './store-index.js';

export type AddressInput = {
  province: string;
  city: string;
  district: string;
  line?: string;
  lat?: number;
  lng?: number;
};

export type Located = {
  province: string;
  city: string;
  district: string;
  lat: number;
  lng: number;
  /** Whether the point is the shopper's own or the district's centre. */
  source: 'coordinates' | 'district';
};

/** Where to deliver: the address's own coordinates, else its district's centre. */
export function locate(a: AddressInput, field = 'address'): Located {
  const base = { province: a.province, city: a.city, district: a.district };
  if (a.lat !== undefined && a.lng !== undefined)
    return { ...base, lat: a.lat, lng: a.lng, source: 'coordinates' };
  const c = districtCentroid(a.province, a.city, a.district);
  if (!c)
    throw new DomainError(
      'fulfilment.address_unknown',
      'no coordinates and no known district to route from',
      {
        errors: [{ field: `${field}.district`, message: 'unknown district: give lat and lng' }],
      },
    );
  return { ...base, ...c, source: 'district' };
}

export type PlanInput = {
  channel: { org_id: string; kind: string; retailer_id: string | null };
  address: Located;
  lines: Array<{ skuId: string; quantity: number; productLine: string }>;
  now: Date;
  /** A standard parcel was asked for: leave the stores' hour delivery out. */
  standardOnly?: boolean;
};

export type Plan = { decision: Decision; locations: Map<string, StockedLocation>; rules: Rule[] };

/**
 * Loads what routing chooses among (locations that may ship for the channel with their stock,
 * agreements, queues and the brand's rules) and routes.
 */
export async function planRoute(db: Executor, input: PlanInput): Promise<Plan> {
  const brandId = input.channel.org_id;
  const skuIds = [...new Set(input.lines.map((l) => l.skuId))];
  const near = await storesNear(db, brandId, input.address);
  const [locations, agreements, rules] = await Promise.all([
    stockedLocations(db, {
      brandId,
      channelKind: input.channel.kind,
      retailerId: input.channel.retailer_id,
      skuIds,
      storeIds: near === 'all' ? undefined : near,
    }),
    agreementTerms(db, brandId),
    brandRules(db, brandId),
  ]);
  const stores = locations.filter((l) => l.kind === 'store').map((l) => l.id);
  const queues = new Map<string, number>();
  if (stores.length > 0) {
    const rows = await db
      .selectFrom('fulfilment_shipment')
      .select((eb) => ['location_id', eb.fn.countAll<number>().as('n')])
      .where('location_id', 'in', stores)
      .where('status', 'in', [...queuedStatuses])
      .where('mode', '=', 'hour')
      .groupBy('location_id')
      .execute();
    for (const r of rows) queues.set(r.location_id, Number(r.n));
  }
  const productLines = [...new Set(input.lines.map((l) => l.productLine))];
  const candidates: Candidate[] = locations.map((l) => ({
    id: l.id,
    name: l.name,
    nameEn: l.nameEn,
    kind: l.kind,
    province: l.province,
    lat: l.lat,
    lng: l.lng,
    openingHours: l.openingHours,
    radiusM: l.radiusM,
    prepMinutes: l.prepMinutes,
    pickCapacity: l.pickCapacity,
    queue: queues.get(l.id) ?? 0,
    agreementGap:
      l.kind === 'store'
        ? (productLines
            .map((line) =>
              coverageGap(
                agreements,
                { retailerId: l.retailer_id ?? '', province: l.province },
                line,
                input.now,
              ),
            )
            .find((g) => g !== null) ?? null)
        : null,
    stock: l.stock,
  }));
  const decision = route({
    address: input.address,
    lines: mergeLines(input.lines),
    candidates,
    now: input.now,
    rules,
    standardOnly: input.standardOnly,
  });
  return { decision, locations: new Map(locations.map((l) => [l.id, l])), rules };
}

function mergeLines(lines: PlanInput['lines']) {
  const by = new Map<string, number>();
  for (const l of lines) by.set(l.skuId, (by.get(l.skuId) ?? 0) + l.quantity);
  return [...by].map(([skuId, quantity]) => ({ skuId, quantity }));
}

export async function brandRules(db: Executor, brandId: string): Promise<Rule[]> {
  return rulesOf.get(db, brandId);
}

const rulesOf = referenceCache<Rule[]>(async (db, brandIds) => {
  const rows = await db
    .selectFrom('fulfilment_rule')
    .select(['org_id', 'kind', 'location_id'])
    .where('org_id', 'in', brandIds)
    .orderBy('rank')
    .execute();
  const rules = new Map(brandIds.map((id) => [id, [] as Rule[]]));
  for (const r of rows) {
    rules
      .get(r.org_id)
      ?.push(
        r.kind === 'prefer_location' ? { kind: r.kind, locationId: r.location_id ?? '' } : { kind: r.kind },
      );
  }
  return rules;
});
