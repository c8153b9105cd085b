import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { FulfilmentTables } from '../repo.js';

type RuleRow = FulfilmentTables['fulfilment_rule'];

function ruleView(r: RuleRow & { location_name?: string | null }) {
  return {
    id: r.id,
    brandId: r.org_id,
    rank: r.rank,
    kind: r.kind,
    locationId: r.location_id,
    locationName: r.location_name ?? null,
    createdAt: r.created_at,
  };
}

/** The brand whose rules a member edits: its own, or (the operator) the one it names. */
function brandOf(p: MemberPrincipal, brandId: string | undefined): string {
  if (p.orgKind === 'platform') {
    if (!brandId)
      throw new DomainError('request.invalid', 'name the brand', {
        errors: [{ field: 'brandId', message: 'required' }],
      });
    return brandId;
  }
  return p.orgId;
}

export async function listRules(
  db: Executor,
  p: MemberPrincipal,
  q: { brandId?: string; limit?: number; cursor?: string },
) {
  let query = TenantScope.of(db, p)
    .selectFrom('fulfilment_rule')
    .leftJoin('inventory_location_view', 'inventory_location_view.id', 'fulfilment_rule.location_id')
    .selectAll('fulfilment_rule')
    .select('inventory_location_view.name as location_name');
  if (q.brandId) query = query.where('fulfilment_rule.org_id', '=', q.brandId);
  const page = await paginate(query, 'fulfilment_rule.id', q, 'asc');
  // A page (a brand's rules fit in one) in the order they apply: brand by brand, by rank.
  const ranked = page.items.sort((a, b) => a.org_id.localeCompare(b.org_id) || a.rank - b.rank);
  return { items: ranked.map(ruleView), nextCursor: page.nextCursor };
}

/** Adds a ranked routing rule (prefer a location, avoid splits, stay in the province). */
export async function addRule(
  ctx: WriteCtx,
  p: MemberPrincipal,
  input: { brandId?: string; kind: RuleRow['kind']; locationId?: string; rank?: number },
) {
  const brandId = brandOf(p, input.brandId);
  if (input.kind === 'prefer_location') {
    const loc = input.locationId
      ? await ctx.trx
          .selectFrom('inventory_location_view')
          .select('id')
          .where('id', '=', input.locationId)
          .where('org_id', '=', brandId)
          .executeTakeFirst()
      : undefined;
    if (!loc)
      throw new DomainError('fulfilment.location_unknown', 'prefer one of the brand’s locations', {
        errors: [{ field: 'locationId', message: 'not a location of the brand' }],
      });
  }
  const last = await ctx.trx
    .selectFrom('fulfilment_rule')
    .select((eb) => eb.fn.max('rank').as('rank'))
    .where('org_id', '=', brandId)
    .executeTakeFirst();
  const row: RuleRow = {
    id: newId('rul'),
    org_id: brandId,
    rank: input.rank ?? Number(last?.rank ?? 0) + 1,
    kind: input.kind,
    location_id: input.kind === 'prefer_location' ? (input.locationId ?? null) : null,
    created_at: iso(ctx.now),
  };
  await ctx.trx.insertInto('fulfilment_rule').values(row).execute();
  await ctx.emit({
    type: 'fulfilment.rule_added',
    aggregateId: row.id,
    orgId: brandId,
    payload: { kind: row.kind },
  });
  return ruleView(row);
}

export async function removeRule(ctx: WriteCtx, p: MemberPrincipal, id: string) {
  const row = await TenantScope.of(ctx.trx, p)
    .selectFrom('fulfilment_rule')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('rule', id));
  await ctx.trx.deleteFrom('fulfilment_rule').where('id', '=', id).execute();
  await ctx.emit({
    type: 'fulfilment.rule_removed',
    aggregateId: id,
    orgId: row.org_id,
    payload: {},
  });
  return ruleView(row);
}
