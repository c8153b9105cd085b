import type { DemoWorld, Runtime } from '../../platform/module.js';
import type { MemberPrincipal } from '../../platform/principal.js';
import { runWrite, type WriteCtx } from '../../platform/write.js';
import { payDeposit } from './commands/deposit.js';
import { createTier, type TierInput } from './commands/tiers.js';
import { baselineRights } from './domain/rights.js';

/** The platform's three tiers: what every shop gets, and two a shop earns with deposit and service. */
export const demoTiers: TierInput[] = [
  {
    code: 'basic',
    name: '基础保障',
    nameEn: 'Basic guarantee',
    rank: 0,
    rights: { ...baselineRights, fastRefund: { maxFen: 5_000 } },
    qualification: { minDepositFen: 0, minScore: null, maxDisputeRateBp: null },
  },
  {
    code: 'silver',
    name: '银牌信任卡',
    nameEn: 'Silver Trust Card',
    rank: 10,
    rights: {
      ...baselineRights,
      returnShipping: { capFen: 1_200 },
      fastRefund: { maxFen: 20_000 },
      lateDelivery: { feeShareBp: 5_000 },
    },
    qualification: { minDepositFen: 1_000_000, minScore: 4.5, maxDisputeRateBp: 100 },
  },
  {
    code: 'gold',
    name: '金牌信任卡',
    nameEn: 'Gold Trust Card',
    rank: 20,
    rights: {
      noReasonReturn: { days: 15, excludedCategories: [] },
      returnShipping: { capFen: 2_500 },
      refundWithoutReturn: { maxOrderFen: 10_000 },
      fakeOnePayTen: { multiple: 10 },
      fastRefund: { maxFen: 50_000 },
      lateDelivery: { fixedFen: 1_000 },
    },
    qualification: { minDepositFen: 5_000_000, minScore: 4.7, maxDisputeRateBp: 50 },
  },
];

/**
 * The Trust Cards of the demo world: the tiers set a hundred days ago; OPPO paid ¥30,000 and
 * topped up to ¥60,000 for Gold (a margin above its ¥50,000, for the compensations it pays), Heilan Home holds ¥20,000 (Silver), Qingyan's ¥2,000 is short
 * of Silver.
 */
export async function seedTrust(rt: Runtime, world: DemoWorld): Promise<void> {
  const daysAgo = (n: number) => new Date(rt.clock.now().getTime() - n * 86_400_000);
  const as = (orgId: string, kind: 'platform' | 'brand', userId: string): MemberPrincipal => ({
    type: 'member',
    userId,
    orgId,
    orgKind: kind,
    role: 'owner',
    orgIds: [orgId],
    via: 'session',
    credentialId: 'demo-seed',
  });
  const write = <T>(on: Date, p: MemberPrincipal, action: string, fn: (ctx: WriteCtx) => Promise<T>) =>
    runWrite(
      { db: rt.db, clock: { now: () => on }, hooks: rt.hooks, afterCommit: rt.nudge },
      { principal: p, requestId: 'demo-seed', ip: null },
      { action },
      fn,
    );
  const operator = as(world.orgs.platform, 'platform', world.users.operator);
  for (const tier of demoTiers)
    await write(daysAgo(100), operator, 'trust.tier.create', (ctx) => createTier(ctx, tier));
  const pay = (brand: string, days: number, amount: number, reference: string) => {
    const p = as(world.orgs[brand], 'brand', world.users[`brand@${brand}.demo`]);
    return write(daysAgo(days), p, 'trust.deposit.pay', (ctx) =>
      payDeposit(ctx, p, { amount, source: 'transfer', reference }),
    );
  };
  await pay('oppo', 95, 3_000_000, 'ICBC 2026-0817-001');
  await pay('heilan', 80, 2_000_000, 'CMB 2026-0901-114');
  await pay('oppo', 60, 3_000_000, 'ICBC 2026-1002-007');
  await pay('qingyan', 30, 200_000, 'BOC 2026-1101-052');
}
