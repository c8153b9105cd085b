import { sql } from 'kysely';
import { addMs, iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { paymentEntries, postTransaction, refundEntries } from '../../ledger/index.js';
import { effectOf, type Notification, type PaymentStatus } from '../domain/payment.js';
import type { PaymentProvider } from '../provider.js';
import type { PaymentsTables } from '../repo.js';
import { recordIntent } from './intents.js';

export type PaymentRow = PaymentsTables['payments_payment'];

/** A payment by id. */
export async function findPayment(db: Executor, id: string): Promise<PaymentRow> {
  return db
    .selectFrom('payments_payment')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('payment', id));
}

export function paymentView(p: PaymentRow) {
  return {
    id: p.id,
    orderId: p.order_id,
    provider: p.provider,
    providerRef: p.provider_ref,
    amount: Number(p.amount),
    refunded: Number(p.refunded),
    currency: p.currency,
    status: p.status,
    payUrl: p.pay_url,
    expiresAt: p.expires_at,
    paidAt: p.paid_at,
  };
}

/**
 * A payment for an order, made with the provider once this write commits: opened on its pay
 * page (the shopper has `ttlMinutes` to pay), or taken at once with the shopper's payment code
 * (`authCode`, at the counter).
 */
export async function createPayment(
  ctx: WriteCtx,
  provider: PaymentProvider,
  input: {
    orgId: string;
    shopperId: string;
    orderId: string;
    amount: number;
    ttlMinutes: number;
    description: string;
    returnUrl: string;
    /** The code on the shopper's phone, scanned at the counter: no pay page is opened. */
    authCode?: string;
  },
): Promise<PaymentRow> {
  const id = newId('pay');
  const now = iso(ctx.now);
  const row: PaymentRow = {
    id,
    org_id: input.orgId,
    shopper_id: input.shopperId,
    order_id: input.orderId,
    provider: provider.name,
    provider_ref: null,
    amount: input.amount,
    refunded: 0,
    currency: 'CNY',
    status: 'created',
    // Known once the provider has opened it, after this write commits (`runIntents`).
    pay_url: '',
    expires_at: iso(addMs(ctx.now, input.ttlMinutes * 60_000)),
    paid_at: null,
    created_at: now,
    updated_at: now,
  };
  await insertRows(ctx.trx, 'payments_payment', [row]);
  if (input.authCode)
    await recordIntent(ctx, id, 'micropay', { amount: input.amount, authCode: input.authCode });
  else
    await recordIntent(ctx, id, 'open', {
      amount: input.amount,
      description: input.description,
      returnUrl: input.returnUrl,
    });
  return row;
}

export type NotificationOutcome = 'applied' | 'duplicate' | 'refunded_late' | 'ignored';

/**
 * Applies a verified notification exactly once. The notification's id is recorded first
 * (`on conflict do nothing`), so a repeat finds it there and changes nothing; the payment moves
 * by one conditional update, so two different notifications of one payment take it once.
 */
export async function applyNotification(
  ctx: WriteCtx,
  provider: PaymentProvider,
  n: Notification,
  rawBody: string,
): Promise<{ outcome: NotificationOutcome; paymentId: string }> {
  const payment = await ctx.trx
    .selectFrom('payments_payment')
    .selectAll()
    .where('id', '=', n.paymentId)
    .where('provider', '=', provider.name)
    .executeTakeFirst();
  if (!payment)
    throw new DomainError('payments.not_found', `no ${provider.name} payment ${n.paymentId}`, {
      errors: [{ field: 'resource.out_trade_no', message: 'unknown payment' }],
    });
  if (n.eventType === 'TRANSACTION.SUCCESS' && n.amount !== Number(payment.amount)) {
    throw new DomainError(
      'payments.amount_mismatch',
      `notified ${n.amount} fen, payment is ${payment.amount}`,
      {
        errors: [{ field: 'resource.amount.total', message: `expected ${payment.amount}` }],
      },
    );
  }
  const recorded = await ctx.trx
    .insertInto('payments_notification')
    .values({
      id: newId('pnt'),
      provider: provider.name,
      notification_id: n.id,
      payment_id: payment.id,
      event_type: n.eventType,
      outcome: 'pending',
      body: rawBody,
      received_at: iso(ctx.now),
    })
    .onConflict((oc) => oc.columns(['provider', 'notification_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!recorded) return { outcome: 'duplicate', paymentId: payment.id };

  const outcome = await effect(ctx, payment, n);
  await ctx.trx.updateTable('payments_notification').set({ outcome }).where('id', '=', recorded.id).execute();
  return { outcome, paymentId: payment.id };
}

async function effect(ctx: WriteCtx, payment: PaymentRow, n: Notification): Promise<NotificationOutcome> {
  const what = effectOf(n.eventType, payment.status);
  if (what === 'ignore') return 'ignored';
  if (what === 'already_paid') return 'duplicate';
  const from: PaymentStatus = what === 'mark_paid' ? 'created' : 'closed';
  const paidAt = iso(ctx.now);
  const moved = await ctx.trx
    .updateTable('payments_payment')
    .set({ status: 'paid', provider_ref: n.transactionId, paid_at: paidAt, updated_at: paidAt })
    .where('id', '=', payment.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return 'duplicate';
  const paid: PaymentRow = { ...payment, status: 'paid', provider_ref: n.transactionId, paid_at: paidAt };
  await postTransaction(ctx, {
    kind: 'payment',
    refType: 'payment',
    refId: payment.id,
    memo: `order ${payment.order_id}`,
    entries: paymentEntries(payment.org_id, Number(payment.amount)),
  });
  // Its in-transaction hooks (orders pays the order) run here, so a payment is never taken
  // without its order learning of it, or twice.
  await ctx.emit({
    type: 'payments.payment_taken',
    aggregateId: payment.id,
    orgId: payment.org_id,
    payload: { orderId: payment.order_id, amount: Number(payment.amount), late: what === 'paid_after_close' },
  });
  if (what === 'paid_after_close') {
    // The order was closed before the money came: nothing is sold, so the money goes back.
    await refundPayment(ctx, paid, Number(payment.amount), 'paid after the order was closed');
    return 'refunded_late';
  }
  return 'applied';
}

/** Gives money back: at most what was paid and not yet refunded, booked in the ledger. */
export async function refundPayment(ctx: WriteCtx, payment: PaymentRow, amount: number, reason: string) {
  const moved = await ctx.trx
    .updateTable('payments_payment')
    .set((eb) => ({
      refunded: eb('refunded', '+', amount),
      status: eb
        .case()
        .when(eb('refunded', '+', amount), '=', eb.ref('amount'))
        .then(sql.lit<PaymentStatus>('refunded'))
        .else(sql.lit<PaymentStatus>('partially_refunded'))
        .end(),
      updated_at: iso(ctx.now),
    }))
    .where('id', '=', payment.id)
    .where('status', 'in', ['paid', 'partially_refunded'])
    .where((eb) => eb(eb('refunded', '+', amount), '<=', eb.ref('amount')))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    throw new DomainError('payments.refund_exceeds', 'the refund is more than what is left of the payment', {
      errors: [{ field: 'amount', message: 'exceeds the refundable amount' }],
    });
  const id = newId('rfd');
  // The money is owed now and booked now; the provider is asked after commit.
  await ctx.trx
    .insertInto('payments_refund')
    .values({
      id,
      org_id: payment.org_id,
      payment_id: payment.id,
      amount,
      reason,
      provider_ref: null,
      status: 'pending',
      created_at: iso(ctx.now),
    })
    .execute();
  await recordIntent(ctx, payment.id, 'refund', { refundId: id, amount });
  await postTransaction(ctx, {
    kind: 'refund',
    refType: 'refund',
    refId: id,
    memo: reason,
    entries: refundEntries(payment.org_id, amount),
  });
  await ctx.emit({
    type: 'payments.payment_refunded',
    aggregateId: payment.id,
    orgId: payment.org_id,
    payload: { orderId: payment.order_id, refundId: id, amount, reason },
  });
  return id;
}

/** Closes an unpaid payment (its order was cancelled or expired). Returns false when it was paid meanwhile. */
export async function closePayment(ctx: WriteCtx, paymentId: string): Promise<boolean> {
  const moved = await ctx.trx
    .updateTable('payments_payment')
    .set({ status: 'closed', updated_at: iso(ctx.now) })
    .where('id', '=', paymentId)
    .where('status', '=', 'created')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return false;
  await recordIntent(ctx, paymentId, 'close', {});
  // A payment code not yet taken is not taken now (one being taken, if paid, comes back late and is refunded).
  await ctx.trx
    .updateTable('payments_intent')
    .set({ status: 'done', done_at: iso(ctx.now), args: '{}' })
    .where('payment_id', '=', paymentId)
    .where('kind', '=', 'micropay')
    .where('status', '=', 'pending')
    .execute();
  return true;
}

/**
 * Pays a compensation to the shopper of a paid payment: recorded now, the provider asked after
 * commit. The caller books it in the ledger (whose money it is: the merchant's deposit, or the
 * platform's advance); returns the transfer's id, the cause of that booking.
 */
export async function payShopper(
  ctx: WriteCtx,
  payment: PaymentRow,
  amount: number,
  reason: string,
): Promise<string> {
  if (!['paid', 'partially_refunded', 'refunded'].includes(payment.status))
    throw new DomainError('payments.not_paid', 'a compensation goes to the shopper of a paid payment', {
      errors: [{ field: 'paymentId', message: 'not paid' }],
    });
  const id = newId('ptr');
  await ctx.trx
    .insertInto('payments_transfer')
    .values({
      id,
      org_id: payment.org_id,
      payment_id: payment.id,
      amount,
      reason,
      provider_ref: null,
      status: 'pending',
      created_at: iso(ctx.now),
    })
    .execute();
  await recordIntent(ctx, payment.id, 'transfer', { transferId: id, amount });
  await ctx.emit({
    type: 'payments.transfer_made',
    aggregateId: payment.id,
    orgId: payment.org_id,
    payload: { orderId: payment.order_id, transferId: id, amount, reason },
  });
  return id;
}
