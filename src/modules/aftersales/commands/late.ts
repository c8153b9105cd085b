import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import type { EventInput } from '../../../platform/events.js';
import type { WriteCtx } from '../../../platform/write.js';
import { lateDeliveryCompensation, rightsOfOrder } from '../../trust/index.js';
import type { Policy } from '../domain/policy.js';
import { moveClaim } from './move.js';
import { newClaim } from './new-claim.js';

/**
 * Late-delivery compensation, automatically (issue 12, item 1): a parcel delivered after its
 * promise opens a claim of the system's own for the order, approved at once and paid under the
 * rights the order was placed with. Once per order, whatever else arrives late.
 */
export async function compensateLateParcel(
  ctx: WriteCtx,
  policy: Policy,
  e: EventInput<'fulfilment.shipment_delivered'>,
): Promise<void> {
  const promiseAt = e.payload.promiseAt;
  if (!promiseAt || iso(ctx.now) <= promiseAt) return;
  const { rightsId, rights } = await rightsOfOrder(ctx.trx, e.payload.orderId);
  const order = await ctx.trx
    .selectFrom('orders_order_view')
    .select(['id', 'org_id', 'shopper_id', 'payment_id', 'delivery_fee'])
    .where('id', '=', e.payload.orderId)
    .executeTakeFirstOrThrow();
  if (lateDeliveryCompensation(rights, Number(order.delivery_fee)) === 0) return;
  const now = iso(ctx.now);
  const claim = newClaim({
    org_id: order.org_id,
    shopper_id: order.shopper_id,
    order_id: order.id,
    payment_id: order.payment_id,
    kind: 'late_delivery',
    reason: 'late',
    description: `promised ${promiseAt}, delivered ${now}`,
    refund_fen: 0,
    rights_id: rightsId,
    rights: JSON.stringify(rights),
    now,
  });
  const opened = await ctx.trx
    .insertInto('aftersales_claim')
    .values(claim)
    .onConflict((oc) =>
      // The index's own predicate, as a literal: SQLite matches a partial index by its text.
      oc.column('order_id').where(sql<boolean>`kind = 'late_delivery'`).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (!opened) return;
  await ctx.emit({
    type: 'aftersales.claim_opened',
    aggregateId: claim.id,
    orgId: order.org_id,
    payload: { orderId: order.id, kind: 'late_delivery', reason: 'late', refund: 0 },
  });
  await moveClaim(ctx, policy, claim, 'approve_at_once', 'system');
}
