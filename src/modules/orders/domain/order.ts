/**
 * The order's life as a table of transitions (Vendure keeps its order process so). Statuses after
 * `paid` follow the shipments: the order is as far along as its least advanced shipment, and
 * `partially_delivered` while some have arrived and others not.
 */
export const orderStatuses = [
  'pending_payment',
  'paid',
  'routed',
  'picking',
  'ready',
  'out_for_delivery',
  'partially_delivered',
  'delivered',
  'completed',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * The stages a shopper's account groups orders by (我的订单: 待付款, 待发货, 待收货, 已完成,
 * 退款/售后), each a set of statuses. A delivered order waits for the shopper to confirm receipt.
 */
export const shopperStages = {
  toPay: ['pending_payment'],
  toShip: ['paid', 'routed', 'picking'],
  toReceive: ['ready', 'out_for_delivery', 'partially_delivered', 'delivered'],
  done: ['completed'],
  refunds: ['cancelled'],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type ShopperStage = keyof typeof shopperStages;
/** Where an order can move to: every status but the one it starts in. */
export type OrderMove = Exclude<OrderStatus, 'pending_payment'>;

export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['routed', 'cancelled'],
  routed: ['picking', 'ready', 'out_for_delivery', 'partially_delivered', 'delivered', 'cancelled'],
  picking: ['ready', 'out_for_delivery', 'partially_delivered', 'delivered', 'cancelled'],
  ready: ['out_for_delivery', 'partially_delivered', 'delivered', 'cancelled'],
  out_for_delivery: ['partially_delivered', 'delivered'],
  partially_delivered: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
};

export type Canceller = 'shopper' | 'merchant' | 'system';

/** Why an order may not move, or null. A shopper cancels only before the store starts picking. */
export function orderMoveRefusal(from: OrderStatus, to: OrderStatus, by?: Canceller): string | null {
  if (!orderTransitions[from].includes(to)) return `a ${from} order cannot become ${to}`;
  if (to === 'cancelled' && by === 'shopper' && !['pending_payment', 'paid', 'routed'].includes(from))
    return 'the store has started on this order; ask for an after-sales refund instead';
  return null;
}

/** The order's status from its shipments' statuses (ignoring cancelled ones). */
export function statusFromShipments(statuses: readonly string[]): OrderMove | null {
  const live = statuses.filter((s) => s !== 'cancelled');
  if (live.length === 0) return null;
  const done = live.filter((s) => s === 'delivered' || s === 'picked_up').length;
  if (done === live.length) return 'delivered';
  if (done > 0) return 'partially_delivered';
  const order: OrderMove[] = ['routed', 'picking', 'ready', 'out_for_delivery'];
  const least = Math.min(...live.map((s) => (s === 'pending' ? -1 : order.indexOf(s as OrderMove))));
  return least < 0 ? null : order[least];
}
