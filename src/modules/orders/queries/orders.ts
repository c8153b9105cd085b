import { chinaDay, chinaDayRange } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal, ShopperPrincipal } from '../../../platform/principal.js';
import { decisionOf, shipmentsOf } from '../../fulfilment/index.js';
import { findPayment, paymentView } from '../../payments/index.js';
import type { OrderRow } from '../commands/lifecycle.js';
import type { OrderStatus } from '../domain/order.js';
import type { Adjustment } from '../domain/pricing.js';

function summary(o: OrderRow) {
  return {
    id: o.id,
    brandId: o.org_id,
    channelId: o.channel_id,
    status: o.status,
    delivery: o.delivery,
    address: o.address ? (JSON.parse(o.address) as Record<string, unknown>) : null,
    pickupLocationId: o.pickup_location_id,
    subtotal: Number(o.subtotal),
    adjustments: JSON.parse(o.adjustments) as Adjustment[],
    deliveryFee: Number(o.delivery_fee),
    total: Number(o.total),
    currency: o.currency,
    payBy: o.pay_by,
    placedAt: o.placed_at,
    paidAt: o.paid_at,
    cancelledAt: o.cancelled_at,
    cancelReason: o.cancel_reason,
    updatedAt: o.updated_at,
  };
}

/** An order with its lines, shipments, payment and history; the routing decision for the merchant's side. */
export async function orderDetail(db: Executor, o: OrderRow, opts: { withRouting: boolean }) {
  const [lines, shipments, payment, history, routing] = await Promise.all([
    db.selectFrom('orders_line').selectAll().where('order_id', '=', o.id).orderBy('id').execute(),
    shipmentsOf(db, [o.id]),
    findPayment(db, o.payment_id),
    db.selectFrom('orders_history').selectAll().where('order_id', '=', o.id).orderBy('id').execute(),
    opts.withRouting ? decisionOf(db, o.id) : Promise.resolve(null),
  ]);
  return {
    ...summary(o),
    lines: lines.map((l) => ({
      skuId: l.sku_id,
      productId: l.product_id,
      code: l.code,
      name: l.name,
      options: JSON.parse(l.options) as Record<string, string>,
      quantity: Number(l.quantity),
      listPrice: Number(l.list_price),
      unitPrice: Number(l.unit_price),
      lineTotal: Number(l.line_total),
      locationId: l.location_id,
    })),
    shipments,
    payment: paymentView(payment),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      actorType: h.actor_type,
      note: h.note,
      at: h.created_at,
    })),
    routing,
  };
}

export async function listShopperOrders(
  db: Executor,
  p: ShopperPrincipal,
  q: { limit?: number; cursor?: string },
) {
  const page = await paginate(TenantScope.of(db, p).selectFrom('orders_order').selectAll(), 'id', q);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

export async function getShopperOrder(db: Executor, p: ShopperPrincipal, id: string) {
  const o = await TenantScope.of(db, p)
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('order', id));
  return orderDetail(db, o, { withRouting: false });
}

export async function listOrders(
  db: Executor,
  p: MemberPrincipal,
  q: { status?: OrderStatus; limit?: number; cursor?: string },
) {
  // The brand's own; a store's (or its retailer's) those with a shipment from the store (visibility.ts).
  let query = TenantScope.of(db, p).selectFrom('orders_order').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  const page = await paginate(query, 'orders_order.id', q);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

export async function findOrder(db: Executor, p: MemberPrincipal, id: string): Promise<OrderRow> {
  return TenantScope.of(db, p)
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('order', id));
}

export async function getOrder(db: Executor, p: MemberPrincipal, id: string) {
  const o = await findOrder(db, p, id);
  return orderDetail(db, o, { withRouting: p.orgKind === 'brand' || p.orgKind === 'platform' });
}

/**
 * Home figures: today's paid orders and GMV (China day) for the brand or the operator; the open
 * fulfilment tasks for a store or its retailer.
 */
export async function orderFigures(db: Executor, p: MemberPrincipal, now: Date) {
  if (p.orgKind === 'store' || p.orgKind === 'retailer') {
    const open = await TenantScope.of(db, p)
      .selectFrom('fulfilment_shipment_view')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn
          .sum<number>(eb.case().when('status', 'in', ['routed', 'picking']).then(1).else(0).end())
          .as('pick'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('status', '=', 'ready'), eb('mode', '=', 'pickup')]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('waiting'),
      ])
      .where('status', 'in', ['routed', 'picking', 'ready'])
      .executeTakeFirstOrThrow();
    return [
      { key: 'fulfilment.openTasks', value: Number(open.n), group: 'orders' },
      // The store's to-do: orders to pick, shoppers' pick-ups waiting at the counter.
      { key: 'fulfilment.toPick', value: Number(open.pick ?? 0), group: 'todo' },
      { key: 'fulfilment.pickupsWaiting', value: Number(open.waiting ?? 0), group: 'todo' },
    ];
  }
  const { from, to } = chinaDayRange(chinaDay(now));
  const today = await TenantScope.of(db, p)
    .selectFrom('orders_order')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('total').as('gmv')])
    .where('paid_at', '>=', from)
    .where('paid_at', '<', to)
    .executeTakeFirstOrThrow();
  return [
    { key: 'orders.paidToday', value: Number(today.n), group: 'orders' },
    { key: 'orders.gmvToday', value: Number(today.gmv ?? 0), format: 'fen' as const, group: 'orders' },
  ];
}
