import { defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

const OrderMoved = Obj({ from: Type.String(), to: Type.String(), note: Nullable(Type.String()) });
const moved = (summary: string) => ({ version: 1, aggregate: 'order', summary, payload: OrderMoved });

/** What orders say happened: an order placed and each step of its life; a failed reconciliation. */
export const ordersEvents = defineEvents('orders', {
  'orders.order_placed': {
    version: 1,
    aggregate: 'order',
    summary: 'An order was placed (online, awaiting payment) or rung up at a store counter.',
    payload: Obj({
      total: Type.Integer({ description: 'fen' }),
      delivery: Type.String(),
      lines: Type.Integer(),
      routing: Type.Optional(Type.String({ description: 'how routing served it: hour, split, standard' })),
      pos: Type.Optional(Type.Boolean()),
      storeOrgId: Type.Optional(Nullable(Type.String())),
    }),
  },
  'orders.order_paid': moved('The payment of an order was taken.'),
  'orders.order_routed': moved("A paid order's shipments joined their locations' queues."),
  'orders.order_picking': moved('A store started picking the order.'),
  'orders.order_ready': moved('The order is packed.'),
  'orders.order_out_for_delivery': moved('The order is on its way.'),
  'orders.order_partially_delivered': moved('Some shipments of the order arrived, others not yet.'),
  'orders.order_delivered': moved('Every shipment of the order arrived.'),
  'orders.order_completed': moved('The order is complete.'),
  'orders.order_cancelled': moved('The order was cancelled; its stock went back, its money was refunded.'),
  'orders.reconciliation_failed': {
    version: 1,
    aggregate: 'reconciliation',
    summary: "A day's reconciliation of ledger, orders, payments and stock found differences.",
    payload: Obj({ day: Type.String(), findings: Type.Integer() }),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof ordersEvents> {}
}
