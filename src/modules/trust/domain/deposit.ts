/**
 * How a compensation is paid: out of the merchant's deposit as far as it goes, the rest advanced
 * by the platform as the merchant's debt.
 */
export function drawOnDeposit(amount: number, deposit: number): { fromDeposit: number; advanced: number } {
  const fromDeposit = Math.max(0, Math.min(amount, deposit));
  return { fromDeposit, advanced: amount - fromDeposit };
}

/** What of a merchant's debt its payable settles now: all of it, or as much as the payable holds. */
export function nettable(debt: number, payable: number): number {
  return Math.max(0, Math.min(debt, payable));
}
