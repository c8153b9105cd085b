import { createHmac, timingSafeEqual } from 'node:crypto';

export const paymentStatuses = ['created', 'paid', 'closed', 'refunded', 'partially_refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** A provider's notification after its signature was checked: what it says happened. */
export type Notification = {
  /** The provider's id of this notification: a repeat of it is the same notification. */
  id: string;
  eventType: 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'TRANSACTION.CLOSED';
  /** Our payment id (`out_trade_no`). */
  paymentId: string;
  /** The provider's transaction number. */
  transactionId: string;
  amount: number;
  currency: string;
  occurredAt: string;
};

/**
 * The sandbox's signature, shaped like WeChat Pay's API v2 key signature: HMAC-SHA256 with the
 * merchant key over timestamp, nonce and body, each followed by a newline.
 */
export function sandboxSignature(key: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}\n${nonce}\n${body}\n`).digest('base64');
}

export const sandboxHeaders = {
  timestamp: 'sandbox-pay-timestamp',
  nonce: 'sandbox-pay-nonce',
  signature: 'sandbox-pay-signature',
} as const;

/** How far a notification's timestamp may be from now: older ones are replays (WeChat: 5 minutes). */
export const notificationToleranceSeconds = 300;

export type SignatureCheck = 'ok' | 'missing' | 'forged' | 'stale';

export function checkSandboxSignature(
  key: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): SignatureCheck {
  const [ts, nonce, sig] = [
    headers[sandboxHeaders.timestamp],
    headers[sandboxHeaders.nonce],
    headers[sandboxHeaders.signature],
  ];
  if (typeof ts !== 'string' || typeof nonce !== 'string' || typeof sig !== 'string') return 'missing';
  const expected = Buffer.from(sandboxSignature(key, ts, nonce, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged';
  const seconds = Number(ts);
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() / 1000 - seconds) > notificationToleranceSeconds)
    return 'stale';
  return 'ok';
}

/** What a notification does to a payment in a given status (exactly once per payment). */
export type NotificationEffect = 'mark_paid' | 'already_paid' | 'paid_after_close' | 'ignore';

export function effectOf(eventType: Notification['eventType'], status: PaymentStatus): NotificationEffect {
  if (eventType !== 'TRANSACTION.SUCCESS') return 'ignore';
  if (status === 'created') return 'mark_paid';
  // The shopper paid after the order was closed (the pay page was still open): refund it.
  if (status === 'closed') return 'paid_after_close';
  return 'already_paid';
}
