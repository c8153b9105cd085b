import type { Selectable } from 'kysely';
import type { InventoryTables } from './repo.js';

export function locationView(row: Selectable<InventoryTables['inventory_location']>) {
  return {
    id: row.id,
    brandId: row.org_id,
    kind: row.kind,
    storeOrgId: row.store_org_id,
    retailerId: row.retailer_id,
    name: row.name,
    nameEn: row.name_en,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    lat: Number(row.lat),
    lng: Number(row.lng),
    cityTier: row.city_tier,
    areaM2: row.area_m2,
    openingHours: JSON.parse(row.opening_hours) as { open: string; close: string },
    deliveryRadiusM: row.delivery_radius_m,
    prepMinutes: row.prep_minutes,
    pickCapacity: row.pick_capacity,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
