/**
 * The chart of accounts. The platform collects every payment through its provider and owes
 * the merchant its share; commissions, fees and compensations come out of the merchant's side.
 */
export const accountKinds = [
  /** Platform: money held at the payment provider (an asset; debit when a shopper pays). */
  'provider_clearing',
  /** Merchant: what the platform owes the merchant for its sales (a liability; credit). */
  'merchant_payable',
  /** Platform: its fee revenue (credit). */
  'platform_fees',
  /** Merchant: the deposit backing its guarantees (liability; credit). */
  'merchant_deposit',
  /** Retailer: its stores' share of what they sold of a brand's stock (liability; credit). */
  'retailer_payable',
  /** Creator: commission owed (liability; credit). */
  'commission_payable',
  /** Platform: money paid out to merchants' and creators' bank accounts (asset side). */
  'payouts',
  /** Platform: money merchants transferred to the platform's bank account (their deposits). */
  'platform_bank',
  /**
   * Merchant: what it owes the platform (an asset of the platform's; debit): a compensation
   * beyond its deposit that the platform advanced, netted from its next payable.
   */
  'merchant_debt',
] as const;
export type AccountKind = (typeof accountKinds)[number];

/** Accounts the platform itself holds (`org_id` null); the others belong to an organisation. */
export const platformAccounts: readonly AccountKind[] = [
  'provider_clearing',
  'platform_fees',
  'payouts',
  'platform_bank',
];

export const transactionKinds = [
  'payment',
  'refund',
  'compensation',
  'commission',
  'fee',
  'payout',
  'retailer_share',
  'deposit',
  'debt_netting',
] as const;
export type TransactionKind = (typeof transactionKinds)[number];

export type EntryInput = { orgId: string | null; account: AccountKind; amount: number };

/**
 * Why a transaction cannot be booked, or null: at least two entries, integer fen, every
 * entry on its owner's kind of account, and a sum of exactly zero (DESIGN §6 invariant 4).
 */
export function unbalanced(entries: readonly EntryInput[]): string | null {
  if (entries.length < 2) return 'a transaction needs at least two entries';
  let sum = 0;
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount)) return `amount ${e.amount} is not an integer number of fen`;
    if (e.amount === 0) return 'an entry of zero moves nothing';
    const platformSide = platformAccounts.includes(e.account);
    if (platformSide !== (e.orgId === null))
      return platformSide
        ? `${e.account} is the platform's account, not an organisation's`
        : `${e.account} belongs to an organisation`;
    sum += e.amount;
  }
  return sum === 0 ? null : `entries sum to ${sum}, not 0`;
}

/** A shopper's payment: the provider holds the money, the platform owes the merchant. */
export function paymentEntries(merchantId: string, amount: number): EntryInput[] {
  return [
    { orgId: null, account: 'provider_clearing', amount },
    { orgId: merchantId, account: 'merchant_payable', amount: -amount },
  ];
}

/**
 * A retailer's store sold or fulfilled a brand's sale: the retailer's share moves from what the
 * platform owes the brand to what it owes the retailer.
 */
export function retailerShareEntries(brandId: string, retailerId: string, amount: number): EntryInput[] {
  return [
    { orgId: brandId, account: 'merchant_payable', amount },
    { orgId: retailerId, account: 'retailer_payable', amount: -amount },
  ];
}

/** A refund reverses a payment's effect, for the refunded amount. */
export function refundEntries(merchantId: string, amount: number): EntryInput[] {
  return [
    { orgId: merchantId, account: 'merchant_payable', amount },
    { orgId: null, account: 'provider_clearing', amount: -amount },
  ];
}

/**
 * A merchant pays into its deposit: by bank transfer to the platform, or out of what the platform
 * owes it for its sales (its payable, a credit balance, gets smaller).
 */
export function depositEntries(
  merchantId: string,
  amount: number,
  from: 'transfer' | 'payable',
): EntryInput[] {
  return [
    from === 'transfer'
      ? { orgId: null, account: 'platform_bank', amount }
      : { orgId: merchantId, account: 'merchant_payable', amount },
    { orgId: merchantId, account: 'merchant_deposit', amount: -amount },
  ];
}

/**
 * A compensation paid to a shopper through the provider: drawn from the merchant's deposit, and
 * what the deposit does not cover advanced by the platform as the merchant's debt.
 */
export function compensationEntries(merchantId: string, fromDeposit: number, advanced: number): EntryInput[] {
  const entries: EntryInput[] = [];
  if (fromDeposit > 0) entries.push({ orgId: merchantId, account: 'merchant_deposit', amount: fromDeposit });
  if (advanced > 0) entries.push({ orgId: merchantId, account: 'merchant_debt', amount: advanced });
  entries.push({ orgId: null, account: 'provider_clearing', amount: -(fromDeposit + advanced) });
  return entries;
}

/** A merchant's debt settled out of what the platform owes it for its sales. */
export function debtNettingEntries(merchantId: string, amount: number): EntryInput[] {
  return [
    { orgId: merchantId, account: 'merchant_payable', amount },
    { orgId: merchantId, account: 'merchant_debt', amount: -amount },
  ];
}
