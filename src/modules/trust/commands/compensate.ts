import type { FlywheelEvent } from '../../../platform/events.js';
import type { WriteCtx } from '../../../platform/write.js';
import { balancesOf, compensationEntries, debtNettingEntries, postTransaction } from '../../ledger/index.js';
import { type PaymentRow, payShopper } from '../../payments/index.js';
import { drawOnDeposit, nettable } from '../domain/deposit.js';
import { moneyOf } from '../queries.js';
import { evaluateShop, lockAccount } from './evaluate.js';

/**
 * Pays a compensation a right gives (fake one pay ten, return freight, late delivery) to the
 * shopper of `payment`, on the merchant's behalf: out of its deposit as far as it goes, the rest
 * advanced by the platform as the merchant's debt, then the merchant is judged again (a deposit
 * drawn below its tier's minimum drops the tier). Under the merchant's account lock, so racing
 * compensations never draw the same deposit twice.
 */
export async function compensate(ctx: WriteCtx, payment: PaymentRow, amount: number, reason: string) {
  const orgId = payment.org_id;
  await lockAccount(ctx, orgId);
  const { depositFen } = (await moneyOf(ctx.trx, [orgId])).get(orgId)!;
  const { fromDeposit, advanced } = drawOnDeposit(amount, depositFen);
  const transferId = await payShopper(ctx, payment, amount, reason);
  await postTransaction(ctx, {
    kind: 'compensation',
    refType: 'transfer',
    refId: transferId,
    memo: reason,
    entries: compensationEntries(orgId, fromDeposit, advanced),
  });
  await evaluateShop(ctx, orgId, 'claim');
  return { transferId, fromDeposit, advanced };
}

/**
 * A merchant's debt (compensations the platform advanced) is netted from its next payable: after
 * a payment to it is taken, as much of the debt as its payable now holds. Once per payment.
 */
export async function netDebt(ctx: WriteCtx, e: FlywheelEvent<'payments.payment_taken'>): Promise<void> {
  const orgId = e.orgId;
  if (!orgId) return;
  // After every payment: only the debt account is read (a few entries, by index), not the payable.
  const debt = (await balancesOf(ctx.trx, [orgId], ['merchant_debt'])).get(orgId)?.merchant_debt ?? 0;
  if (debt <= 0) return;
  await lockAccount(ctx, orgId);
  const { debtFen, payableFen } = (await moneyOf(ctx.trx, [orgId])).get(orgId)!;
  const amount = nettable(debtFen, payableFen);
  if (amount === 0) return;
  await postTransaction(ctx, {
    kind: 'debt_netting',
    refType: 'payment',
    refId: e.aggregateId,
    memo: null,
    entries: debtNettingEntries(orgId, amount),
  });
}
