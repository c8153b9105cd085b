import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'flywheel-signature';

/**
 * `Flywheel-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. Signing
 * the timestamp with the body lets a receiver refuse replays older than its tolerance.
 */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does: true when the signature matches and is within `toleranceSeconds`. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Delay before attempt `attempt + 1` (1-based attempts made): base x 3^(attempt-1), capped at 6 h. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(6 * 3_600_000, baseMs * 3 ** Math.max(0, attempt - 1));
}

/** An endpoint subscribed to `*`, to the exact type, or to `module.*`. */
export function matchesEventType(subscribed: string[], type: string): boolean {
  return subscribed.some(
    (s) => s === '*' || s === type || (s.endsWith('.*') && type.startsWith(s.slice(0, -1))),
  );
}
