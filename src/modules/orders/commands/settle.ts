import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError } from '../../../platform/errors.js';
import type { EventInput } from '../../../platform/events.js';
import type { ShopperPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import {
  cancelShipments,
  orderReservations,
  releaseShipments,
  type ShipmentMovedEvent,
  shipmentStatuses,
} from '../../fulfilment/index.js';
import {
  commitReservation,
  releaseReservation,
  reservationStatuses,
  restockReservation,
} from '../../inventory/index.js';
import { postTransaction, retailerShareEntries } from '../../ledger/index.js';
import { retailerShare, saleTerms, settlementBetween } from '../../partnership/index.js';
import { closePayment, findPayment, type PaymentRow, refundPayment } from '../../payments/index.js';
import { type Canceller, statusFromShipments } from '../domain/order.js';
import { handedOverValue } from '../domain/pricing.js';
import { getShopperOrder, orderDetail } from '../queries/orders.js';
import { moveOrder, type OrderRow } from './lifecycle.js';
import { handOverAtCounter, soldAtCounter } from './pos.js';

async function orderOf(ctx: WriteCtx, id: string): Promise<OrderRow | undefined> {
  return ctx.trx.selectFrom('orders_order').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The payment of an order was taken (called inside the write that took it): the held units are
 * sold and the shipments join their stores' queues, the promise clock starting now. When the
 * holds lapsed before the money came, nothing can be promised: the order is cancelled and the
 * money goes back, in the same transaction.
 */
export async function payOrder(ctx: WriteCtx, taken: EventInput<'payments.payment_taken'>): Promise<void> {
  // A payment taken after its order closed is refunded by payments itself.
  if (taken.payload.late) return;
  const order = await orderOf(ctx, taken.payload.orderId);
  if (!order) return;
  if (order.status !== 'pending_payment') {
    const payment = await findPayment(ctx.trx, taken.aggregateId);
    await refundPayment(ctx, payment, Number(payment.amount), `order was ${order.status}`);
    return;
  }
  const holds = await orderReservations(ctx.trx, order.id);
  const statuses = await reservationStatuses(ctx.trx, holds);
  if (holds.some((id) => statuses.get(id) !== 'held')) {
    const paid = await moveOrder(ctx, order, 'paid', { set: { paid_at: iso(ctx.now) } });
    const payment = await findPayment(ctx.trx, taken.aggregateId);
    await cancelPaid(ctx, paid, payment, 'system', 'the stock hold lapsed before the payment came');
    return;
  }
  for (const id of holds) await commitReservation(ctx, 'all', id);
  const paid = await moveOrder(ctx, order, 'paid', { set: { paid_at: iso(ctx.now) } });
  await releaseShipments(ctx, order.id);
  await moveOrder(ctx, paid, 'routed');
  if (soldAtCounter(order)) await handOverAtCounter(ctx, order.id);
}

/**
 * The provider refused to take an order's payment at once (a counter sale's payment code):
 * the sale is cancelled and its held units go back on the shelf, in the write that heard it.
 */
export async function cancelRefused(
  ctx: WriteCtx,
  refused: EventInput<'payments.payment_refused'>,
): Promise<void> {
  const order = await orderOf(ctx, refused.payload.orderId);
  if (order?.status !== 'pending_payment') return;
  await cancelOrder(ctx, order, 'system', `payment refused: ${refused.payload.reason}`);
}

/**
 * Cancels an order: an unpaid one closes its payment and lets its holds go; a paid one puts
 * the sold units back on hand and refunds the shopper in full.
 */
export async function cancelOrder(
  ctx: WriteCtx,
  order: OrderRow,
  by: Canceller,
  reason: string,
): Promise<OrderRow> {
  // A split order whose other parcel has left is not cancelled whole: that is an after-sales case.
  const statuses = await shipmentStatuses(ctx.trx, order.id);
  if (statuses.some((s) => s === 'out_for_delivery' || s === 'delivered' || s === 'picked_up'))
    throw new DomainError(
      'orders.illegal_transition',
      'part of this order has left the store; ask for an after-sales refund',
      {
        from: order.status,
        to: 'cancelled',
      },
    );
  if (order.status === 'pending_payment') {
    const cancelled = await moveOrder(ctx, order, 'cancelled', {
      by,
      note: reason,
      set: { cancelled_at: iso(ctx.now), cancel_reason: reason },
    });
    if (!(await closePayment(ctx, order.payment_id)))
      throw new DomainError('orders.changed_meanwhile', 'the order was paid meanwhile; reload it');
    for (const id of await cancelShipments(ctx, order.id, reason)) await releaseReservation(ctx, 'all', id);
    return cancelled;
  }
  const payment = await findPayment(ctx.trx, order.payment_id);
  return cancelPaid(ctx, order, payment, by, reason);
}

/** A shopper cancels their own order (only before the store starts on it); another's is not found. */
export async function cancelShopperOrder(
  ctx: WriteCtx,
  p: ShopperPrincipal,
  id: string,
  reason: string | undefined,
) {
  return onShopperOrder(ctx, p, id, (o) =>
    cancelOrder(ctx, o, 'shopper', reason ?? 'cancelled by the shopper'),
  );
}

/**
 * The shopper confirms receipt (确认收货) of a delivered or collected order: it is completed.
 * Confirming twice answers the completed order; an order not yet delivered is refused.
 */
export async function confirmReceipt(ctx: WriteCtx, p: ShopperPrincipal, id: string) {
  return onShopperOrder(ctx, p, id, async (o) =>
    o.status === 'completed' ? o : moveOrder(ctx, o, 'completed', { note: 'receipt confirmed' }),
  );
}

/** Runs `act` on the shopper's own order and answers it as the shopper sees it; another's is not found. */
async function onShopperOrder(
  ctx: WriteCtx,
  p: ShopperPrincipal,
  id: string,
  act: (o: OrderRow) => Promise<OrderRow>,
) {
  const o = await TenantScope.of(ctx.trx, p)
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o) return getShopperOrder(ctx.trx, p, id);
  return orderDetail(ctx.trx, await act(o), { withRouting: false });
}

async function cancelPaid(
  ctx: WriteCtx,
  order: OrderRow,
  payment: PaymentRow,
  by: Canceller,
  reason: string,
): Promise<OrderRow> {
  const cancelled = await moveOrder(ctx, order, 'cancelled', {
    by,
    note: reason,
    set: { cancelled_at: iso(ctx.now), cancel_reason: reason },
  });
  const holds = await cancelShipments(ctx, order.id, reason);
  const statuses = await reservationStatuses(ctx.trx, holds);
  for (const id of holds) {
    if (statuses.get(id) === 'held') await releaseReservation(ctx, 'all', id);
    else await restockReservation(ctx, id, `order ${order.id} cancelled`);
  }
  const left = Number(payment.amount) - Number(payment.refunded);
  if (left > 0) await refundPayment(ctx, payment, left, reason);
  return cancelled;
}

/** The payment of an order still awaiting it, or null once it is paid or closed. */
export async function paymentOfUnpaid(db: Executor, orderId: string): Promise<string | null> {
  const o = await db
    .selectFrom('orders_order')
    .select(['status', 'payment_id'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  return o?.status === 'pending_payment' ? o.payment_id : null;
}

/** Unpaid orders past their time, oldest first: the sweeper cancels them. */
export async function dueUnpaidOrders(db: Executor, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('orders_order')
    .select('id')
    .where('status', '=', 'pending_payment')
    .where('pay_by', '<=', iso(now))
    .orderBy('pay_by')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** What the shopper paid for the goods a location of an order hands over (see `handedOverValue`). */
async function handedOverValueOf(db: Executor, orderId: string, locationId: string): Promise<number> {
  const lines = await db
    .selectFrom('orders_line')
    .select(['sku_id', 'location_id', 'line_total'])
    .where('order_id', '=', orderId)
    .execute();
  const order = await db
    .selectFrom('orders_order')
    .select('adjustments')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return handedOverValue(lines, JSON.parse(order.adjustments), locationId);
}

/**
 * A store handed a brand's goods over (delivered, collected, or sold across the counter): the
 * retailer's share of their value, as the order was settled at placement, is booked from the
 * brand's side to the retailer's, once per shipment. A warehouse's shipment books nothing.
 */
export async function bookRetailerShare(ctx: WriteCtx, moved: EventInput<ShipmentMovedEvent>): Promise<void> {
  const { to, orderId, locationId } = moved.payload;
  if (to !== 'delivered' && to !== 'picked_up') return;
  const shipment = await ctx.trx
    .selectFrom('fulfilment_shipment_view')
    .innerJoin('identity_org_view', 'identity_org_view.id', 'fulfilment_shipment_view.store_org_id')
    .select(['fulfilment_shipment_view.org_id as brand_id', 'identity_org_view.parent_id as retailer_id'])
    .where('fulfilment_shipment_view.id', '=', moved.aggregateId)
    .executeTakeFirst();
  if (!shipment?.retailer_id) return;
  const placed = (await saleTerms(ctx.trx, [orderId])).find((t) => t.locationId === locationId);
  // An order placed before placement copied the terms settles by those in force now.
  const settlement = placed
    ? placed.settlement
    : await settlementBetween(ctx.trx, shipment.brand_id, shipment.retailer_id, ctx.now);
  if (!settlement) return;
  const value = await handedOverValueOf(ctx.trx, orderId, locationId);
  const share = retailerShare(settlement, value);
  if (share <= 0) return;
  await postTransaction(ctx, {
    kind: 'retailer_share',
    refType: 'shipment',
    refId: moved.aggregateId,
    // What the share was worked out from, for the reconciliation to check it again.
    memo: JSON.stringify({ ...settlement, value }),
    entries: retailerShareEntries(shipment.brand_id, shipment.retailer_id, share),
  });
}

/**
 * A shipment moved (called inside that write): the order follows its least advanced shipment,
 * `partially_delivered` while some have arrived and others not.
 */
export async function followShipment(ctx: WriteCtx, moved: EventInput<ShipmentMovedEvent>): Promise<void> {
  const order = await orderOf(ctx, moved.payload.orderId);
  if (!order || order.status === 'cancelled' || order.status === 'pending_payment') return;
  const to = statusFromShipments(await shipmentStatuses(ctx.trx, order.id));
  if (to && to !== order.status) await moveOrder(ctx, order, to);
}
