import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type EntryInput, type TransactionKind, unbalanced } from '../domain/accounts.js';

export type PostInput = {
  kind: TransactionKind;
  refType: string;
  refId: string;
  memo?: string | null;
  entries: EntryInput[];
};

/**
 * Books one balanced transaction in the caller's write. A second booking of the same kind for
 * the same cause fails on the unique index, so a command that runs twice cannot pay twice.
 * An unbalanced one is a programming error: it throws and the whole write rolls back.
 */
export async function postTransaction(ctx: WriteCtx, input: PostInput): Promise<string> {
  const problem = unbalanced(input.entries);
  if (problem) throw new DomainError('ledger.unbalanced', problem, { kind: input.kind, refId: input.refId });
  const id = newId('ltx');
  const now = iso(ctx.now);
  await insertRows(ctx.trx, 'ledger_transaction', [
    {
      id,
      kind: input.kind,
      ref_type: input.refType,
      ref_id: input.refId,
      memo: input.memo ?? null,
      currency: 'CNY',
      created_at: now,
    },
  ]);
  await insertRows(
    ctx.trx,
    'ledger_entry',
    input.entries.map((e) => ({
      id: newId('len'),
      transaction_id: id,
      org_id: e.orgId,
      account: e.account,
      amount: e.amount,
      currency: 'CNY',
      created_at: now,
    })),
  );
  return id;
}
