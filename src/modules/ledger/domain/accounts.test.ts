import { describe, expect, it } from 'vitest';
import { paymentEntries, refundEntries, unbalanced } from './accounts.js';

describe('unbalanced', () => {
  it('accepts entries that sum to zero on their owners’ accounts', () => {
    expect(unbalanced(paymentEntries('org_b', 12_900))).toBeNull();
    expect(unbalanced(refundEntries('org_b', 500))).toBeNull();
  });
  it('refuses a sum other than zero, fractions, zeros and a single entry', () => {
    expect(
      unbalanced([...paymentEntries('org_b', 100), { orgId: null, account: 'platform_fees', amount: -1 }]),
    ).toMatch(/sum to -1/);
    expect(
      unbalanced([
        { orgId: null, account: 'provider_clearing', amount: 0.5 },
        { orgId: 'o', account: 'merchant_payable', amount: -0.5 },
      ]),
    ).toMatch(/integer/);
    expect(
      unbalanced([
        { orgId: null, account: 'provider_clearing', amount: 0 },
        { orgId: 'o', account: 'merchant_payable', amount: 0 },
      ]),
    ).toMatch(/zero/);
    expect(unbalanced([{ orgId: null, account: 'provider_clearing', amount: 0 }])).toMatch(/two entries/);
  });
  it('refuses an organisation on a platform account and the platform on an organisation’s', () => {
    expect(
      unbalanced([
        { orgId: 'o', account: 'provider_clearing', amount: 5 },
        { orgId: 'o', account: 'merchant_payable', amount: -5 },
      ]),
    ).toMatch(/platform's account/);
    expect(
      unbalanced([
        { orgId: null, account: 'provider_clearing', amount: 5 },
        { orgId: null, account: 'merchant_payable', amount: -5 },
      ]),
    ).toMatch(/belongs to an organisation/);
  });
});
