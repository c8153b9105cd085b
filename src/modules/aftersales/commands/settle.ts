import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import type { WriteCtx } from '../../../platform/write.js';
import { findPayment, refundPayment } from '../../payments/index.js';
import { compensate, lateDeliveryCompensation, type Rights } from '../../trust/index.js';
import { counterfeitCompensation, freightCompensation } from '../domain/amounts.js';
import type { ClaimRow } from './move.js';

/**
 * The compensation a claim earns under the rights its order was placed with (DESIGN §6.5): ten
 * times (the right's multiple) what a counterfeit line was paid; the return freight up to the
 * cap; the late-delivery amount. In fen.
 */
export function compensationOf(claim: ClaimRow, rights: Rights, deliveryFee: number): number {
  if (claim.kind === 'counterfeit')
    return claim.counterfeit === 1 && rights.fakeOnePayTen
      ? counterfeitCompensation(Number(claim.refund_fen), rights.fakeOnePayTen.multiple)
      : 0;
  if (claim.kind === 'late_delivery') return lateDeliveryCompensation(rights, deliveryFee);
  if (claim.return_freight_fen && rights.returnShipping)
    return freightCompensation(Number(claim.return_freight_fen), rights.returnShipping.capFen);
  return 0;
}

/**
 * Pays a refunded claim: the money its lines were paid back through the payment provider (a
 * balanced refund in the ledger), each line's refunds kept within what was paid for it by one
 * conditional statement, then the compensation its rights give, from the merchant's deposit
 * (and the platform's advance beyond it).
 */
export async function settleClaim(ctx: WriteCtx, claim: ClaimRow): Promise<void> {
  const payment = await findPayment(ctx.trx, claim.payment_id);
  const refund = Number(claim.refund_fen);
  if (refund > 0) {
    const lines = await ctx.trx
      .selectFrom('aftersales_claim_line')
      .selectAll()
      .where('claim_id', '=', claim.id)
      .execute();
    for (const l of lines) {
      const moved = await ctx.trx
        .updateTable('aftersales_line')
        .set({ refunded: sql`refunded + ${Number(l.amount)}` })
        .where('order_line_id', '=', l.order_line_id)
        .where(sql<boolean>`refunded + ${Number(l.amount)} <= paid`)
        .executeTakeFirst();
      // The counters are held at the claim's opening; a refund past them is a bug, never a payout.
      if (Number(moved.numUpdatedRows) === 0)
        throw new Error(`claim ${claim.id} would refund line ${l.order_line_id} past what was paid`);
    }
    await refundPayment(ctx, payment, refund, `claim ${claim.code}`);
  }
  const order = await ctx.trx
    .selectFrom('orders_order_view')
    .select('delivery_fee')
    .where('id', '=', claim.order_id)
    .executeTakeFirstOrThrow();
  const compensation = compensationOf(claim, JSON.parse(claim.rights) as Rights, Number(order.delivery_fee));
  if (compensation > 0) await compensate(ctx, payment, compensation, `claim ${claim.code}: ${claim.kind}`);
  await ctx.trx
    .updateTable('aftersales_claim')
    .set({ refunded_fen: refund, compensated_fen: compensation, updated_at: iso(ctx.now) })
    .where('id', '=', claim.id)
    .execute();
  await ctx.emit({
    type: 'aftersales.claim_settled',
    aggregateId: claim.id,
    orgId: claim.org_id,
    payload: { orderId: claim.order_id, refunded: refund, compensated: compensation },
  });
}
