import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import { type Executor, isPostgres, isUniqueViolation } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { FulfilmentTables } from '../repo.js';

type RuleRow = FulfilmentTables['fulfilment_rule'];

function ruleView(r: RuleRow & { location_name?: string | null; location_name_en?: string | null }) {
  return {
    id: r.id,
    brandId: r.org_id,
    rank: r.rank,
    kind: r.kind,
    locationId: r.location_id,
    locationName: r.location_name ?? null,
    locationNameEn: r.location_name_en ?? null,
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
    .select([
      'inventory_location_view.name as location_name',
      'inventory_location_view.name_en as location_name_en',
    ]);
  if (q.brandId) query = query.where('fulfilment_rule.org_id', '=', q.brandId);
  const page = await paginate(query, 'fulfilment_rule.id', q, 'asc');
  // A page (a brand's rules fit in one) in the order they apply: brand by brand, by rank.
  const ranked = page.items.sort((a, b) => a.org_id.localeCompare(b.org_id) || a.rank - b.rank);
  return { items: ranked.map(ruleView), nextCursor: page.nextCursor };
}

/**
 * Adds a ranked routing rule (prefer a location, avoid splits, stay in the province): last, or
 * at `rank` with the rules from there on moving down one. A brand has each rule once.
 */
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
  const rules = await lockRules(ctx, brandId);
  const row: RuleRow = {
    id: newId('rul'),
    org_id: brandId,
    rank: rules.length + 1,
    kind: input.kind,
    location_id: input.kind === 'prefer_location' ? (input.locationId ?? null) : null,
    created_at: iso(ctx.now),
  };
  try {
    await ctx.trx.insertInto('fulfilment_rule').values(row).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('fulfilment.rule_exists', 'the brand has this rule already', {
      errors: [{ field: row.location_id ? 'locationId' : 'kind', message: 'already a rule' }],
    });
  }
  await ctx.emit({
    type: 'fulfilment.rule_added',
    aggregateId: row.id,
    orgId: brandId,
    payload: { kind: row.kind },
  });
  if (input.rank !== undefined && input.rank < row.rank)
    return { ...ruleView(row), rank: await placeAt(ctx, [...rules, row], row.id, input.rank) };
  return ruleView(row);
}

/**
 * Moves a rule to `rank` (1 is tried first; past the last is last): the rules between move by
 * one, and the brand's rules are numbered 1, 2, 3 … again.
 */
export async function rerankRule(ctx: WriteCtx, p: MemberPrincipal, id: string, rank: number) {
  const found = await TenantScope.of(ctx.trx, p)
    .selectFrom('fulfilment_rule')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('rule', id));
  const rules = await lockRules(ctx, found.org_id);
  const from = rules.findIndex((r) => r.id === id) + 1;
  const to = await placeAt(ctx, rules, id, rank);
  await ctx.emit({
    type: 'fulfilment.rule_reranked',
    aggregateId: id,
    orgId: found.org_id,
    payload: { from, to },
  });
  return ruleView({ ...found, rank: to });
}

/**
 * A brand's rules in the order they apply, its ranking locked until commit: two edits of it wait
 * for each other instead of mixing, also when it has no rule yet. On PostgreSQL a transaction
 * lock on the brand's ranking (one key, so no deadlock between edits); SQLite writes one at a time.
 */
async function lockRules(ctx: WriteCtx, brandId: string): Promise<RuleRow[]> {
  if (isPostgres(ctx.trx))
    await sql`select pg_advisory_xact_lock(hashtext(${`fulfilment_rule ${brandId}`}))`.execute(ctx.trx);
  return ctx.trx
    .selectFrom('fulfilment_rule')
    .selectAll()
    .where('org_id', '=', brandId)
    .orderBy('rank')
    .orderBy('id')
    .execute();
}

/** Puts rule `id` at `rank` among `rules` (in order) and numbers them anew; its rank is returned. */
async function placeAt(ctx: WriteCtx, rules: RuleRow[], id: string, rank: number): Promise<number> {
  const order = rules.filter((r) => r.id !== id);
  const at = Math.min(Math.max(rank, 1), order.length + 1);
  order.splice(at - 1, 0, rules.find((r) => r.id === id)!);
  for (const [i, r] of order.entries())
    if (r.rank !== i + 1)
      await ctx.trx
        .updateTable('fulfilment_rule')
        .set({ rank: i + 1 })
        .where('id', '=', r.id)
        .execute();
  return at;
}

export async function removeRule(ctx: WriteCtx, p: MemberPrincipal, id: string) {
  const row = await TenantScope.of(ctx.trx, p)
    .selectFrom('fulfilment_rule')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('rule', id));
  await ctx.trx.deleteFrom('fulfilment_rule').where('id', '=', id).execute();
  // The rules after it move up: a brand's ranks stay 1, 2, 3 …
  const rest = await lockRules(ctx, row.org_id);
  if (rest.length > 0) await placeAt(ctx, rest, rest[0].id, 1);
  await ctx.emit({
    type: 'fulfilment.rule_removed',
    aggregateId: id,
    orgId: row.org_id,
    payload: {},
  });
  return ruleView(row);
}
