import { describe, expect, it } from 'vitest';
import { defaultAbusePolicy, withoutReturnRefusals } from './abuse.js';

const good = { accountAgeDays: 400, orders90d: 12, claims90d: 1, refunds30d: 0, openClaims: 0 };

describe('refund without return', () => {
  it('is for shoppers of some standing, with few claims and refunds', () => {
    expect(withoutReturnRefusals(good, defaultAbusePolicy)).toEqual([]);
    expect(withoutReturnRefusals({ ...good, accountAgeDays: 3 }, defaultAbusePolicy)).toEqual([
      'account_age',
    ]);
    // 3 claims in 12 orders is 25%: above the 20% allowed.
    expect(withoutReturnRefusals({ ...good, claims90d: 3 }, defaultAbusePolicy)).toEqual(['claim_rate']);
    expect(withoutReturnRefusals({ ...good, refunds30d: 3 }, defaultAbusePolicy)).toEqual(['refunds_30d']);
    expect(withoutReturnRefusals({ ...good, orders90d: 0, claims90d: 0 }, defaultAbusePolicy)).toEqual([
      'claim_rate',
    ]);
  });
});
