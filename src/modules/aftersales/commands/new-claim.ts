import { newId, newSecret } from '../../../platform/ids.js';
import type { ClaimRow } from './move.js';

/** The short code a shopper shows at a store's counter: 8 letters and digits, no look-alikes. */
export function claimCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...newSecret(8)]
    .map((c) => alphabet[c.charCodeAt(0) % alphabet.length])
    .join('')
    .slice(0, 8);
}

/** A claim as it is first written: requested, nothing paid, nothing returned, nobody's verdict. */
export function newClaim(
  p: Pick<
    ClaimRow,
    | 'org_id'
    | 'shopper_id'
    | 'order_id'
    | 'payment_id'
    | 'kind'
    | 'reason'
    | 'description'
    | 'refund_fen'
    | 'rights_id'
    | 'rights'
  > & { now: string; id?: string },
): ClaimRow {
  const { now, id, ...given } = p;
  return {
    id: id ?? newId('clm'),
    code: claimCode(),
    ...given,
    status: 'requested',
    refunded_fen: 0,
    compensated_fen: 0,
    shipped: 1,
    due_at: null,
    lapse: null,
    return_tracking: null,
    return_freight_fen: null,
    return_location_id: null,
    condition: null,
    rejection_reason: null,
    verdict: null,
    verdict_reason: null,
    counterfeit: 0,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
