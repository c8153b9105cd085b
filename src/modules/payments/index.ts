import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import { type IntentDeps, intentOutcome, runIntents } from './commands/intents.js';
import './errors.js';
import './visibility.js';
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
  payShopper,
  refundPayment,
} from './commands/payments.js';

import { paymentsEvents } from './events.js';

export type { Notification, PaymentStatus } from './domain/payment.js';

/**
 * Makes the provider calls a committed write decided on for one payment (opening it, once the
 * order that needs it has committed; taking a payment code at the counter), so the request can
 * answer with their result.
 */
export async function callProvider(rt: Runtime, paymentId: string): Promise<void> {
  await runIntents(intentDeps(rt), { paymentId });
}

/**
 * Takes a payment at once with the shopper's payment code, after the write that recorded the
 * sale has committed: no transaction waits on the provider. A refused code is thrown as the
 * provider's error, the first time and on a replay; the sale is then taken back by the hook on
 * `payments.payment_refused`. `pending` when the provider did not answer (the worker asks again).
 */
export async function takePaymentCode(rt: Runtime, paymentId: string): Promise<'done' | 'pending'> {
  await runIntents(intentDeps(rt), { paymentId });
  const outcome = await intentOutcome(rt.db, paymentId, 'micropay');
  if (outcome.status === 'refused') throw outcome.refusal;
  return outcome.status;
}

/** Makes every provider call that is due (the worker's round; tests drive it by hand). */
export async function callDueProviders(rt: Runtime, which: 'due' | 'all' = 'due'): Promise<number> {
  return runIntents(intentDeps(rt), which);
}

function intentDeps(rt: Runtime): IntentDeps {
  return {
    db: rt.db,
    clock: rt.clock,
    logger: rt.logger,
    provider: providerFor(rt.config),
    write: (action, fn) => systemWrite(rt, action, fn),
  };
}

export type { PaymentProvider } from './provider.js';
export { providerFor } from './providers.js';
export type { PaymentsTables } from './repo.js';
export { type NoticeSender, SandboxProvider, sendSandboxNotices } from './sandbox.js';

/**
 * Payments: the provider interface, the sandbox provider (pay page, delayed signed duplicate
 * notifications), exactly-once notification handling, refunds; every movement booked in the ledger.
 */
export function createPaymentsModule(): FlywheelModule {
  let loops: Array<{ stop(): Promise<void> }> = [];
  return {
    name: 'payments',
    events: paymentsEvents,
    migrations: paymentsMigrations,
    routes: paymentsRoutes,
    async start(rt) {
      // Calls a crash interrupted, between the write that decided on them and their result.
      await callDueProviders(rt, 'all').catch((error) =>
        rt.logger.error({ err: error }, 'provider calls left by the last run not made'),
      );
      // The sandbox's sender: in production this is the provider's own servers calling back.
      const provider = providerFor(rt.config);
      loops = [
        backgroundLoop(rt, 'sandbox notifications', 200, () =>
          sendSandboxNotices({ db: rt.db, now: rt.clock.now(), logger: rt.logger }, provider),
        ),
        // Provider calls that committed writes decided on (refunds, closes), and any a crash left.
        backgroundLoop(rt, 'provider calls', 200, () => callDueProviders(rt)),
      ];
    },
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
      loops = [];
    },
  };
}
