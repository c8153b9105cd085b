import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import type { EventInput } from '../../../platform/events.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { qualify, type ShopStanding } from '../domain/tiers.js';
import { currentTiers, moneyOf } from '../queries.js';

/**
 * Takes the merchant's account lock for the rest of the transaction (creating its row the first
 * time): its deposit, debt and tier then move one write at a time, so two racing draws cannot
 * both take the same money, and an evaluation never judges on figures a racing write is changing.
 */
export async function lockAccount(ctx: WriteCtx, orgId: string): Promise<void> {
  await ctx.trx
    .insertInto('trust_account')
    .values({ org_id: orgId, version: 1 })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ version: sql`trust_account.version + 1` }))
    .execute();
}

/** Where a brand stands now: the deposit it holds, and (once they exist) its score and dispute rate. */
export async function standingNow(ctx: WriteCtx, orgId: string): Promise<ShopStanding> {
  const money = (await moneyOf(ctx.trx, [orgId])).get(orgId)!;
  return { depositFen: money.depositFen, score: null, disputeRateBp: null };
}

/**
 * Judges a brand against the tiers and records the result: the tier it holds and why. A change
 * of tier is an evaluation in its history and an event; the same tier only updates the reason
 * and `evaluated_at`. Orders already placed keep the rights they were placed under.
 */
export async function evaluateShop(ctx: WriteCtx, orgId: string, cause: string) {
  await lockAccount(ctx, orgId);
  const standing = await standingNow(ctx, orgId);
  const all = await currentTiers(ctx.trx);
  const { tier, reason } = qualify(all, standing);
  const now = iso(ctx.now);
  const before = await ctx.trx
    .selectFrom('trust_shop')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  // Before the operator has defined any tier there is nothing to judge by: the tiers, once made, judge every brand.
  if (!before && all.length === 0) return { tier, reason, changed: false };
  const toTier = tier?.id ?? null;
  const row = {
    tier_id: toTier,
    reason: JSON.stringify(reason),
    standing: JSON.stringify(standing),
    evaluated_at: now,
  };
  const moved = !before || before.tier_id !== toTier;
  if (!before)
    await ctx.trx
      .insertInto('trust_shop')
      .values({ org_id: orgId, ...row, since: now })
      .execute();
  else
    await ctx.trx
      .updateTable('trust_shop')
      .set({ ...row, since: moved ? now : before.since })
      .where('org_id', '=', orgId)
      .execute();
  // The history is of tiers held: a new reason for the same tier (a tier above it changed) is only the row above.
  if (!moved) return { tier, reason, changed: false };
  await ctx.trx
    .insertInto('trust_evaluation')
    .values({
      id: newId('tev'),
      org_id: orgId,
      from_tier_id: before?.tier_id ?? null,
      to_tier_id: toTier,
      reason: row.reason,
      standing: row.standing,
      cause,
      created_at: now,
    })
    .execute();
  await ctx.emit({
    type: 'trust.shop_tier_changed',
    aggregateId: orgId,
    orgId,
    payload: { from: all.find((t) => t.id === before?.tier_id)?.code ?? null, to: tier?.code ?? null, cause },
  });
  return { tier, reason, changed: true };
}

/** The brands to judge: every brand, or those not judged since `before` (the daily round). */
export async function brandsToEvaluate(db: Executor, before?: string): Promise<string[]> {
  let q = db
    .selectFrom('identity_org_view')
    .leftJoin('trust_shop', 'trust_shop.org_id', 'identity_org_view.id')
    .select('identity_org_view.id')
    .where('identity_org_view.kind', '=', 'brand');
  if (before)
    q = q.where((eb) =>
      eb.or([eb('trust_shop.org_id', 'is', null), eb('trust_shop.evaluated_at', '<', before)]),
    );
  return (await q.orderBy('identity_org_view.id').execute()).map((r) => r.id);
}

/** The operator has a brand judged now (a shop that is not a brand has no Trust Card). */
export async function evaluateBrand(ctx: WriteCtx, orgId: string) {
  const org = await ctx.trx
    .selectFrom('identity_org_view')
    .select('kind')
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (org?.kind !== 'brand')
    throw new DomainError('trust.not_a_brand', `${orgId} is not a brand`, {
      errors: [{ field: 'id', message: 'not a brand' }],
    });
  return evaluateShop(ctx, orgId, 'operator');
}

/** A brand onboarded is judged at once: its shops carry a Trust Card from their first order. */
export async function judgeNewBrand(ctx: WriteCtx, e: EventInput<'identity.org_created'>): Promise<void> {
  if (e.payload.kind === 'brand') await evaluateShop(ctx, e.aggregateId, 'onboarded');
}
