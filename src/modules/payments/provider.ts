import type { Db, Executor } from '../../platform/db/database.js';
import type { Notification } from './domain/payment.js';

/**
 * What Flywheel needs of a payment provider (WeChat Pay, Alipay, the sandbox). `open`, `refund`
 * and `close` are called after the write that decided on them has committed, never inside a
 * transaction (`payments_intent`), and may be called again for the same ids after a crash: the
 * provider is idempotent on the payment and refund ids, as WeChat Pay is on `out_trade_no` and
 * `out_refund_no`. `db` is the connection an in-process provider (the sandbox) keeps its books on.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Opens the payment with the provider; returns the page where the shopper pays. */
  open(
    db: Db,
    now: Date,
    p: { paymentId: string; amount: number; description: string; returnUrl: string },
  ): Promise<{ payUrl: string }>;
  /**
   * Checks a notification's signature and freshness and reads it. Throws a 401 problem for a
   * missing, forged or stale signature: such a notification has no effect at all.
   */
  verify(headers: Record<string, string | string[] | undefined>, rawBody: string, now: Date): Notification;
  /** What the provider says of a payment now: for reconciliation and a notification that never came. */
  query(
    db: Executor,
    paymentId: string,
  ): Promise<{
    status: 'unpaid' | 'paid' | 'closed' | 'unknown';
    transactionId: string | null;
    amount: number;
  }>;
  /** Returns money to the shopper; the provider confirms it synchronously or by a later notification. */
  refund(
    db: Db,
    now: Date,
    p: { paymentId: string; refundId: string; amount: number },
  ): Promise<{ providerRef: string }>;
  /**
   * In-store payment: the cashier scans the code on the shopper's phone (WeChat Pay's micropay,
   * Alipay's barcode pay) and the provider answers at once with what it would notify. Throws a
   * `DomainError` when it refuses the code (final: the payment is announced refused); any other
   * error is a call to make again, which takes the payment once.
   */
  micropay(
    db: Db,
    now: Date,
    p: { paymentId: string; amount: number; authCode: string },
  ): Promise<Notification>;
  /**
   * Pays money to the payer of a payment beyond its refunds (WeChat Pay's transfer to the
   * payer's balance): a compensation. Idempotent on `transferId`.
   */
  transfer(
    db: Db,
    now: Date,
    p: { paymentId: string; transferId: string; amount: number },
  ): Promise<{ providerRef: string }>;
  /** Closes an unpaid payment so the pay page refuses it. */
  close(db: Db, now: Date, paymentId: string): Promise<void>;
}
