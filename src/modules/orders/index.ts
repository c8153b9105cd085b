import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { onPaymentTaken } from '../payments/index.js';
import { cancelOrder, dueUnpaidOrders, orderPaid } from './commands/settle.js';
import './errors.js';
import { ordersMigrations } from './repo.js';
import { ordersRoutes } from './routes.js';

export { type OrderStatus, orderStatuses } from './domain/order.js';
export type { OrdersTables } from './repo.js';

/** Cancels unpaid orders past their time to pay, releasing their stock; returns how many. */
export async function expireUnpaidOrders(rt: Runtime, limit = 100): Promise<number> {
  const ids = await dueUnpaidOrders(rt.db, rt.clock.now(), limit);
  let n = 0;
  for (const id of ids) {
    await systemWrite(rt, 'orders.order.expire', async (ctx) => {
      const o = await ctx.trx.selectFrom('orders_order').selectAll().where('id', '=', id).executeTakeFirst();
      if (o?.status !== 'pending_payment') return;
      await cancelOrder(ctx, rt.config, o, 'system', 'not paid in time');
      n++;
    }).catch((error) => rt.logger.warn({ err: error, order: id }, 'unpaid order not expired'));
  }
  return n;
}

// A taken payment pays its order in the same transaction.
onPaymentTaken(orderPaid);

/**
 * Checkout and orders: carts priced per channel, idempotent placement that checks channel,
 * launch and agreement, holds stock and opens the payment; the order state machine; cancellation.
 */
export function createOrdersModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'orders',
    migrations: ordersMigrations,
    routes: ordersRoutes,
    start(rt) {
      // Unpaid orders past their time are cancelled within a few seconds.
      loop = backgroundLoop(rt, 'order sweeper', 5_000, () => expireUnpaidOrders(rt));
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
