/**
 * Abuse controls (issue 12, item 4): refund without return is a privilege of shoppers whose
 * history earns it, and no shopper keeps more than a few claims open at once.
 */
export type ShopperHistory = {
  accountAgeDays: number;
  /** Orders and claims in the last 90 days. */
  orders90d: number;
  claims90d: number;
  /** Refunds made to the shopper in the last 30 days. */
  refunds30d: number;
  openClaims: number;
};

export type AbusePolicy = {
  minAccountAgeDays: number;
  maxClaimRateBp: number;
  maxRefunds30d: number;
  maxOpenClaims: number;
};

export const defaultAbusePolicy: AbusePolicy = {
  minAccountAgeDays: 30,
  maxClaimRateBp: 2_000,
  maxRefunds30d: 3,
  maxOpenClaims: 5,
};

export type EligibilityCheck = 'account_age' | 'claim_rate' | 'refunds_30d';

/** What keeps a shopper from a refund without return: none when they may have one. */
export function withoutReturnRefusals(h: ShopperHistory, p: AbusePolicy): EligibilityCheck[] {
  const out: EligibilityCheck[] = [];
  if (h.accountAgeDays < p.minAccountAgeDays) out.push('account_age');
  // The claim being made counts: a first order's first claim is one in one.
  const rateBp = h.orders90d === 0 ? 10_000 : Math.round((h.claims90d * 10_000) / h.orders90d);
  if (rateBp > p.maxClaimRateBp) out.push('claim_rate');
  if (h.refunds30d >= p.maxRefunds30d) out.push('refunds_30d');
  return out;
}
