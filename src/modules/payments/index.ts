import { backgroundLoop, type FlywheelModule } from '../../platform/module.js';
import './errors.js';
import { providerFor } from './providers.js';
import { paymentsMigrations } from './repo.js';
import { paymentsRoutes } from './routes.js';
import { sendSandboxNotices } from './sandbox.js';

export {
  applyNotification,
  closePayment,
  createPayment,
  findPayment,
  type PaymentRow,
  paymentView,
  refundPayment,
} from './commands/payments.js';

import { paymentsEvents } from './events.js';

export type { Notification, PaymentStatus } from './domain/payment.js';
export type { PaymentProvider } from './provider.js';
export { providerFor } from './providers.js';
export type { PaymentsTables } from './repo.js';
export { type NoticeSender, SandboxProvider, sendSandboxNotices } from './sandbox.js';

/**
 * Payments: the provider interface, the sandbox provider (pay page, delayed signed duplicate
 * notifications), exactly-once notification handling, refunds; every movement booked in the ledger.
 */
export function createPaymentsModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'payments',
    events: paymentsEvents,
    migrations: paymentsMigrations,
    routes: paymentsRoutes,
    start(rt) {
      // The sandbox's sender: in production this is the provider's own servers calling back.
      const provider = providerFor(rt.config);
      loop = backgroundLoop(rt, 'sandbox notifications', 200, () =>
        sendSandboxNotices({ db: rt.db, now: rt.clock.now(), logger: rt.logger }, provider),
      );
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
