/**
 * An after-sales claim's life as a table of moves (Vendure keeps its order process so): each move
 * names the statuses it leaves, the one it reaches and who may make it. Guards that need more than
 * the status (a reason for a rejection, a tracking number) are small named functions below.
 */
export const claimKinds = [
  'refund_only',
  'return_refund',
  'exchange',
  'counterfeit',
  'late_delivery',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

export const claimStatuses = [
  /** Opened; in the same write it is approved (a right says so) or waits for the merchant. */
  'requested',
  /** The merchant answers before `due_at`, or it is approved when that passes. */
  'awaiting_merchant',
  /** Approved: the refund (and any compensation) is made, or the goods are asked back first. */
  'approved',
  /** The shopper sends the goods back (a tracking number) or hands them in at a store before `due_at`. */
  'awaiting_return',
  /** On its way back; the merchant receives it, or the refund is made when `due_at` passes. */
  'returning',
  /** Inspected: sellable or damaged. The refund is made before `due_at` (48 h by default). */
  'received',
  /** Refused by the merchant with a reason; the shopper may escalate before `due_at`. */
  'rejected',
  /** The shopper asked the platform to rule; the operator's verdict comes with its reason. */
  'escalated',
  /** Done: the money is back (and any compensation paid). */
  'refunded',
  /** Done: a replacement was sent. */
  'exchanged',
  /** Done without a refund: withdrawn, not returned in time, or ruled for the merchant. */
  'closed',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const terminalStatuses: readonly ClaimStatus[] = ['refunded', 'exchanged', 'closed'];

export type Actor = 'shopper' | 'merchant' | 'store' | 'operator' | 'system';

export const claimMoves = {
  /** A right approves it at once (fast refund, late delivery, refund without return). */
  approve_at_once: { from: ['requested'], to: 'approved', by: ['system'] },
  await_merchant: { from: ['requested'], to: 'awaiting_merchant', by: ['system'] },
  approve: { from: ['awaiting_merchant'], to: 'approved', by: ['merchant'] },
  /** The merchant did not answer in time: approved for it. */
  review_lapsed: { from: ['awaiting_merchant'], to: 'approved', by: ['system'] },
  reject: { from: ['awaiting_merchant'], to: 'rejected', by: ['merchant'] },
  /** An approved return or exchange: the goods come back first. */
  ask_return: { from: ['approved'], to: 'awaiting_return', by: ['system'] },
  ship_return: { from: ['awaiting_return'], to: 'returning', by: ['shopper'] },
  /** The merchant inspects a parcel that came back; a store, goods handed in at its counter. */
  receive: { from: ['returning', 'awaiting_return'], to: 'received', by: ['merchant', 'store'] },
  /** The shopper did not send the goods back in time. */
  return_lapsed: { from: ['awaiting_return'], to: 'closed', by: ['system'] },
  refund: { from: ['approved', 'received'], to: 'refunded', by: ['merchant', 'system'] },
  /** The parcel is back and nobody inspected it in time: the refund is made. */
  refund_lapsed: { from: ['returning', 'received'], to: 'refunded', by: ['system'] },
  exchange: { from: ['received'], to: 'exchanged', by: ['merchant', 'store'] },
  escalate: { from: ['rejected'], to: 'escalated', by: ['shopper'] },
  accept_rejection: { from: ['rejected'], to: 'closed', by: ['shopper'] },
  escalation_lapsed: { from: ['rejected'], to: 'closed', by: ['system'] },
  rule_for_shopper: { from: ['escalated'], to: 'approved', by: ['operator'] },
  rule_for_merchant: { from: ['escalated'], to: 'closed', by: ['operator'] },
  withdraw: {
    from: ['awaiting_merchant', 'awaiting_return', 'rejected', 'escalated'],
    to: 'closed',
    by: ['shopper'],
  },
} as const satisfies Record<string, { from: readonly ClaimStatus[]; to: ClaimStatus; by: readonly Actor[] }>;
export type ClaimMove = keyof typeof claimMoves;

/** What a move may need besides the status: the words of a rejection or verdict, a tracking number. */
export type MoveInput = {
  reason?: string | null;
  tracking?: string | null;
  condition?: 'sellable' | 'damaged' | null;
};

/**
 * Why `by` may not make `move` on a claim in `status`, or null. The refusal names the field to
 * fix where a field is missing.
 */
export function claimMoveRefusal(
  status: ClaimStatus,
  move: ClaimMove,
  by: Actor,
  input: MoveInput = {},
): { message: string; field?: string } | null {
  const m = claimMoves[move];
  if (!(m.from as readonly ClaimStatus[]).includes(status))
    return { message: `a ${status} claim cannot ${move}` };
  if (!(m.by as readonly Actor[]).includes(by)) return { message: `${by} may not ${move} a claim` };
  if (
    (move === 'reject' || move === 'rule_for_shopper' || move === 'rule_for_merchant') &&
    !input.reason?.trim()
  )
    return { message: 'say why', field: 'reason' };
  if (move === 'ship_return' && !input.tracking?.trim())
    return { message: 'the tracking number', field: 'tracking' };
  if (move === 'receive' && !input.condition) return { message: 'sellable or damaged', field: 'condition' };
  return null;
}

/** Whether the goods come back before the money does. */
export function needsReturn(kind: ClaimKind): boolean {
  return kind === 'return_refund' || kind === 'exchange';
}

/** The deadlines the operator sets, in hours (defaults: the strictest live-commerce rules). */
export type Deadlines = {
  /** A refund-only claim before the order shipped. */
  reviewBeforeShipmentH: number;
  /** A refund-only claim after it shipped, and a counterfeit claim. */
  reviewAfterShipmentH: number;
  /** A return or exchange. */
  reviewReturnH: number;
  /** The shopper sends the goods back. */
  returnWithinH: number;
  /** A parcel on its way back: after this the refund is made as if it was received. */
  returnTransitH: number;
  /** The refund after the goods arrived. */
  refundAfterArrivalH: number;
  /** The shopper escalates a rejection. */
  escalateWithinH: number;
};

export const defaultDeadlines: Deadlines = {
  reviewBeforeShipmentH: 24,
  reviewAfterShipmentH: 36,
  reviewReturnH: 36,
  returnWithinH: 7 * 24,
  returnTransitH: 10 * 24,
  refundAfterArrivalH: 48,
  escalateWithinH: 72,
};

/**
 * When a claim that has just reached `status` must have moved on, or null when nothing waits on
 * the clock; and the move the clock makes then.
 */
export function deadlineOf(
  status: ClaimStatus,
  claim: { kind: ClaimKind; shipped: boolean },
  d: Deadlines,
  now: Date,
): { dueAt: string; lapse: ClaimMove } | null {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();
  switch (status) {
    case 'awaiting_merchant': {
      const hours = needsReturn(claim.kind)
        ? d.reviewReturnH
        : claim.shipped
          ? d.reviewAfterShipmentH
          : d.reviewBeforeShipmentH;
      return { dueAt: at(hours), lapse: 'review_lapsed' };
    }
    case 'awaiting_return':
      return { dueAt: at(d.returnWithinH), lapse: 'return_lapsed' };
    case 'returning':
      return { dueAt: at(d.returnTransitH), lapse: 'refund_lapsed' };
    case 'received':
      return { dueAt: at(d.refundAfterArrivalH), lapse: 'refund_lapsed' };
    case 'rejected':
      return { dueAt: at(d.escalateWithinH), lapse: 'escalation_lapsed' };
    default:
      return null;
  }
}
