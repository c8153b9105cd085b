import { iso } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/database.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type Rights, rightsProblem } from '../domain/rights.js';
import type { Tier } from '../domain/tiers.js';
import { currentTiers } from '../queries.js';
import { tierOf } from '../views.js';
import { brandsToEvaluate, evaluateShop } from './evaluate.js';

export type TierInput = Omit<Tier, 'id' | 'rightsId' | 'active'> & { active?: boolean };

/** Freezes a tier's names and rights as of now: what orders placed from now on keep. */
async function freezeRights(
  ctx: WriteCtx,
  tierId: string,
  t: Pick<Tier, 'code' | 'name' | 'nameEn' | 'rights'>,
) {
  const id = newId('trg');
  await ctx.trx
    .insertInto('trust_rights')
    .values({
      id,
      tier_id: tierId,
      tier_code: t.code,
      tier_name: t.name,
      tier_name_en: t.nameEn,
      rights: JSON.stringify(t.rights),
      created_at: iso(ctx.now),
    })
    .execute();
  return id;
}

function checkRights(rights: Rights | undefined) {
  const problem = rights && rightsProblem(rights);
  if (problem) throw new DomainError('trust.bad_rights', problem.message, { errors: [problem] });
}

async function refuseTaken(ctx: WriteCtx, input: { code?: string; rank?: number }, id?: string) {
  const all = await currentTiers(ctx.trx);
  if (input.code !== undefined && all.some((t) => t.code === input.code && t.id !== id))
    throw new DomainError('trust.code_taken', `a tier ${input.code} exists`, {
      errors: [{ field: 'code', message: 'taken by another tier' }],
    });
  const other = input.rank !== undefined && all.find((t) => t.rank === input.rank && t.id !== id);
  if (other)
    throw new DomainError('trust.rank_taken', `tier ${other.code} has rank ${input.rank}`, {
      errors: [{ field: 'rank', message: `taken by ${other.code}` }],
    });
}

/**
 * The brands judged again after a tier changed: a shop whose tier now asks more drops at once,
 * one that now qualifies rises. Their orders keep the rights they were placed under.
 */
async function reevaluateAll(ctx: WriteCtx) {
  for (const orgId of await brandsToEvaluate(ctx.trx)) await evaluateShop(ctx, orgId, 'tiers');
}

function uniqueRefusal(error: unknown, input: { code?: string; rank?: number }): never {
  // Two racing writes can both pass the check above: the unique indexes refuse the second.
  if (isUniqueViolation(error))
    throw new DomainError('trust.rank_taken', 'another tier took this code or rank meanwhile', {
      errors: [{ field: input.rank !== undefined ? 'rank' : 'code', message: 'taken' }],
    });
  throw error;
}

/** The operator defines a tier. */
export async function createTier(ctx: WriteCtx, input: TierInput) {
  checkRights(input.rights);
  await refuseTaken(ctx, input);
  const now = iso(ctx.now);
  const id = newId('ttr');
  await ctx.trx
    .insertInto('trust_tier')
    .values({
      id,
      code: input.code,
      name: input.name,
      name_en: input.nameEn,
      rank: input.rank,
      rights: JSON.stringify(input.rights),
      rights_id: await freezeRights(ctx, id, input),
      qualification: JSON.stringify(input.qualification),
      active: input.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute()
    .catch((e) => uniqueRefusal(e, input));
  await ctx.emit({
    type: 'trust.tier_saved',
    aggregateId: id,
    orgId: null,
    payload: { code: input.code, rank: input.rank, active: input.active !== false },
  });
  await reevaluateAll(ctx);
  return tierAfter(ctx, id);
}

/** The operator changes a tier's names, rank, rights, rules or whether it is offered. */
export async function updateTier(ctx: WriteCtx, id: string, input: Partial<Omit<TierInput, 'code'>>) {
  checkRights(input.rights);
  const before = tierOf(
    await ctx.trx
      .selectFrom('trust_tier')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow(notFound('tier', id)),
  );
  await refuseTaken(ctx, input, id);
  const after = { ...before, ...input };
  // Orders placed from now on keep the new words and rights; those placed before keep theirs.
  const changed = (['name', 'nameEn', 'rights'] as const).some(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  await ctx.trx
    .updateTable('trust_tier')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.rank !== undefined ? { rank: input.rank } : {}),
      ...(input.rights !== undefined ? { rights: JSON.stringify(input.rights) } : {}),
      ...(input.qualification !== undefined ? { qualification: JSON.stringify(input.qualification) } : {}),
      ...(changed ? { rights_id: await freezeRights(ctx, id, after) } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      updated_at: iso(ctx.now),
    })
    .where('id', '=', id)
    .execute()
    .catch((e) => uniqueRefusal(e, input));
  const row = await ctx.trx
    .selectFrom('trust_tier')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    type: 'trust.tier_saved',
    aggregateId: id,
    orgId: null,
    payload: { code: row.code, rank: Number(row.rank), active: Number(row.active) === 1 },
  });
  await reevaluateAll(ctx);
  return tierAfter(ctx, id);
}

async function tierAfter(ctx: WriteCtx, id: string) {
  const row = await ctx.trx
    .selectFrom('trust_tier')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const held = await ctx.trx
    .selectFrom('trust_shop')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tier_id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...tierOf(row), shops: Number(held.n), updatedAt: row.updated_at };
}
