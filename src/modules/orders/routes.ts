import { access } from '../../platform/http/access.js';
import { csvResponse, sendCsv } from '../../platform/http/csv.js';
import { IdParams, Page } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, memberOf, type Runtime, shopperOf } from '../../platform/module.js';
import { provinces } from '../../platform/provinces.js';
import { knownDistricts } from '../fulfilment/index.js';
import { callProvider, takePaymentCode } from '../payments/index.js';
import { addCartItem, createCart, setCartLine, setDelivery } from './commands/carts.js';
import { placeOrder } from './commands/place.js';
import { sellAtCounter } from './commands/pos.js';
import { listReconciliations, runReconciliation } from './commands/reconcile.js';
import { cancelOrder, cancelShopperOrder, confirmReceipt } from './commands/settle.js';
import type { OrderExtensions } from './extensions.js';
import { getCart, openCarts } from './queries/carts.js';
import { deliveryEstimate } from './queries/estimate.js';
import {
  exportLimit,
  exportOrdersCsv,
  findOrder,
  getOrder,
  getShopperOrder,
  listOrders,
  listShopperOrders,
  orderDetail,
  shopperStageCounts,
} from './queries/orders.js';
import { posCatalog } from './queries/pos.js';
import {
  CancelBody,
  Cart,
  CartItemBody,
  CartLineBody,
  CartSummary,
  CreateCartBody,
  DeliveryBody,
  Districts,
  Estimate,
  EstimateQuery,
  OpenCartsQuery,
  Order,
  OrderExportQuery,
  OrderQuery,
  OrderSummary,
  PosCatalog,
  PosCatalogQuery,
  PosSaleBody,
  placeOrderBody,
  ReconcileBody,
  Reconciliation,
  ReconciliationQuery,
  ShopperOrderQuery,
  ShopperStageCounts,
} from './schema.js';

const tags = ['orders'];
const shopper = { access: access.shopper };
const memberRead = { access: access.member('viewer', ['platform', 'brand', 'retailer', 'store']) };
const merchantWrite = { access: access.member('staff', ['platform', 'brand']) };

export function ordersRoutes(app: App, rt: Runtime, ext: OrderExtensions): void {
  const { db, clock, config } = rt;
  // Registered after the composition root filled the extensions, so their fields are in the schema.
  const PlaceOrderBody = placeOrderBody(ext.placementFields());
  app.post(
    '/api/shop/carts',
    {
      schema: { tags, summary: 'Open a cart in a shop', body: CreateCartBody, response: { 201: Cart } },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.cart.create', status: 201 }, (ctx) =>
        createCart(ctx, ext, shopperOf(req), req.body),
      ),
  );
  app.post(
    '/api/shop/orders/:id/receipt',
    {
      schema: {
        tags,
        summary: 'Confirm receipt of a delivered or collected order (确认收货): it is completed',
        params: IdParams,
        response: { 200: Order },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.order.confirm', objectType: 'order' }, (ctx) =>
        confirmReceipt(ctx, shopperOf(req), req.params.id),
      ),
  );
  app.get(
    '/api/shop/carts',
    {
      schema: {
        tags,
        summary:
          "The shopper's open carts, newest first (in one shop with channelId): the same on every device",
        querystring: OpenCartsQuery,
        response: { 200: Page(CartSummary) },
      },
      config: shopper,
    },
    async (req) => openCarts(db, shopperOf(req), req.query),
  );
  app.get(
    '/api/shop/carts/:id',
    {
      schema: {
        tags,
        summary: 'A cart with prices and its delivery quote',
        params: IdParams,
        response: { 200: Cart },
      },
      config: shopper,
    },
    async (req) => getCart(db, ext, shopperOf(req), req.params.id, clock.now()),
  );
  app.post(
    '/api/shop/carts/:id/items',
    {
      schema: {
        tags,
        summary:
          'Add some of an item to the cart ("add to cart"): added to what it holds, never lost to a second tap',
        params: IdParams,
        body: CartItemBody,
        response: { 200: Cart },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.cart.add' }, (ctx) =>
        addCartItem(ctx, ext, shopperOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/shop/carts/:id/lines',
    {
      schema: {
        tags,
        summary: 'Set how many of an item the cart holds (0 takes it out)',
        params: IdParams,
        body: CartLineBody,
        response: { 200: Cart },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.cart.line' }, (ctx) =>
        setCartLine(ctx, ext, shopperOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/shop/carts/:id/delivery',
    {
      schema: {
        tags,
        summary: 'Set the address and delivery (one-hour, standard or pick-up); answers with the quote',
        params: IdParams,
        body: DeliveryBody,
        response: { 200: Cart },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.cart.delivery' }, (ctx) =>
        setDelivery(ctx, ext, shopperOf(req), req.params.id, req.body),
      ),
  );
  app.post(
    '/api/shop/orders',
    {
      schema: {
        tags,
        summary: 'Place the cart as an order (send an Idempotency-Key); opens its payment',
        body: PlaceOrderBody,
        response: { 201: Order },
      },
      config: shopper,
    },
    async (req, reply) => {
      const placed = await handleWrite(
        rt,
        req,
        reply,
        { action: 'orders.order.place', objectType: 'order', status: 201 },
        (ctx) => placeOrder(ctx, { config, ext }, shopperOf(req), req.body),
      );
      // Committed: now the provider opens the payment (no transaction waits on it), and the
      // answer, first or replayed, is the order as it is, with its pay page.
      await callProvider(rt, placed.payment.id);
      return getShopperOrder(db, shopperOf(req), placed.id);
    },
  );
  app.get(
    '/api/shop/orders',
    {
      schema: {
        tags,
        summary: "The shopper's orders, newest first (at one stage of the account page with stage)",
        querystring: ShopperOrderQuery,
        response: { 200: Page(OrderSummary) },
      },
      config: shopper,
    },
    async (req) => listShopperOrders(db, shopperOf(req), req.query),
  );
  app.get(
    '/api/shop/orders/stages',
    {
      schema: {
        tags,
        summary:
          "How many of the shopper's orders are at each stage (to pay, to ship, to receive, done, refunds)",
        response: { 200: ShopperStageCounts },
      },
      config: shopper,
    },
    async (req) => shopperStageCounts(db, shopperOf(req)),
  );
  app.get(
    '/api/shop/orders/:id',
    {
      schema: { tags, summary: 'An order with its tracking', params: IdParams, response: { 200: Order } },
      config: shopper,
    },
    async (req) => ({
      ...(await getShopperOrder(db, shopperOf(req), req.params.id)),
      serverTime: clock.now().toISOString(),
    }),
  );
  app.post(
    '/api/shop/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order before the store starts picking it (a paid one is refunded)',
        params: IdParams,
        body: CancelBody,
        response: { 200: Order },
      },
      config: shopper,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.order.cancel', objectType: 'order' }, (ctx) =>
        cancelShopperOrder(ctx, shopperOf(req), req.params.id, req.body.reason),
      ),
  );
  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Orders of the brand, or shipped from the store',
        querystring: OrderQuery,
        response: { 200: Page(OrderSummary) },
      },
      config: memberRead,
    },
    async (req) => listOrders(db, memberOf(req), req.query),
  );
  app.get(
    '/api/orders/export',
    {
      schema: {
        tags,
        summary: `The orders the list shows, as a CSV spreadsheet (newest first, ${exportLimit} at most)`,
        querystring: OrderExportQuery,
        response: csvResponse,
      },
      config: memberRead,
    },
    async (req, reply) =>
      sendCsv(reply, 'orders', rt.clock.now(), await exportOrdersCsv(db, memberOf(req), req.query)),
  );
  app.get(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary:
          'An order with lines, shipments, payment, history and (brand, operator) its routing decision',
        params: IdParams,
        response: { 200: Order },
      },
      config: memberRead,
    },
    async (req) => getOrder(db, memberOf(req), req.params.id),
  );
  app.post(
    '/api/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order before it leaves (a paid one is refunded in full)',
        params: IdParams,
        body: CancelBody,
        response: { 200: Order },
      },
      config: merchantWrite,
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.order.cancel', objectType: 'order' }, async (ctx) => {
        const p = memberOf(req);
        const o = await findOrder(ctx.trx, p, req.params.id);
        const cancelled = await cancelOrder(
          ctx,
          o,
          'merchant',
          req.body.reason ?? 'cancelled by the merchant',
        );
        return orderDetail(ctx.trx, cancelled, { withRouting: true });
      }),
  );
  app.get(
    '/api/shop/estimate',
    {
      schema: {
        tags,
        summary:
          'What a product page promises for an address: one-hour delivery, a standard date, pick-up stores',
        querystring: EstimateQuery,
        response: { 200: Estimate },
      },
      config: { access: access.public },
    },
    async (req) => deliveryEstimate(db, req.query, clock.now()),
  );
  app.get(
    '/api/shop/districts',
    {
      schema: {
        tags,
        summary: 'Districts an address can name without coordinates',
        response: { 200: Districts },
      },
      config: { access: access.public },
    },
    async () => ({
      items: knownDistricts(),
      provinces: Object.entries(provinces).map(([name, nameEn]) => ({ name, nameEn })),
    }),
  );
  app.get(
    '/api/pos/catalog',
    {
      schema: {
        tags,
        summary: 'What the counter can sell: the brands kept in the store and their items on the shelf',
        querystring: PosCatalogQuery,
        response: { 200: PosCatalog },
      },
      config: { access: access.member('viewer', ['store']) },
    },
    async (req) => posCatalog(db, memberOf(req), clock.now(), req.query),
  );
  app.post(
    '/api/pos/sales',
    {
      schema: {
        tags,
        summary:
          "A sale at the counter: the store's stock, the store channel's prices, the shopper's payment code",
        body: PosSaleBody,
        response: { 201: Order },
      },
      config: { access: access.member('staff', ['store']) },
    },
    async (req, reply) => {
      const sale = await handleWrite(
        rt,
        req,
        reply,
        { action: 'orders.pos.sale', objectType: 'order', status: 201 },
        (ctx) => sellAtCounter(ctx, { config, ext }, memberOf(req), req.body),
      );
      // Committed: now the provider takes the code (no transaction waits on it). A refusal is
      // its error, the sale taken back; a provider that did not answer leaves it to pay.
      await takePaymentCode(rt, sale.paymentId);
      return getOrder(db, memberOf(req), sale.id);
    },
  );
  const operatorRead = { access: access.member('viewer', ['platform']) };
  app.get(
    '/api/reconciliations',
    {
      schema: {
        tags,
        summary: 'Daily reconciliations of the ledger against orders and payments, newest first',
        querystring: ReconciliationQuery,
        response: { 200: Page(Reconciliation) },
      },
      config: operatorRead,
    },
    async (req) => listReconciliations(db, req.query),
  );
  app.post(
    '/api/reconciliations',
    {
      schema: {
        tags,
        summary: "Reconcile a China calendar day's payments with the ledger and the orders now",
        body: ReconcileBody,
        response: { 201: Reconciliation },
      },
      config: { access: access.member('admin', ['platform']) },
    },
    async (req, reply) =>
      handleWrite(rt, req, reply, { action: 'orders.reconciliation.run', status: 201 }, (ctx) =>
        runReconciliation(ctx, req.body.day),
      ),
  );
}
