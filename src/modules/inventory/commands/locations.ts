import { iso } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { OpeningHours } from '../domain/stock.js';
import type { InventoryTables } from '../repo.js';
import { locationView } from '../views.js';

type LocationRow = InventoryTables['inventory_location'];

export type LocationInput = {
  kind: 'warehouse' | 'store';
  /** A store location: the partner store it is; its address, coordinates and area come from it. */
  storeOrgId?: string;
  name?: string;
  nameEn?: string;
  province?: string;
  city?: string;
  district?: string;
  address?: string;
  lat?: number;
  lng?: number;
  openingHours?: OpeningHours;
  deliveryRadiusM?: number;
  prepMinutes?: number;
  pickCapacity?: number;
};

const required = (field: string) =>
  new DomainError('request.invalid', `${field} is required for a warehouse`, {
    errors: [{ field, message: 'is required for a warehouse' }],
  });

/** A store's name in English, from its profile's attributes. */
function storeNameEn(attributes: string | null): string | null {
  const nameEn = attributes ? (JSON.parse(attributes) as { nameEn?: unknown }).nameEn : undefined;
  return typeof nameEn === 'string' ? nameEn : null;
}

/** Registers where the brand holds stock: one of its warehouses, or a partner store. */
export async function createLocation(
  ctx: WriteCtx,
  scope: TenantScope,
  brandId: string,
  input: LocationInput,
) {
  let place: {
    store_org_id: string | null;
    retailer_id: string | null;
    name: string;
    name_en: string | null;
    province: string;
    city: string;
    district: string | null;
    address: string | null;
    lat: number;
    lng: number;
    city_tier: number | null;
    area_m2: number | null;
  };
  if (input.kind === 'store') {
    const store = input.storeOrgId
      ? await ctx.trx
          .selectFrom('identity_org_view')
          .selectAll()
          .where('id', '=', input.storeOrgId)
          .executeTakeFirst()
      : undefined;
    if (store?.kind !== 'store' || store.lat === null || store.lng === null || !store.province || !store.city)
      throw new DomainError('inventory.not_a_store', 'a store location is a partner store with an address', {
        errors: [{ field: 'storeOrgId', message: 'must be a store with its address and coordinates' }],
      });
    place = {
      store_org_id: store.id,
      retailer_id: store.parent_id,
      name: input.name ?? store.name,
      name_en: input.nameEn ?? storeNameEn(store.attributes),
      province: store.province,
      city: store.city,
      district: store.district,
      address: store.address,
      lat: Number(store.lat),
      lng: Number(store.lng),
      city_tier: store.city_tier,
      area_m2: store.floor_area_m2,
    };
  } else {
    if (input.storeOrgId)
      throw new DomainError('request.invalid', 'a warehouse is not a store', {
        errors: [{ field: 'storeOrgId', message: 'is only for stores' }],
      });
    for (const f of ['name', 'province', 'city', 'lat', 'lng'] as const)
      if (input[f] === undefined) throw required(f);
    place = {
      store_org_id: null,
      retailer_id: null,
      name: input.name!,
      name_en: input.nameEn ?? null,
      province: input.province!,
      city: input.city!,
      district: input.district ?? null,
      address: input.address ?? null,
      lat: input.lat!,
      lng: input.lng!,
      city_tier: null,
      area_m2: null,
    };
  }
  const now = iso(ctx.now);
  const row = {
    id: newId('loc'),
    org_id: brandId,
    kind: input.kind,
    ...place,
    opening_hours: JSON.stringify(
      input.openingHours ??
        (input.kind === 'store' ? { open: '10:00', close: '22:00' } : { open: '00:00', close: '23:59' }),
    ),
    delivery_radius_m: input.deliveryRadiusM ?? (input.kind === 'store' ? 5000 : 0),
    prep_minutes: input.prepMinutes ?? (input.kind === 'store' ? 15 : 240),
    pick_capacity: input.pickCapacity ?? 3,
    status: 'active' as const,
    created_at: now,
    updated_at: now,
  };
  try {
    await scope.on(ctx.trx).insertInto('inventory_location', [row]).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('inventory.location_exists', 'the brand has this store as a location already', {
      errors: [{ field: 'storeOrgId', message: 'is already a location of the brand' }],
    });
  }
  await ctx.emit({
    type: 'inventory.location_created',
    aggregateId: row.id,
    orgId: brandId,
    payload: { kind: row.kind, name: row.name },
  });
  return locationView(row);
}

/**
 * How a store works (its hours, how far it delivers, how long it prepares, how many orders it
 * picks at once) is the store's and its retailer's to say, for every brand's stock it keeps; the
 * brand names its location and opens or closes it. A warehouse is the brand's in every respect.
 */
export const storeRunFields = ['openingHours', 'deliveryRadiusM', 'prepMinutes', 'pickCapacity'] as const;
type LocationChange = {
  name?: string;
  nameEn?: string;
  openingHours?: OpeningHours;
  deliveryRadiusM?: number;
  prepMinutes?: number;
  pickCapacity?: number;
  status?: 'active' | 'closed';
};

/** The fields of `input` this member may not change on this location, by the rule above. */
function fieldsNotYours(p: MemberPrincipal, loc: LocationRow, input: LocationChange): string[] {
  const given = Object.keys(input).filter((k) => input[k as keyof LocationChange] !== undefined);
  if (p.orgKind === 'platform') return [];
  const runsIt =
    loc.kind === 'store' ? p.orgKind === 'store' || p.orgKind === 'retailer' : p.orgKind === 'brand';
  const brandsIt = p.orgKind === 'brand';
  return given.filter((f) => ((storeRunFields as readonly string[]).includes(f) ? !runsIt : !brandsIt));
}

export async function updateLocation(
  ctx: WriteCtx,
  scope: TenantScope,
  p: MemberPrincipal,
  id: string,
  input: LocationChange,
) {
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('inventory_location')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('location', id));
  const refused = fieldsNotYours(p, current, input);
  if (refused.length)
    throw new DomainError(
      'inventory.not_yours_to_change',
      current.kind === 'store'
        ? 'a store’s hours, radius, preparation and capacity are set by the store or its retailer; its name and status by the brand'
        : 'a warehouse is changed by its brand',
      { errors: refused.map((field) => ({ field, message: 'not yours to change' })) },
    );
  const changes = Object.fromEntries(
    Object.entries({
      name: input.name,
      name_en: input.nameEn,
      opening_hours: input.openingHours ? JSON.stringify(input.openingHours) : undefined,
      delivery_radius_m: input.deliveryRadiusM,
      prep_minutes: input.prepMinutes,
      pick_capacity: input.pickCapacity,
      status: input.status,
    }).filter(([, v]) => v !== undefined),
  );
  const updated = { ...current, ...changes, updated_at: iso(ctx.now) };
  const { name, name_en, status, ...run } = changes;
  await s
    .updateTable('inventory_location')
    .set({ ...changes, updated_at: updated.updated_at })
    .where('id', '=', id)
    .execute();
  // The store works one way for every brand it keeps stock for.
  if (current.kind === 'store' && current.store_org_id && Object.keys(run).length)
    await ctx.trx
      .updateTable('inventory_location')
      .set({ ...run, updated_at: updated.updated_at })
      .where('store_org_id', '=', current.store_org_id)
      .where('id', '!=', id)
      .execute();
  await ctx.emit({
    type: 'inventory.location_updated',
    aggregateId: id,
    orgId: current.org_id,
    payload: { changes: Object.keys(changes) },
  });
  return locationView(updated);
}
