import type { Rights } from './rights.js';

/** What a shop must show to hold a tier: each rule null when the tier does not ask it. */
export type Qualification = {
  /** The deposit it holds with the platform, in fen. */
  minDepositFen: number;
  /** Its shop experience score, 0-5. */
  minScore: number | null;
  /** Its share of orders with a claim the platform had to rule on, in basis points. */
  maxDisputeRateBp: number | null;
};

export type Tier = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** Higher is better: a shop holds the highest active tier whose rules it meets. */
  rank: number;
  rights: Rights;
  /** The frozen copy of its names and rights that orders placed under it now keep. */
  rightsId: string;
  qualification: Qualification;
  active: boolean;
};

/** What a shop shows when it is judged. A score or dispute rate is null before it has one. */
export type ShopStanding = { depositFen: number; score: number | null; disputeRateBp: number | null };

export type RuleName = 'deposit' | 'score' | 'dispute_rate';

/**
 * One rule of a tier as the shop stands against it. `pending` when the shop has no figure yet (a
 * new shop has no score): it is not held against it until it has one.
 */
export type RuleCheck = { rule: RuleName; need: number; have: number | null; met: boolean; pending: boolean };

/** Why a shop holds its tier: the rules of the tier it holds, and what it lacks for the next one up. */
export type TierReason = {
  tier: string | null;
  checks: RuleCheck[];
  next: { tier: string; missing: RuleCheck[] } | null;
};

/** The rules of a tier, checked against where a shop stands. */
export function checkRules(q: Qualification, s: ShopStanding): RuleCheck[] {
  const checks: RuleCheck[] = [
    {
      rule: 'deposit',
      need: q.minDepositFen,
      have: s.depositFen,
      met: s.depositFen >= q.minDepositFen,
      pending: false,
    },
  ];
  if (q.minScore !== null)
    checks.push({
      rule: 'score',
      need: q.minScore,
      have: s.score,
      met: s.score === null || s.score >= q.minScore,
      pending: s.score === null,
    });
  if (q.maxDisputeRateBp !== null)
    checks.push({
      rule: 'dispute_rate',
      need: q.maxDisputeRateBp,
      have: s.disputeRateBp,
      met: s.disputeRateBp === null || s.disputeRateBp <= q.maxDisputeRateBp,
      pending: s.disputeRateBp === null,
    });
  return checks;
}

/**
 * The tier a shop holds: the highest-ranked active tier whose every rule it meets, with the reason
 * (the rules it meets, and what it lacks for the next tier up). None when no tier's rules are met:
 * its orders then have the baseline rights.
 */
export function qualify(tiers: readonly Tier[], s: ShopStanding): { tier: Tier | null; reason: TierReason } {
  const ranked = tiers.filter((t) => t.active).sort((a, b) => b.rank - a.rank);
  const held = ranked.find((t) => checkRules(t.qualification, s).every((c) => c.met)) ?? null;
  const above = ranked.filter((t) => !held || t.rank > held.rank);
  const next = above.at(-1) ?? null;
  return {
    tier: held,
    reason: {
      tier: held?.code ?? null,
      checks: held ? checkRules(held.qualification, s) : [],
      next: next
        ? { tier: next.code, missing: checkRules(next.qualification, s).filter((c) => !c.met) }
        : null,
    },
  };
}
