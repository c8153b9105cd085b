import type { FlywheelModule, Runtime } from '../../platform/module.js';
import { scopeOf } from '../../platform/module.js';
import { WebhookFanout, WebhookSender } from './dispatcher.js';
import './errors.js';
import './visibility.js';
import { webhooksEvents } from './events.js';
import { webhookFigures } from './queries.js';
import { webhookMigrations } from './repo.js';
import { webhookRoutes } from './routes.js';

export { signPayload, verifySignature } from './domain/signature.js';
export type { WebhookTables } from './repo.js';

/** Webhook endpoints an organisation registers, signed deliveries with retries, and their log. */
export function createWebhooksModule(): FlywheelModule {
  let sender: WebhookSender | null = null;
  return {
    name: 'webhooks',
    events: webhooksEvents,
    migrations: webhookMigrations,
    routes: webhookRoutes,
    start(rt: Runtime) {
      const { config } = rt;
      sender = new WebhookSender(rt, {
        timeoutMs: config.webhookTimeoutMs,
        maxAttempts: config.webhookMaxAttempts,
        retryBaseMs: config.webhookRetryBaseMs,
        pollMs: Math.max(config.outboxPollMs, 250),
        allowPrivate: config.webhookAllowPrivate,
      });
      const s = sender;
      rt.sinks.push(new WebhookFanout(rt.db, () => s.nudge()));
      rt.wakers.push(() => s.nudge());
      s.start();
    },
    async stop() {
      await sender?.stop();
      sender = null;
    },
    homeFigures: (rt, principal) => webhookFigures(scopeOf(rt.db, principal), principal.orgId),
  };
}
