import { addMs, iso } from '../../../platform/clock.js';
import type { Db, Executor } from '../../../platform/db/database.js';
import { DomainError, type FieldError, isErrorCode } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { Logger } from '../../../platform/logger.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { Notification } from '../domain/payment.js';
import type { PaymentProvider } from '../provider.js';
import type { IntentKind, PaymentsTables } from '../repo.js';
import { applyNotification } from './payments.js';

type IntentRow = PaymentsTables['payments_intent'];

/** How long a runner holds an intent it took; past that, another may take it (its runner died). */
const claimMs = 30_000;
const retryMs = (attempts: number) => Math.min(60_000, 500 * 2 ** Math.min(attempts, 7));
/**
 * The request that opens a payment (or takes a payment code) makes the call itself and answers
 * with its result; the worker takes the call only if that request did not (it died), after this long.
 */
const requestGraceMs = 10_000;
const madeByRequest: ReadonlySet<IntentKind> = new Set(['open', 'micropay']);

/** Records, in the write's transaction, a provider call to make once it has committed. */
export async function recordIntent(
  ctx: WriteCtx,
  paymentId: string,
  kind: IntentKind,
  args: Record<string, unknown>,
): Promise<void> {
  await ctx.trx
    .insertInto('payments_intent')
    .values({
      id: newId('pin'),
      payment_id: paymentId,
      kind,
      args: JSON.stringify(args),
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_at: iso(madeByRequest.has(kind) ? addMs(ctx.now, requestGraceMs) : ctx.now),
      created_at: iso(ctx.now),
      done_at: null,
      refusal: null,
    })
    .execute();
  ctx.wake();
}

export type IntentDeps = {
  db: Db;
  clock: { now(): Date };
  logger: Logger;
  provider: PaymentProvider;
  /** A write of the system's own, whose events reach the hooks (a payment taken pays its order). */
  write<T>(action: string, fn: (ctx: WriteCtx) => Promise<T>): Promise<T>;
};

/**
 * Makes the provider calls that committed writes decided on: those of one payment (the request
 * that placed an order waits for its payment to open), or every one due (the worker, which
 * also finishes what a crash interrupted). Each is claimed first, by one conditional update, so
 * two runners never make the same call at once; its result is applied by another, so it counts
 * once however often the call is made. No transaction is open while the provider answers.
 */
export async function runIntents(
  deps: IntentDeps,
  which: { paymentId: string } | 'due' | 'all' = 'due',
): Promise<number> {
  const now = deps.clock.now();
  let q = deps.db
    .selectFrom('payments_intent')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(which === 'all' ? 10_000 : 50);
  // `all`, on start: what a process that died had claimed is not waited for.
  if (typeof which === 'object') q = q.where('payment_id', '=', which.paymentId);
  else if (which === 'due') q = q.where('next_attempt_at', '<=', iso(now));
  const due = await q.execute();
  let done = 0;
  for (const intent of due) if (await runOne(deps, intent)) done++;
  return done;
}

async function runOne(deps: IntentDeps, intent: IntentRow): Promise<boolean> {
  // A claim is an update of its attempts: of two runners, one takes it.
  const { db, provider } = deps;
  const now = deps.clock.now();
  const claimed = await db
    .updateTable('payments_intent')
    .set({ next_attempt_at: iso(addMs(now, claimMs)), attempts: intent.attempts + 1 })
    .where('id', '=', intent.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', intent.attempts)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return false;
  const args = JSON.parse(intent.args);
  try {
    if (intent.kind === 'open') {
      const { payUrl } = await provider.open(db, now, { paymentId: intent.payment_id, ...args });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('payments_payment')
          .set({ pay_url: payUrl })
          .where('id', '=', intent.payment_id)
          .where('pay_url', '=', '')
          .execute();
        await finish(trx, intent, now);
      });
    } else if (intent.kind === 'refund') {
      const { providerRef } = await provider.refund(db, now, { paymentId: intent.payment_id, ...args });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('payments_refund')
          .set({ status: 'succeeded', provider_ref: providerRef })
          .where('id', '=', args.refundId)
          .where('status', '=', 'pending')
          .execute();
        await finish(trx, intent, now);
      });
    } else if (intent.kind === 'transfer') {
      const { providerRef } = await provider.transfer(db, now, { paymentId: intent.payment_id, ...args });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('payments_transfer')
          .set({ status: 'succeeded', provider_ref: providerRef })
          .where('id', '=', args.transferId)
          .where('status', '=', 'pending')
          .execute();
        await finish(trx, intent, now);
      });
    } else if (intent.kind === 'micropay') {
      await micropay(deps, intent, args, now);
    } else {
      await provider.close(db, now, intent.payment_id);
      await finish(db, intent, now);
    }
    return true;
  } catch (error) {
    deps.logger.warn(
      { err: error, intent: intent.id, kind: intent.kind },
      'provider call failed; will retry',
    );
    await db
      .updateTable('payments_intent')
      .set({
        last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        next_attempt_at: iso(addMs(deps.clock.now(), retryMs(intent.attempts + 1))),
      })
      .where('id', '=', intent.id)
      .execute();
    return false;
  }
}

/**
 * Takes the shopper's payment code: what the provider answers is applied as its notification
 * would be (the order it pays hears of it); a refusal is final, recorded with the intent and
 * announced, so that whoever sold can take the sale back. A payment no longer open (the sale was
 * cancelled, or its time ran out while the provider was unreachable) is not taken at all. The
 * code itself is forgotten once answered: it is the shopper's, good for one payment.
 */
async function micropay(
  deps: IntentDeps,
  intent: IntentRow,
  args: { amount: number; authCode: string },
  now: Date,
): Promise<void> {
  const answered = JSON.stringify({ amount: args.amount });
  const payment = await deps.db
    .selectFrom('payments_payment')
    .select(['status', 'expires_at'])
    .where('id', '=', intent.payment_id)
    .executeTakeFirstOrThrow();
  if (payment.status !== 'created' || payment.expires_at <= iso(now)) {
    await finish(deps.db, intent, now, answered);
    return;
  }
  let notice: Notification;
  try {
    notice = await deps.provider.micropay(deps.db, now, { paymentId: intent.payment_id, ...args });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const refusal: Refusal = { code: error.code, message: error.message, errors: error.details.errors ?? [] };
    await deps.write('payments.micropay.refused', async (ctx) => {
      const moved = await ctx.trx
        .updateTable('payments_intent')
        .set({ status: 'refused', refusal: JSON.stringify(refusal), args: answered, done_at: iso(now) })
        .where('id', '=', intent.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return;
      const payment = await ctx.trx
        .selectFrom('payments_payment')
        .select(['org_id', 'order_id'])
        .where('id', '=', intent.payment_id)
        .executeTakeFirstOrThrow();
      await ctx.emit({
        type: 'payments.payment_refused',
        aggregateId: intent.payment_id,
        orgId: payment.org_id,
        payload: { orderId: payment.order_id, code: refusal.code, reason: refusal.message },
      });
    });
    return;
  }
  await deps.write('payments.micropay.taken', async (ctx) => {
    await applyNotification(ctx, deps.provider, notice, JSON.stringify({ source: 'micropay' }));
    await finish(ctx.trx, intent, now, answered);
  });
}

type Refusal = { code: string; message: string; errors: FieldError[] };

/**
 * How the provider answered a payment's call of `kind` (the request that took a payment code
 * reports it, the first time and when replayed): `pending` while it is still to be made.
 */
export async function intentOutcome(
  db: Executor,
  paymentId: string,
  kind: IntentKind,
): Promise<{ status: 'pending' | 'done' } | { status: 'refused'; refusal: DomainError }> {
  const row = await db
    .selectFrom('payments_intent')
    .select(['status', 'refusal'])
    .where('payment_id', '=', paymentId)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) return { status: 'pending' };
  if (row.status !== 'refused' || !row.refusal) return { status: row.status === 'done' ? 'done' : 'pending' };
  const r: Refusal = JSON.parse(row.refusal);
  const code = isErrorCode(r.code) ? r.code : 'payments.payment_refused';
  return { status: 'refused', refusal: new DomainError(code, r.message, { errors: r.errors }) };
}

async function finish(
  db: Pick<Db, 'updateTable'>,
  intent: IntentRow,
  now: Date,
  args: string = intent.args,
): Promise<void> {
  await db
    .updateTable('payments_intent')
    .set({ status: 'done', done_at: iso(now), args })
    .where('id', '=', intent.id)
    .where('status', '=', 'pending')
    .execute();
}
