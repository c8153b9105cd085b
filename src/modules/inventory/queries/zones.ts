import type { Executor } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { ChecklistItem } from '../domain/stock.js';
import type { InventoryTables } from '../repo.js';

export async function listZones(
  scope: TenantScope,
  q: { locationId?: string; limit?: number; cursor?: string },
) {
  let query = scope
    .selectFrom('inventory_zone')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_zone.location_id')
    .selectAll('inventory_zone')
    .select(['inventory_location.name as location_name', 'inventory_location.name_en as location_name_en'])
    .select((eb) =>
      eb
        .selectFrom('inventory_zone_audit')
        .select('score')
        .whereRef('inventory_zone_audit.zone_id', '=', 'inventory_zone.id')
        .orderBy('audited_on', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .as('last_score'),
    );
  if (q.locationId) query = query.where('inventory_zone.location_id', '=', q.locationId);
  const page = await paginate(query, 'inventory_zone.id', q, 'asc');
  return {
    nextCursor: page.nextCursor,
    items: page.items
      .sort((a, b) => a.location_name.localeCompare(b.location_name))
      .map((z) => zoneView(z, z.last_score === null ? null : Number(z.last_score))),
  };
}

type ZoneRow = InventoryTables['inventory_zone'] & { location_name: string; location_name_en: string | null };

function zoneView(z: ZoneRow, lastScore: number | null) {
  return {
    id: z.id,
    locationId: z.location_id,
    locationName: z.location_name,
    locationNameEn: z.location_name_en,
    areaM2: Number(z.area_m2),
    fixtureStandard: z.fixture_standard,
    planogram: JSON.parse(z.planogram) as string[],
    lastScore,
    updatedAt: z.updated_at,
  };
}

export async function getZone(db: Executor, scope: TenantScope, id: string) {
  const z = await scope
    .on(db)
    .selectFrom('inventory_zone')
    .innerJoin('inventory_location', 'inventory_location.id', 'inventory_zone.location_id')
    .selectAll('inventory_zone')
    .select(['inventory_location.name as location_name', 'inventory_location.name_en as location_name_en'])
    .where('inventory_zone.id', '=', id)
    .executeTakeFirstOrThrow(notFound('zone', id));
  const audits = await db
    .selectFrom('inventory_zone_audit')
    .selectAll()
    .where('zone_id', '=', id)
    .orderBy('audited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    ...zoneView(z, audits[0] ? Number(audits[0].score) : null),
    audits: audits.map((a) => ({
      id: a.id,
      auditedOn: a.audited_on,
      auditor: a.auditor,
      checklist: JSON.parse(a.checklist) as ChecklistItem[],
      score: Number(a.score),
      createdAt: a.created_at,
    })),
  };
}
