import { defineVisibility } from '../../platform/db/visibility.js';
import type { OrdersTables, OrdersViews } from './repo.js';

const withOrder = { parent: { table: 'orders_order', column: 'order_id' } } as const;

defineVisibility<OrdersTables & OrdersViews>({
  // An order is the shopper's and its brand's, and seen by every store one of its shipments leaves from.
  orders_order: {
    orgs: ['org_id'],
    links: [
      {
        table: 'fulfilment_shipment_view',
        column: 'order_id',
        orgs: ['store_org_id'],
        readers: ['store', 'retailer'],
      },
    ],
    shopper: 'shopper_id',
  },
  orders_line: withOrder,
  // The views: seen as the order is.
  orders_order_view: { orgs: ['org_id'], shopper: 'shopper_id' },
  orders_line_view: { parent: { table: 'orders_order_view', column: 'order_id' } },
  orders_history: withOrder,
  orders_cart: { orgs: [], shopper: 'shopper_id' },
  orders_cart_line: { parent: { table: 'orders_cart', column: 'cart_id' } },
  orders_reconciliation: { operator: 'the whole ledger checked against every order and payment' },
});
