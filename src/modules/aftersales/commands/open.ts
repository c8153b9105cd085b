import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import { DomainError, type ErrorCode } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { findPayment } from '../../payments/index.js';
import { type Rights, rightsOfOrder } from '../../trust/index.js';
import { withoutReturnRefusals } from '../domain/abuse.js';
import { paidPerLine } from '../domain/amounts.js';
import { type ClaimKind, terminalStatuses } from '../domain/claims.js';
import type { ClaimReason, Policy } from '../domain/policy.js';
import { type ClaimRow, moveClaim } from './move.js';
import { newClaim } from './new-claim.js';

export type OpenClaimInput = {
  orderId: string;
  kind: Exclude<ClaimKind, 'late_delivery'>;
  reason: ClaimReason;
  description?: string;
  lines: Array<{ orderLineId: string; quantity: number }>;
};

const shippedStatuses = ['out_for_delivery', 'delivered', 'picked_up'];
const day = 86_400_000;

const refuse = (code: ErrorCode, field: string, message: string) =>
  new DomainError(code, message, { errors: [{ field, message }] });

/**
 * A shopper claims on lines of their order. Checked: the order is theirs and paid, its goods have
 * left, the claim is within its window (a no-reason return within the days its rights give, and
 * not for an excluded category), the lines are the order's and not claimed beyond what was bought,
 * and the shopper has not too many claims open. Each line's share of what was paid is held by one
 * conditional statement, so two racing claims never hold more than was paid. Then the order's
 * rights decide: approved at once (fast refund, refund without return for a shopper who earns it)
 * or waiting for the merchant until the deadline.
 */
export async function openClaim(ctx: WriteCtx, policy: Policy, shopperId: string, input: OpenClaimInput) {
  const order = await ctx.trx
    .selectFrom('orders_order_view')
    .selectAll()
    .where('id', '=', input.orderId)
    .where('shopper_id', '=', shopperId)
    .executeTakeFirst();
  if (!order)
    throw new DomainError('tenant.violation', 'order not found', {
      errors: [{ field: 'orderId', message: 'not your order' }],
    });
  const payment = await findPayment(ctx.trx, order.payment_id);
  // A refunded payment is left to the lines' counters: they say which line has nothing left.
  if (!['paid', 'partially_refunded', 'refunded'].includes(payment.status))
    throw refuse('aftersales.not_paid', 'orderId', 'the order is not paid');
  const shipments = await ctx.trx
    .selectFrom('fulfilment_shipment_view')
    .select(['status', 'delivered_at'])
    .where('order_id', '=', order.id)
    .execute();
  if (!shipments.some((s) => shippedStatuses.includes(s.status)))
    throw refuse('aftersales.not_shipped', 'orderId', 'nothing has left yet: cancel the order instead');
  const deliveredAt = shipments
    .map((s) => s.delivered_at)
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  const { rightsId, rights } = await rightsOfOrder(ctx.trx, order.id);
  await checkWindow(ctx, policy, input, rights, deliveredAt);
  const open = await ctx.trx
    .selectFrom('aftersales_claim')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('shopper_id', '=', shopperId)
    .where('status', 'not in', terminalStatuses)
    .executeTakeFirstOrThrow();
  if (Number(open.n) >= policy.abuse.maxOpenClaims)
    throw refuse(
      'aftersales.too_many_open',
      'orderId',
      `at most ${policy.abuse.maxOpenClaims} claims open at once`,
    );

  const orderLines = await ctx.trx
    .selectFrom('orders_line_view')
    .selectAll()
    .where('order_id', '=', order.id)
    .execute();
  const paid = paidPerLine(
    orderLines.map((l) => ({ id: l.id, skuId: l.sku_id, lineTotal: Number(l.line_total) })),
    JSON.parse(order.adjustments),
  );
  const id = newId('clm');
  const held: Array<{ order_line_id: string; sku_id: string; quantity: number; amount: number }> = [];
  for (const [i, want] of input.lines.entries()) {
    if (input.lines.findIndex((l) => l.orderLineId === want.orderLineId) !== i)
      throw refuse(
        'aftersales.line_twice',
        `lines[${i}].orderLineId`,
        'this line is named twice: give its quantity once',
      );
    const line = orderLines.find((l) => l.id === want.orderLineId);
    if (!line)
      throw refuse('aftersales.line_not_in_order', `lines[${i}].orderLineId`, 'not a line of this order');
    await ctx.trx
      .insertInto('aftersales_line')
      .values({
        order_line_id: line.id,
        order_id: order.id,
        org_id: order.org_id,
        quantity: Number(line.quantity),
        paid: paid.get(line.id)!,
        claimed_quantity: 0,
        claimed: 0,
        last_claimed: 0,
        refunded: 0,
      })
      .onConflict((oc) => oc.column('order_line_id').doNothing())
      .execute();
    // The last units claimed take what is left of the line's payment, so its claims sum to it exactly.
    // Cast: SQLite binds a JS number as a real, and would divide to fractions of a fen.
    const share = sql<number>`case when claimed_quantity + ${want.quantity} = quantity then paid - claimed
      else cast(paid * ${want.quantity} / quantity as bigint) end`;
    const moved = await ctx.trx
      .updateTable('aftersales_line')
      // Both read the row as it was: what this claim takes, and the running total.
      .set({
        claimed_quantity: sql`claimed_quantity + ${want.quantity}`,
        claimed: sql`claimed + ${share}`,
        last_claimed: share,
      })
      .where('order_line_id', '=', line.id)
      .where(sql<boolean>`claimed_quantity + ${want.quantity} <= quantity`)
      .returning('last_claimed')
      .executeTakeFirst();
    if (!moved)
      throw refuse(
        'aftersales.quantity_exceeds',
        `lines[${i}].quantity`,
        'more than is left to claim of this line',
      );
    held.push({
      order_line_id: line.id,
      sku_id: line.sku_id,
      quantity: want.quantity,
      amount: Number(moved.last_claimed),
    });
  }
  const refund = held.reduce((n, l) => n + l.amount, 0);
  const now = iso(ctx.now);
  const claim = newClaim({
    id,
    org_id: order.org_id,
    shopper_id: shopperId,
    order_id: order.id,
    payment_id: order.payment_id,
    kind: input.kind,
    reason: input.reason,
    description: input.description ?? null,
    refund_fen: refund,
    rights_id: rightsId,
    rights: JSON.stringify(rights),
    now,
  });
  await ctx.trx.insertInto('aftersales_claim').values(claim).execute();
  await ctx.trx
    .insertInto('aftersales_claim_line')
    .values(held.map((l) => ({ claim_id: id, ...l })))
    .execute();
  await ctx.emit({
    type: 'aftersales.claim_opened',
    aggregateId: id,
    orgId: order.org_id,
    payload: { orderId: order.id, kind: input.kind, reason: input.reason, refund },
  });
  const atOnce = await approvedAtOnce(ctx, policy, claim, rights, Number(order.total), shopperId);
  return moveClaim(ctx, policy, claim, atOnce ? 'approve_at_once' : 'await_merchant', 'system');
}

/** Whether the order's rights approve the claim without the merchant. */
async function approvedAtOnce(
  ctx: WriteCtx,
  policy: Policy,
  claim: ClaimRow,
  rights: Rights,
  orderTotal: number,
  shopperId: string,
): Promise<boolean> {
  if (claim.kind === 'counterfeit') return false;
  if (rights.fastRefund && Number(claim.refund_fen) <= rights.fastRefund.maxFen) return true;
  if (
    claim.kind !== 'refund_only' ||
    !rights.refundWithoutReturn ||
    orderTotal > rights.refundWithoutReturn.maxOrderFen
  )
    return false;
  return withoutReturnRefusals(await historyOf(ctx, shopperId, claim.id), policy.abuse).length === 0;
}

/** The shopper's record before this claim (`claimId`, already written, is not counted against them). */
async function historyOf(ctx: WriteCtx, shopperId: string, claimId: string) {
  const since = (days: number) => new Date(ctx.now.getTime() - days * day).toISOString();
  const [shopper, orders, claims, refunds] = await Promise.all([
    ctx.trx
      .selectFrom('identity_shopper_view')
      .select('created_at')
      .where('id', '=', shopperId)
      .executeTakeFirst(),
    ctx.trx
      .selectFrom('orders_order_view')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shopper_id', '=', shopperId)
      .where('placed_at', '>=', since(90))
      .executeTakeFirstOrThrow(),
    ctx.trx
      .selectFrom('aftersales_claim')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shopper_id', '=', shopperId)
      .where('id', '!=', claimId)
      // A late parcel's compensation is the merchant's lateness, not the shopper's claiming.
      .where('kind', '!=', 'late_delivery')
      .where('created_at', '>=', since(90))
      .executeTakeFirstOrThrow(),
    ctx.trx
      .selectFrom('aftersales_claim')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shopper_id', '=', shopperId)
      .where('kind', '!=', 'late_delivery')
      .where('status', '=', 'refunded')
      .where('updated_at', '>=', since(30))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    accountAgeDays: shopper ? (ctx.now.getTime() - new Date(shopper.created_at).getTime()) / day : 0,
    orders90d: Number(orders.n),
    claims90d: Number(claims.n),
    refunds30d: Number(refunds.n),
    openClaims: 0,
  };
}

/**
 * A no-reason return within the days the order's rights give after delivery, and not for a
 * category they exclude; a defect within the policy's window, a counterfeit within its longer one.
 */
async function checkWindow(
  ctx: WriteCtx,
  policy: Policy,
  input: OpenClaimInput,
  rights: Rights,
  deliveredAt: string | undefined,
) {
  const noReason = input.reason === 'no_reason';
  if (noReason && !rights.noReasonReturn)
    throw refuse('aftersales.no_such_right', 'reason', 'this order has no no-reason return');
  if (noReason && !deliveredAt)
    throw refuse(
      'aftersales.not_delivered',
      'reason',
      'a no-reason return starts once the goods are delivered',
    );
  const days = noReason
    ? rights.noReasonReturn!.days
    : input.kind === 'counterfeit'
      ? policy.windows.counterfeitDays
      : policy.windows.claimDays;
  const from = new Date(deliveredAt ?? ctx.now.toISOString()).getTime();
  if (ctx.now.getTime() > from + days * day)
    throw refuse(
      'aftersales.window_closed',
      noReason ? 'reason' : 'kind',
      `claims of this kind end ${days} days after delivery`,
    );
  const excluded = rights.noReasonReturn?.excludedCategories ?? [];
  if (!noReason || excluded.length === 0) return;
  const lines = await ctx.trx
    .selectFrom('orders_line_view')
    .innerJoin('catalog_product_view', 'catalog_product_view.id', 'orders_line_view.product_id')
    .select(['orders_line_view.id', 'catalog_product_view.category'])
    .where('orders_line_view.order_id', '=', input.orderId)
    .execute();
  for (const [i, want] of input.lines.entries()) {
    const category = lines.find((l) => l.id === want.orderLineId)?.category;
    if (category && excluded.includes(category))
      throw refuse(
        'aftersales.category_excluded',
        `lines[${i}].orderLineId`,
        `${category} has no no-reason return`,
      );
  }
}
