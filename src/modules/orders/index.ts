import { chinaDay } from '../../platform/clock.js';
import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { applyNotification, providerFor } from '../payments/index.js';
import { reconciledDay, runReconciliation } from './commands/reconcile.js';
import { cancelOrder, dueUnpaidOrders, paymentOfUnpaid } from './commands/settle.js';

export { bookRetailerShare, cancelRefused, followShipment, payOrder } from './commands/settle.js';

import './errors.js';
import './visibility.js';
import { ordersEvents } from './events.js';
import type { OrderExtensions } from './extensions.js';
import { orderFigures } from './queries/orders.js';
import { ordersMigrations } from './repo.js';
import { ordersRoutes } from './routes.js';
import { seedOrders } from './seed.js';

export { type OrderStatus, orderStatuses } from './domain/order.js';
export {
  type Adjustment,
  OrderExtensions,
  type PlacedOrder,
  type PlacementContributor,
  type PriceAdjuster,
  type PricingContext,
} from './extensions.js';
export { type Reconciliation, reconcile } from './queries/reconcile.js';
export type { OrdersTables } from './repo.js';

/**
 * Cancels unpaid orders past their time to pay, releasing their stock; returns how many. An order
 * whose payment the provider did take (its notification lost) is paid instead.
 */
export async function expireUnpaidOrders(rt: Runtime, limit = 100): Promise<number> {
  const ids = await dueUnpaidOrders(rt.db, rt.clock.now(), limit);
  let n = 0;
  const provider = providerFor(rt.config);
  for (const id of ids) {
    const paymentId = await paymentOfUnpaid(rt.db, id);
    if (!paymentId) continue;
    // A notification can be lost: ask the provider before giving up on the payment (as WeChat
    // Pay asks of merchants), and take it when the shopper did pay. Asked before the write
    // opens: no transaction waits on the provider.
    const said = await provider.query(rt.db, paymentId).catch((error) => {
      rt.logger.warn({ err: error, order: id }, 'provider not reachable; the order waits for the next round');
      return null;
    });
    if (!said) continue;
    await systemWrite(rt, 'orders.order.expire', async (ctx) => {
      const o = await ctx.trx.selectFrom('orders_order').selectAll().where('id', '=', id).executeTakeFirst();
      if (o?.status !== 'pending_payment') return;
      if (said.status === 'paid' && said.transactionId) {
        await applyNotification(
          ctx,
          provider,
          {
            id: `query_${o.payment_id}`,
            eventType: 'TRANSACTION.SUCCESS',
            paymentId: o.payment_id,
            transactionId: said.transactionId,
            amount: said.amount,
            currency: 'CNY',
            occurredAt: ctx.now.toISOString(),
          },
          JSON.stringify({ source: 'query', ...said }),
        );
        return;
      }
      await cancelOrder(ctx, o, 'system', 'not paid in time');
      n++;
    }).catch((error) => rt.logger.warn({ err: error, order: id }, 'unpaid order not expired'));
  }
  return n;
}

/** Reconciles yesterday (China time) once, when no run of it exists yet. */
export async function reconcileYesterday(rt: Runtime): Promise<void> {
  const day = chinaDay(new Date(rt.clock.now().getTime() - 86_400_000));
  if (await reconciledDay(rt.db, day)) return;
  await systemWrite(rt, 'orders.reconciliation.run', (ctx) => runReconciliation(ctx, day));
}

/**
 * Checkout and orders: carts priced per channel, idempotent placement that checks channel,
 * launch and agreement, holds stock and opens the payment; the order state machine; cancellation.
 */
export function createOrdersModule(ext: OrderExtensions): FlywheelModule {
  let loops: Array<{ stop(): Promise<void> }> = [];
  return {
    name: 'orders',
    events: ordersEvents,
    migrations: ordersMigrations,
    routes: (app, rt) => ordersRoutes(app, rt, ext),
    seed: (rt, world) => seedOrders(rt, ext, world),
    homeFigures: async (rt, principal) =>
      ['brand', 'platform', 'store', 'retailer'].includes(principal.orgKind)
        ? orderFigures(rt.db, principal, rt.clock.now())
        : [],
    start(rt) {
      // Unpaid orders past their time are cancelled within a few seconds.
      loops = [
        backgroundLoop(rt, 'order sweeper', 5_000, () => expireUnpaidOrders(rt)),
        backgroundLoop(rt, 'daily reconciliation', 600_000, () => reconcileYesterday(rt)),
      ];
    },
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
      loops = [];
    },
  };
}
