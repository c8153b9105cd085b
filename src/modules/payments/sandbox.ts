import { randomBytes } from 'node:crypto';
import { fetch } from 'undici';
import { addMs, iso } from '../../platform/clock.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { WriteCtx } from '../../platform/write.js';
import {
  checkSandboxSignature,
  type Notification,
  sandboxHeaders,
  sandboxSignature,
} from './domain/payment.js';
import type { PaymentProvider } from './provider.js';

export type SandboxOptions = {
  /** The merchant key both sides sign with. */
  key: string;
  /** Where this server is reached: the pay page and the notify URL hang off it. */
  publicUrl: string;
  /** Delay of the first notification after a payment; later copies come later. */
  notifyDelayMs: number;
  /** How long each call takes to answer, as over the network to a real provider. */
  latencyMs?: number;
};

/**
 * A sandbox payment provider that behaves like WeChat Pay and Alipay: its own pay page, then
 * signed notifications that arrive after a delay, each at least twice, and a refund's notice
 * that may overtake them. Flywheel must take each payment exactly once whatever arrives.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  constructor(private readonly opts: SandboxOptions) {}

  get notifyUrl(): string {
    return `${this.opts.publicUrl}/api/payments/notify/sandbox`;
  }

  /** The network between Flywheel and the provider. */
  private async answer(): Promise<void> {
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
  }

  async open(db: Db, now: Date, p: { paymentId: string; amount: number; returnUrl: string }) {
    await this.answer();
    // Opened again after a crash: the charge of that payment id is already there.
    await db
      .insertInto('payments_sandbox_charge')
      .values({
        id: newId('sbc'),
        payment_id: p.paymentId,
        amount: p.amount,
        notify_url: this.notifyUrl,
        status: 'unpaid',
        transaction_id: null,
        paid_at: null,
        refunded: 0,
        created_at: iso(now),
      })
      .onConflict((oc) => oc.column('payment_id').doNothing())
      .execute();
    const back = encodeURIComponent(p.returnUrl);
    return { payUrl: `${this.opts.publicUrl}/sandbox/pay/${p.paymentId}?return=${back}` };
  }

  verify(headers: Record<string, string | string[] | undefined>, rawBody: string, now: Date): Notification {
    const check = checkSandboxSignature(this.opts.key, headers, rawBody, now);
    if (check !== 'ok') {
      throw new DomainError(
        'payments.signature_invalid',
        check === 'stale' ? 'the notification is older than the replay window' : `signature ${check}`,
        { errors: [{ field: sandboxHeaders.signature, message: check }] },
      );
    }
    let body: any;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new DomainError('payments.notification_invalid', 'the notification is not JSON', {
        errors: [{ field: 'body', message: 'not JSON' }],
      });
    }
    const r = body?.resource;
    const ok =
      typeof body?.id === 'string' &&
      ['TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'TRANSACTION.CLOSED'].includes(body?.event_type) &&
      typeof r?.out_trade_no === 'string' &&
      typeof r?.transaction_id === 'string' &&
      Number.isSafeInteger(r?.amount?.total);
    if (!ok)
      throw new DomainError('payments.notification_invalid', 'the notification lacks a field', {
        errors: [{ field: 'body', message: 'id, event_type and resource are required' }],
      });
    return {
      id: body.id,
      eventType: body.event_type,
      paymentId: r.out_trade_no,
      transactionId: r.transaction_id,
      amount: r.amount.total,
      currency: r.amount.currency ?? 'CNY',
      occurredAt: r.success_time ?? body.create_time,
    };
  }

  async query(db: Executor, paymentId: string) {
    const c = await db
      .selectFrom('payments_sandbox_charge')
      .select(['status', 'transaction_id', 'amount'])
      .where('payment_id', '=', paymentId)
      .executeTakeFirst();
    if (!c) return { status: 'unknown' as const, transactionId: null, amount: 0 };
    return {
      status: c.status === 'failed' ? ('unpaid' as const) : c.status,
      transactionId: c.transaction_id,
      amount: Number(c.amount),
    };
  }

  async refund(db: Db, now: Date, p: { paymentId: string; refundId: string; amount: number }) {
    await this.answer();
    await db.transaction().execute(async (trx) => {
      const charge = await trx
        .selectFrom('payments_sandbox_charge')
        .selectAll()
        .where('payment_id', '=', p.paymentId)
        .executeTakeFirstOrThrow();
      // The same refund asked for twice (a retry after a crash) is made once.
      const first = await trx
        .insertInto('payments_sandbox_refund')
        .values({ refund_id: p.refundId, charge_id: charge.id, amount: p.amount, created_at: iso(now) })
        .onConflict((oc) => oc.column('refund_id').doNothing())
        .returning('refund_id')
        .executeTakeFirst();
      if (!first) return;
      await trx
        .updateTable('payments_sandbox_charge')
        .set((eb) => ({ refunded: eb('refunded', '+', p.amount) }))
        .where('id', '=', charge.id)
        .execute();
      await this.enqueue(trx, charge, now, [
        { delayMs: this.opts.notifyDelayMs / 2, body: this.notice('REFUND.SUCCESS', charge, p.amount, now) },
      ]);
    });
    return { providerRef: `sbr_${p.refundId}` };
  }

  async transfer(db: Db, now: Date, p: { paymentId: string; transferId: string; amount: number }) {
    await this.answer();
    const charge = await db
      .selectFrom('payments_sandbox_charge')
      .select('id')
      .where('payment_id', '=', p.paymentId)
      .executeTakeFirstOrThrow();
    // The same transfer asked for twice (a retry after a crash) is paid once.
    await db
      .insertInto('payments_sandbox_transfer')
      .values({ transfer_id: p.transferId, charge_id: charge.id, amount: p.amount, created_at: iso(now) })
      .onConflict((oc) => oc.column('transfer_id').doNothing())
      .execute();
    return { providerRef: `sbt_${p.transferId}` };
  }

  async close(db: Db, _now: Date, paymentId: string) {
    await this.answer();
    await db
      .updateTable('payments_sandbox_charge')
      .set({ status: 'closed' })
      .where('payment_id', '=', paymentId)
      .where('status', '=', 'unpaid')
      .execute();
  }

  /**
   * The shopper pays on the sandbox's page. Like the real providers it then notifies, twice
   * (the second copy as if the first reply were lost), the first after the configured delay.
   * Paying a closed charge is refused, unless `late` asks the sandbox to take it anyway, as a
   * real provider does when the shopper was already past its check.
   */
  async pay(
    db: Db,
    paymentId: string,
    now: Date,
    opts: { late?: boolean } = {},
  ): Promise<'paid' | 'closed' | 'already'> {
    return db.transaction().execute(async (trx) => {
      const charge = await trx
        .selectFrom('payments_sandbox_charge')
        .selectAll()
        .where('payment_id', '=', paymentId)
        .executeTakeFirst();
      if (!charge) throw new DomainError('payments.not_found', `no sandbox charge for ${paymentId}`);
      if (charge.status === 'paid') return 'already';
      if (charge.status === 'closed' && !opts.late) return 'closed';
      const transactionId = `4200${Date.now()}${randomBytes(3).toString('hex')}`;
      await trx
        .updateTable('payments_sandbox_charge')
        .set({ status: 'paid', transaction_id: transactionId, paid_at: iso(now) })
        .where('id', '=', charge.id)
        .where('status', '=', charge.status)
        .execute();
      const paid = { ...charge, transaction_id: transactionId };
      const body = this.notice('TRANSACTION.SUCCESS', paid, Number(charge.amount), now);
      await this.enqueue(trx, paid, now, [
        { delayMs: this.opts.notifyDelayMs, body },
        { delayMs: this.opts.notifyDelayMs * 3, body },
      ]);
      return 'paid';
    });
  }

  /**
   * Takes a WeChat Pay code (18 digits from 10 to 15). As a test card does, a code ending in 0000
   * is declined (the shopper's balance is short). The answer crosses the network after the
   * charge: a caller that dies waiting has been charged, and asking again gives the same answer.
   */
  async micropay(db: Db, now: Date, p: { paymentId: string; amount: number; authCode: string }) {
    if (!/^1[0-5]\d{16}$/.test(p.authCode)) {
      await this.answer();
      throw new DomainError('payments.auth_code_invalid', 'the sandbox takes WeChat Pay codes only', {
        errors: [{ field: 'authCode', message: 'a WeChat Pay code: 18 digits starting with 10 to 15' }],
      });
    }
    if (p.authCode.endsWith('0000')) {
      await this.answer();
      throw new DomainError('payments.payment_refused', 'the shopper’s balance is too low', {
        errors: [{ field: 'authCode', message: 'declined: balance too low' }],
      });
    }
    const notice = await db.transaction().execute((trx) => this.charge(trx, now, p.paymentId, p.amount));
    await this.answer();
    return notice;
  }

  /**
   * Takes the payment at once, inside the caller's write, with no notification to send: the
   * demo world's history, whose payments were made long ago. Returns what the provider would
   * have notified.
   */
  async takeNow(ctx: WriteCtx, paymentId: string): Promise<Notification> {
    const payment = await ctx.trx
      .selectFrom('payments_payment')
      .select('amount')
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    return this.charge(ctx.trx, ctx.now, paymentId, Number(payment.amount));
  }

  /** A charge with no pay page (nothing opened it), paid at once; paid already, as it was. */
  private async charge(trx: Executor, now: Date, paymentId: string, amount: number): Promise<Notification> {
    await trx
      .insertInto('payments_sandbox_charge')
      .values({
        id: newId('sbc'),
        payment_id: paymentId,
        amount,
        notify_url: this.notifyUrl,
        status: 'unpaid',
        transaction_id: null,
        paid_at: null,
        refunded: 0,
        created_at: iso(now),
      })
      .onConflict((oc) => oc.column('payment_id').doNothing())
      .execute();
    const charge = await trx
      .selectFrom('payments_sandbox_charge')
      .selectAll()
      .where('payment_id', '=', paymentId)
      .executeTakeFirstOrThrow();
    let transactionId = charge.transaction_id;
    let paidAt = charge.paid_at;
    if (charge.status !== 'paid' || !transactionId || !paidAt) {
      transactionId = `4200${now.getTime()}${randomBytes(3).toString('hex')}`;
      paidAt = iso(now);
      await trx
        .updateTable('payments_sandbox_charge')
        .set({ status: 'paid', transaction_id: transactionId, paid_at: paidAt })
        .where('id', '=', charge.id)
        .execute();
    }
    return {
      id: `sbn_direct_${paymentId}`,
      eventType: 'TRANSACTION.SUCCESS',
      paymentId,
      transactionId,
      amount: Number(charge.amount),
      currency: 'CNY',
      occurredAt: paidAt,
    };
  }

  private notice(
    eventType: Notification['eventType'],
    charge: { payment_id: string; transaction_id: string | null },
    amount: number,
    now: Date,
  ): string {
    return JSON.stringify({
      id: newId('sbn'),
      create_time: iso(now),
      event_type: eventType,
      resource: {
        out_trade_no: charge.payment_id,
        transaction_id: charge.transaction_id ?? '',
        amount: { total: amount, currency: 'CNY' },
        success_time: iso(now),
      },
    });
  }

  private async enqueue(
    db: Executor,
    charge: { id: string; notify_url: string },
    now: Date,
    notices: Array<{ delayMs: number; body: string }>,
  ) {
    await db
      .insertInto('payments_sandbox_notice')
      .values(
        notices.map((n) => ({
          id: newId('sbq'),
          charge_id: charge.id,
          notify_url: charge.notify_url,
          body: n.body,
          deliver_at: iso(addMs(now, n.delayMs)),
          attempts: 0,
          delivered_at: null,
          last_status: null,
        })),
      )
      .execute();
  }

  /** Signs a body as the sandbox does when it sends it (tests and the checkout bench use this). */
  sign(body: string, now: Date): Record<string, string> {
    const ts = String(Math.floor(now.getTime() / 1000));
    const nonce = randomBytes(12).toString('hex');
    return {
      'content-type': 'application/json',
      [sandboxHeaders.timestamp]: ts,
      [sandboxHeaders.nonce]: nonce,
      [sandboxHeaders.signature]: sandboxSignature(this.opts.key, ts, nonce, body),
    };
  }
}

export type NoticeSender = (url: string, headers: Record<string, string>, body: string) => Promise<number>;

const httpSender: NoticeSender = async (url, headers, body) => {
  const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
  await res.body?.cancel();
  return res.status;
};

/** WeChat Pay retries an unanswered notification at 15 s, 15 s, 30 s, 3 min, 10 min …; so do we. */
const retryDelaysMs = [15_000, 15_000, 30_000, 180_000, 600_000, 1_200_000, 1_800_000];

/** Sends the sandbox's due notifications, signed at sending time; returns how many were answered 2xx. */
export async function sendSandboxNotices(
  deps: {
    db: Db;
    now: Date;
    logger?: Logger /** Send what is due by then (tests: everything queued). */;
    dueBy?: Date;
  },
  provider: SandboxProvider,
  send: NoticeSender = httpSender,
  limit = 100,
): Promise<number> {
  const due = await deps.db
    .selectFrom('payments_sandbox_notice')
    .selectAll()
    .where('delivered_at', 'is', null)
    .where('deliver_at', '<=', iso(deps.dueBy ?? deps.now))
    .orderBy('deliver_at')
    .limit(limit)
    .execute();
  let answered = 0;
  await Promise.all(
    due.map(async (n) => {
      let status = 0;
      try {
        status = await send(n.notify_url, provider.sign(n.body, deps.now), n.body);
      } catch (error) {
        deps.logger?.warn({ err: error, notice: n.id }, 'sandbox notification not delivered');
      }
      const done = status >= 200 && status < 300;
      if (done) answered++;
      const attempts = n.attempts + 1;
      const giveUp = attempts > retryDelaysMs.length;
      await deps.db
        .updateTable('payments_sandbox_notice')
        .set({
          attempts,
          last_status: status,
          delivered_at: done || giveUp ? iso(deps.now) : null,
          deliver_at: done || giveUp ? n.deliver_at : iso(addMs(deps.now, retryDelaysMs[attempts - 1])),
        })
        .where('id', '=', n.id)
        .execute();
    }),
  );
  return answered;
}
