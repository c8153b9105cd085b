import type { Executor } from '../../platform/db/database.js';
import type { WriteCtx } from '../../platform/write.js';
import type { Notification } from './domain/payment.js';

/**
 * What Flywheel needs of a payment provider (WeChat Pay, Alipay, the sandbox). Calls that change
 * the provider's side take the write's context: the sandbox keeps its books in the same
 * database, so a crash can never leave the two sides disagreeing.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Opens the payment with the provider; returns the page where the shopper pays. */
  open(
    ctx: WriteCtx,
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
    ctx: WriteCtx,
    p: { paymentId: string; refundId: string; amount: number },
  ): Promise<{ providerRef: string }>;
  /**
   * In-store payment: the cashier scans the code on the shopper's phone (WeChat Pay's micropay,
   * Alipay's barcode pay) and the provider answers at once. Throws when it refuses.
   */
  micropay(ctx: WriteCtx, p: { paymentId: string; amount: number; authCode: string }): Promise<Notification>;
  /** Closes an unpaid payment so the pay page refuses it. */
  close(ctx: WriteCtx, paymentId: string): Promise<void>;
}
