import type { TFunction } from 'i18next';
import { formatTime } from './format';

/** A claim as the API gives it (`GET /api/shop/claims/:id`, `/api/aftersales/claims/:id`). */
export type Claim = {
  id: string;
  code: string;
  orgId: string;
  orderId: string;
  kind: string;
  status: string;
  reason: string;
  description: string | null;
  refundFen: number;
  refundedFen: number;
  compensatedFen: number;
  dueAt: string | null;
  returnTracking: string | null;
  returnFreightFen: number | null;
  condition: string | null;
  rejectionReason: string | null;
  verdict: string | null;
  verdictReason: string | null;
  counterfeit: boolean;
  createdAt: string;
  updatedAt: string;
};

export type ClaimDetail = Claim & {
  lines: Array<{
    orderLineId: string;
    name: string;
    nameEn: string | null;
    options: Record<string, string>;
    quantity: number;
    amount: number;
  }>;
  history: Array<{
    from: string | null;
    to: string;
    move: string;
    by: string;
    note: string | null;
    at: string;
  }>;
  messages: Array<{ id: string; author: string; body: string; at: string }>;
};

export const openStatuses = [
  'requested',
  'awaiting_merchant',
  'approved',
  'awaiting_return',
  'returning',
  'received',
  'rejected',
  'escalated',
];

const dueKey: Record<string, string> = {
  awaiting_merchant: 'claims.due',
  awaiting_return: 'claims.dueReturn',
  returning: 'claims.dueRefund',
  received: 'claims.dueRefund',
  rejected: 'claims.dueEscalate',
};

/** What waits on the clock, in words: "the merchant answers by …", "send it back by …". */
export function dueText(c: Pick<Claim, 'status' | 'dueAt'>, t: TFunction, lang: string): string | null {
  if (!c.dueAt || !dueKey[c.status]) return null;
  return t(dueKey[c.status], { when: formatTime(c.dueAt, lang) });
}

export const statusColor = (s: string) =>
  s === 'refunded' || s === 'exchanged'
    ? 'green'
    : s === 'rejected'
      ? 'red'
      : s === 'escalated'
        ? 'purple'
        : s === 'closed'
          ? 'default'
          : 'orange';
