import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { fields, insertRows, prepared } from '../../../platform/db/prepared.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorId } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { Offer } from '../../catalog/index.js';
import { type Canceller, type OrderMove, type OrderStatus, orderMoveRefusal } from '../domain/order.js';
import type { OrderDelivery, Priced } from '../domain/pricing.js';
import type { OrderExtensions, PlacedOrder } from '../extensions.js';
import type { OrdersTables } from '../repo.js';

export type OrderRow = OrdersTables['orders_order'];

/**
 * Moves an order along its table of transitions with one conditional update on its version:
 * an illegal move or a concurrent one answers 409 and changes nothing.
 */
export async function moveOrder(
  ctx: WriteCtx,
  order: OrderRow,
  to: OrderMove,
  opts: { by?: Canceller; note?: string | null; set?: Partial<OrderRow> } = {},
): Promise<OrderRow> {
  const refusal = orderMoveRefusal(order.status, to, opts.by);
  if (refusal) throw new DomainError('orders.illegal_transition', refusal, { from: order.status, to });
  const now = iso(ctx.now);
  const changes = { ...opts.set, status: to, version: order.version + 1, updated_at: now };
  const moved = await ctx.trx
    .updateTable('orders_order')
    .set(changes)
    .where('id', '=', order.id)
    .where('version', '=', order.version)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    throw new DomainError('orders.changed_meanwhile', 'the order changed meanwhile; reload it');
  await recordHistory(ctx, order.id, order.status, to, opts.note ?? null);
  await ctx.emit({
    type: `orders.order_${to}`,
    aggregateId: order.id,
    orgId: order.org_id,
    payload: { from: order.status, to, note: opts.note ?? null },
  });
  return { ...order, ...changes };
}

export async function recordHistory(
  ctx: WriteCtx,
  orderId: string,
  from: OrderStatus | null,
  to: OrderStatus,
  note: string | null,
) {
  await insertHistory(ctx.trx, {
    id: newId('ohi'),
    order_id: orderId,
    from_status: from,
    to_status: to,
    actor_type: ctx.principal?.type ?? 'system',
    actor_id: actorId(ctx.principal),
    note,
    created_at: iso(ctx.now),
  });
}

const insertHistory = prepared((db: Executor, p: OrdersTables['orders_history']) =>
  db
    .insertInto('orders_history')
    .values(
      fields(p, [
        'id',
        'order_id',
        'from_status',
        'to_status',
        'actor_type',
        'actor_id',
        'note',
        'created_at',
      ]),
    ),
);

export type NewOrder = {
  id: string;
  orgId: string;
  shopperId: string;
  channelId: string;
  cartId: string;
  delivery: OrderDelivery;
  address: string | null;
  pickupLocationId: string | null;
  priced: Priced;
  /** The payment just opened: its deadline is the order's. */
  payment: { id: string; expires_at: string };
};

/**
 * Writes a new order awaiting its payment, with its lines (each from the location that sends it)
 * and its first history step, and says it was placed.
 */
export async function saveOrder(
  ctx: WriteCtx,
  input: NewOrder,
  offers: Map<string, Offer>,
  locationOf: Map<string, string>,
): Promise<OrderRow> {
  const now = iso(ctx.now);
  const order: OrderRow = {
    id: input.id,
    org_id: input.orgId,
    shopper_id: input.shopperId,
    channel_id: input.channelId,
    cart_id: input.cartId,
    status: 'pending_payment',
    delivery: input.delivery,
    address: input.address,
    pickup_location_id: input.pickupLocationId,
    subtotal: input.priced.subtotal,
    delivery_fee: input.priced.deliveryFee,
    total: input.priced.total,
    currency: 'CNY',
    payment_id: input.payment.id,
    pay_by: input.payment.expires_at,
    placed_at: now,
    paid_at: null,
    cancelled_at: null,
    cancel_reason: null,
    version: 1,
    updated_at: now,
    adjustments: JSON.stringify(input.priced.adjustments),
  };
  const lines = input.priced.lines;
  await insertRows(ctx.trx, 'orders_order', [order]);
  await insertRows(
    ctx.trx,
    'orders_line',
    lines.map((l) => {
      const o = offers.get(l.skuId)!;
      return {
        id: newId('oln'),
        order_id: order.id,
        org_id: order.org_id,
        sku_id: l.skuId,
        product_id: o.productId,
        code: o.code,
        name: o.name,
        name_en: o.nameEn,
        options: JSON.stringify(o.options),
        quantity: l.quantity,
        list_price: l.listPrice,
        unit_price: l.unitPrice,
        line_total: l.lineTotal,
        location_id: locationOf.get(l.skuId)!,
      };
    }),
  );
  await recordHistory(ctx, order.id, null, 'pending_payment', null);
  return order;
}

/**
 * Lets the placement contributors add what they record of the order (any of them may refuse
 * it), then says it was placed: hooks on `orders.order_placed` see every contributor's rows.
 */
export async function completePlacement(
  ctx: WriteCtx,
  ext: OrderExtensions,
  placed: PlacedOrder,
  input: Record<string, unknown>,
  facts: { routing: string } | { pos: true; storeOrgId: string | null },
): Promise<void> {
  for (const contributor of ext.placementContributors) await contributor.contribute(ctx, placed, input);
  await ctx.emit({
    type: 'orders.order_placed',
    aggregateId: placed.id,
    orgId: placed.orgId,
    payload: { total: placed.total, delivery: placed.delivery, lines: placed.lines.length, ...facts },
  });
}
