import { iso } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { auditScore, type ChecklistItem } from '../domain/stock.js';
import { getZone } from '../queries/zones.js';
import { assertSkus } from './stock.js';

export type ZoneInput = { locationId: string; areaM2: number; fixtureStandard: string; planogram?: string[] };

const checkPlanogram = (ctx: WriteCtx, brandId: string, skuIds: string[]) =>
  skuIds.length ? assertSkus(ctx, brandId, skuIds, (i) => `planogram.${i}`) : Promise.resolve();

/** A standardised brand display zone in a store: its area, fixture standard and the SKUs it shows. */
export async function createZone(ctx: WriteCtx, scope: TenantScope, input: ZoneInput) {
  const s = scope.on(ctx.trx);
  const location = await s
    .selectFrom('inventory_location')
    .selectAll()
    .where('id', '=', input.locationId)
    .executeTakeFirst();
  if (location?.kind !== 'store')
    throw new DomainError('inventory.not_a_store', 'brand zones are in stores', {
      errors: [{ field: 'locationId', message: 'must be a store location of the brand' }],
    });
  await checkPlanogram(ctx, location.org_id, input.planogram ?? []);
  const now = iso(ctx.now);
  const row = {
    id: newId('zon'),
    org_id: location.org_id,
    location_id: location.id,
    area_m2: input.areaM2,
    fixture_standard: input.fixtureStandard,
    planogram: JSON.stringify(input.planogram ?? []),
    created_at: now,
    updated_at: now,
  };
  try {
    await s.insertInto('inventory_zone', [row]).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('inventory.zone_exists', 'the store has the brand’s zone already', {
      errors: [{ field: 'locationId', message: 'has a zone already' }],
    });
  }
  await ctx.emit({
    type: 'inventory.zone_created',
    aggregateId: row.id,
    orgId: row.org_id,
    payload: { locationId: row.location_id },
  });
  return row.id;
}

export async function updateZone(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: { areaM2?: number; fixtureStandard?: string; planogram?: string[] },
) {
  const s = scope.on(ctx.trx);
  const zone = await s
    .selectFrom('inventory_zone')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('zone', id));
  if (input.planogram) await checkPlanogram(ctx, zone.org_id, input.planogram);
  const changes = Object.fromEntries(
    Object.entries({
      area_m2: input.areaM2,
      fixture_standard: input.fixtureStandard,
      planogram: input.planogram ? JSON.stringify(input.planogram) : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  await s
    .updateTable('inventory_zone')
    .set({ ...changes, updated_at: iso(ctx.now) })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    type: 'inventory.zone_updated',
    aggregateId: id,
    orgId: zone.org_id,
    payload: { changes: Object.keys(changes) },
  });
  return id;
}

/** A compliance audit of a zone: the checklist's results, the day and the auditor; scored. */
export async function auditZone(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: { auditedOn: string; auditor: string; checklist: ChecklistItem[] },
) {
  const zone = await scope
    .on(ctx.trx)
    .selectFrom('inventory_zone')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('zone', id));
  const row = {
    id: newId('zau'),
    org_id: zone.org_id,
    zone_id: id,
    audited_on: input.auditedOn,
    auditor: input.auditor,
    checklist: JSON.stringify(input.checklist),
    score: auditScore(input.checklist),
    created_at: iso(ctx.now),
  };
  await ctx.trx.insertInto('inventory_zone_audit').values(row).execute();
  await ctx.emit({
    type: 'inventory.zone_audited',
    aggregateId: id,
    orgId: zone.org_id,
    payload: { auditId: row.id, score: row.score },
  });
  return getZone(ctx.trx, scope, id);
}
