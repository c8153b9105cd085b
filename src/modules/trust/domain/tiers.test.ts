import { describe, expect, it } from 'vitest';
import { drawOnDeposit, nettable } from './deposit.js';
import { baselineRights, lateDeliveryCompensation } from './rights.js';
import { qualify, type Tier } from './tiers.js';

const tier = (code: string, rank: number, q: Partial<Tier['qualification']> = {}, active = true): Tier => ({
  id: `ttr_${code}`,
  code,
  name: code,
  nameEn: code,
  rank,
  rights: baselineRights,
  rightsId: `trg_${code}`,
  qualification: { minDepositFen: 0, minScore: null, maxDisputeRateBp: null, ...q },
  active,
});
const tiers = [
  tier('basic', 0),
  tier('silver', 10, { minDepositFen: 500_000, minScore: 4.5 }),
  tier('gold', 20, { minDepositFen: 2_000_000, minScore: 4.7, maxDisputeRateBp: 50 }),
  tier('platinum', 30, { minDepositFen: 0 }, false),
];

describe('qualify', () => {
  it('gives the highest active tier whose every rule is met, and says what the next one lacks', () => {
    const r = qualify(tiers, { depositFen: 600_000, score: 4.6, disputeRateBp: 10 });
    expect(r.tier?.code).toBe('silver');
    expect(r.reason.checks.map((c) => [c.rule, c.met])).toEqual([
      ['deposit', true],
      ['score', true],
    ]);
    expect(r.reason.next).toEqual({
      tier: 'gold',
      missing: [
        { rule: 'deposit', need: 2_000_000, have: 600_000, met: false, pending: false },
        { rule: 'score', need: 4.7, have: 4.6, met: false, pending: false },
      ],
    });
  });
  it('drops a shop whose deposit falls below the minimum, whatever its score', () => {
    const r = qualify(tiers, { depositFen: 1_999_999, score: 5, disputeRateBp: 0 });
    expect(r.tier?.code).toBe('silver');
    expect(r.reason.next?.missing.map((c) => c.rule)).toEqual(['deposit']);
    expect(qualify(tiers, { depositFen: 0, score: 5, disputeRateBp: 0 }).tier?.code).toBe('basic');
  });
  it('holds a dispute rate above the tier’s limit against the shop, and the limit itself not', () => {
    expect(qualify(tiers, { depositFen: 2_000_000, score: 4.8, disputeRateBp: 51 }).tier?.code).toBe(
      'silver',
    );
    expect(qualify(tiers, { depositFen: 2_000_000, score: 4.8, disputeRateBp: 50 }).tier?.code).toBe('gold');
  });
  it('does not hold a figure a new shop has not got yet against it, and says it is pending', () => {
    const r = qualify(tiers, { depositFen: 2_000_000, score: null, disputeRateBp: null });
    expect(r.tier?.code).toBe('gold');
    expect(r.reason.checks.filter((c) => c.pending).map((c) => c.rule)).toEqual(['score', 'dispute_rate']);
    expect(r.reason.next).toBeNull();
  });
  it('ignores inactive tiers, and gives none when no active tier is met', () => {
    expect(qualify(tiers, { depositFen: 9e9, score: 5, disputeRateBp: 0 }).tier?.code).toBe('gold');
    const strict = [tier('silver', 10, { minDepositFen: 1 })];
    const none = qualify(strict, { depositFen: 0, score: null, disputeRateBp: null });
    expect(none.tier).toBeNull();
    expect(none.reason).toEqual({
      tier: null,
      checks: [],
      next: { tier: 'silver', missing: [{ rule: 'deposit', need: 1, have: 0, met: false, pending: false }] },
    });
  });
});

describe('late-delivery compensation', () => {
  it('is the fixed amount, or the share of the fee rounded half up to the fen', () => {
    expect(lateDeliveryCompensation({ ...baselineRights, lateDelivery: { fixedFen: 500 } }, 800)).toBe(500);
    expect(lateDeliveryCompensation({ ...baselineRights, lateDelivery: { feeShareBp: 5_000 } }, 801)).toBe(
      401,
    );
    expect(lateDeliveryCompensation({ ...baselineRights, lateDelivery: { feeShareBp: 3_333 } }, 1_000)).toBe(
      333,
    );
    expect(lateDeliveryCompensation(baselineRights, 800)).toBe(0);
  });
});

describe('the deposit', () => {
  it('pays a compensation out of the deposit first, and advances the rest as debt', () => {
    expect(drawOnDeposit(2_999_000, 5_000_000)).toEqual({ fromDeposit: 2_999_000, advanced: 0 });
    expect(drawOnDeposit(2_999_000, 1_000_000)).toEqual({ fromDeposit: 1_000_000, advanced: 1_999_000 });
    expect(drawOnDeposit(500, 0)).toEqual({ fromDeposit: 0, advanced: 500 });
    expect(drawOnDeposit(500, -200)).toEqual({ fromDeposit: 0, advanced: 500 });
  });
  it('nets a debt from the payable as far as the payable goes', () => {
    expect(nettable(1_999_000, 299_900)).toBe(299_900);
    expect(nettable(1_000, 299_900)).toBe(1_000);
    expect(nettable(1_000, -5)).toBe(0);
  });
});
