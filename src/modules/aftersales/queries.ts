import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { referenceCache } from '../../platform/db/reference.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { DomainError } from '../../platform/errors.js';
import { paginate } from '../../platform/http/pagination.js';
import type { Principal } from '../../platform/principal.js';
import type { ClaimRow } from './commands/move.js';
import type { ClaimStatus } from './domain/claims.js';
import { defaultPolicy, type Policy } from './domain/policy.js';

const policies = referenceCache<Policy>(async (db, keys) => {
  const row = await db
    .selectFrom('aftersales_policy')
    .select('policy')
    .where('id', '=', 1)
    .executeTakeFirst();
  const policy = row ? ({ ...defaultPolicy, ...JSON.parse(row.policy) } as Policy) : defaultPolicy;
  return new Map(keys.map((k) => [k, policy]));
});

/** The operator's after-sales rules now (the defaults until the operator sets them). */
export const policyOf = (db: Executor): Promise<Policy> => policies.get(db, 'policy');

function claimView(c: ClaimRow) {
  return {
    id: c.id,
    code: c.code,
    orgId: c.org_id,
    orderId: c.order_id,
    kind: c.kind,
    status: c.status,
    reason: c.reason,
    description: c.description,
    refundFen: Number(c.refund_fen),
    refundedFen: Number(c.refunded_fen),
    compensatedFen: Number(c.compensated_fen),
    dueAt: c.due_at,
    returnTracking: c.return_tracking,
    returnFreightFen: c.return_freight_fen === null ? null : Number(c.return_freight_fen),
    condition: c.condition,
    rejectionReason: c.rejection_reason,
    verdict: c.verdict,
    verdictReason: c.verdict_reason,
    counterfeit: c.counterfeit === 1,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** The workbench's groups of claims, each a set of statuses. */
export const claimGroups = {
  handle: ['awaiting_merchant', 'received'],
  returning: ['approved', 'awaiting_return', 'returning'],
  escalated: ['rejected', 'escalated'],
  done: ['refunded', 'exchanged', 'closed'],
} as const satisfies Record<string, readonly ClaimStatus[]>;
export type ClaimGroup = keyof typeof claimGroups;

/**
 * Claims a principal sees: a shopper their own, a brand those on its orders, the operator all.
 * The newest first; a group of open claims (the merchant's workbench, the arbitration queue)
 * by deadline, the most pressing first, with a cursor over (deadline, id).
 */
export async function listClaims(
  db: Executor,
  p: Principal,
  q: { status?: ClaimStatus; group?: ClaimGroup; limit?: number; cursor?: string },
) {
  let query = TenantScope.of(db, p).selectFrom('aftersales_claim').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.group) query = query.where('status', 'in', claimGroups[q.group]);
  if (!q.group || q.group === 'done') {
    const page = await paginate(query, 'id', q);
    return { items: page.items.map(claimView), nextCursor: page.nextCursor };
  }
  const limit = q.limit ?? 50;
  // Every open claim of these groups has a deadline but `approved`, passing at once: sorted as the far future.
  const due = sql<string>`coalesce(due_at, '9999')`;
  if (q.cursor) {
    const { at, id } = decodeDeadlineCursor(q.cursor);
    query = query.where((eb) => eb.or([eb(due, '>', at), eb.and([eb(due, '=', at), eb('id', '>', id)])]));
  }
  const rows = await query
    .orderBy(due)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(claimView),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ at: last.due_at ?? '9999', id: last.id })).toString('base64url')
        : null,
  };
}

/** One claim with its lines, its history and its messages. */
export async function getClaim(db: Executor, p: Principal, id: string) {
  const claim = await TenantScope.of(db, p)
    .selectFrom('aftersales_claim')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!claim) throw new DomainError('tenant.violation', 'claim not found');
  const [lines, history, messages] = await Promise.all([
    db
      .selectFrom('aftersales_claim_line')
      .innerJoin('orders_line_view', 'orders_line_view.id', 'aftersales_claim_line.order_line_id')
      .select([
        'aftersales_claim_line.order_line_id',
        'aftersales_claim_line.sku_id',
        'aftersales_claim_line.quantity',
        'aftersales_claim_line.amount',
        'orders_line_view.name',
        'orders_line_view.name_en',
        'orders_line_view.options',
      ])
      .where('aftersales_claim_line.claim_id', '=', id)
      .execute(),
    db
      .selectFrom('aftersales_history')
      .selectAll()
      .where('claim_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('aftersales_message')
      .selectAll()
      .where('claim_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...claimView(claim),
    lines: lines.map((l) => ({
      orderLineId: l.order_line_id,
      skuId: l.sku_id,
      name: l.name,
      nameEn: l.name_en,
      options: JSON.parse(l.options) as Record<string, string>,
      quantity: Number(l.quantity),
      amount: Number(l.amount),
    })),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      move: h.move,
      by: h.actor_type,
      note: h.note,
      at: h.created_at,
    })),
    messages: messages.map((m) => ({ id: m.id, author: m.author_type, body: m.body, at: m.created_at })),
  };
}

/** A cursor over (deadline, id) that this API issued; anything else is a 400 and reaches no query. */
function decodeDeadlineCursor(cursor: string): { at: string; id: string } {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof c.at === 'string' &&
      /^(9999|\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.test(c.at) &&
      typeof c.id === 'string' &&
      /^clm_[0-9a-z]{26}$/.test(c.id)
    )
      return c;
  } catch {
    // the 400 below
  }
  throw new DomainError('pagination.cursor_invalid', 'cursor is not one this API issued', {
    errors: [{ field: 'cursor', message: 'not a cursor issued by this API' }],
  });
}

/** The claim as the command that moves it reads it: the principal must see it. */
export async function claimFor(db: Executor, p: Principal | null, id: string): Promise<ClaimRow> {
  const q = p ? TenantScope.of(db, p).selectFrom('aftersales_claim') : db.selectFrom('aftersales_claim');
  const claim = await q.selectAll().where('id', '=', id).executeTakeFirst();
  if (!claim) throw new DomainError('tenant.violation', 'claim not found');
  return claim;
}

/** Claims whose deadline has passed: the sweeper's round. */
export async function dueClaims(db: Executor, now: Date, limit = 100) {
  return db
    .selectFrom('aftersales_claim')
    .select('id')
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(limit)
    .execute();
}
