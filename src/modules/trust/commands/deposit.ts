import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorId, type MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { depositEntries, postTransaction } from '../../ledger/index.js';
import { moneyOf } from '../queries.js';
import { evaluateShop, lockAccount } from './evaluate.js';

export type DepositInput = { amount: number; source: 'transfer' | 'payable'; reference?: string };

/**
 * A brand pays into its deposit, by bank transfer or out of what its sales earned, and is judged
 * again at once: enough deposit raises its tier. Under the account lock, so two payments out of
 * one payable cannot both spend it.
 */
export async function payDeposit(ctx: WriteCtx, p: MemberPrincipal, input: DepositInput) {
  const orgId = p.orgId;
  await lockAccount(ctx, orgId);
  if (input.source === 'payable') {
    const { payableFen } = (await moneyOf(ctx.trx, [orgId])).get(orgId)!;
    if (payableFen < input.amount)
      throw new DomainError('trust.payable_short', `the platform owes the brand ${payableFen} fen`, {
        errors: [{ field: 'amount', message: `at most ${Math.max(payableFen, 0)} fen from the payable` }],
        payableFen,
      });
  }
  const id = newId('dep');
  await insertRows(ctx.trx, 'trust_deposit', [
    {
      id,
      org_id: orgId,
      amount: input.amount,
      source: input.source,
      reference: input.reference ?? null,
      actor_id: actorId(p),
      created_at: iso(ctx.now),
    },
  ]);
  await postTransaction(ctx, {
    kind: 'deposit',
    refType: 'deposit',
    refId: id,
    memo: input.reference ?? null,
    entries: depositEntries(orgId, input.amount, input.source),
  });
  const { depositFen } = (await moneyOf(ctx.trx, [orgId])).get(orgId)!;
  await ctx.emit({
    type: 'trust.deposit_paid',
    aggregateId: id,
    orgId,
    payload: { amount: input.amount, source: input.source, balance: depositFen },
  });
  const { tier } = await evaluateShop(ctx, orgId, 'deposit');
  return { id, depositFen, tier: tier ? { code: tier.code, name: tier.name, nameEn: tier.nameEn } : null };
}
