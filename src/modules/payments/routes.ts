import { access } from '../../platform/http/access.js';
import { Type } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { handleWrite, type Runtime } from '../../platform/module.js';
import { applyNotification } from './commands/payments.js';
import { sandboxHeaders } from './domain/payment.js';
import { providerFor } from './providers.js';
import { sandboxPages } from './sandbox-pages.js';

export function paymentsRoutes(app: App, rt: Runtime): void {
  const provider = providerFor(rt.config);
  // The signature covers the exact bytes sent, so this route reads its body unparsed.
  app.register(async (raw) => {
    raw.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    raw.post(
      '/api/payments/notify/sandbox',
      {
        schema: {
          tags: ['payments'],
          summary: "The sandbox provider's payment notification (signed; applied exactly once)",
          description: `Body: \`{ id, event_type, resource: { out_trade_no, transaction_id, amount: { total, currency }, success_time } }\`, signed in the ${Object.values(sandboxHeaders).join(', ')} headers. A repeat answers 200 and changes nothing; a missing, forged or stale signature answers 401.`,
          response: {
            200: Type.Object({
              code: Type.Literal('SUCCESS'),
              outcome: Type.String(),
              paymentId: Type.String(),
            }),
          },
        },
        config: { access: access.public },
      },
      async (req, reply) => {
        const rawBody = typeof req.body === 'string' ? req.body : '';
        const n = provider.verify(req.headers, rawBody, rt.clock.now());
        const r = await handleWrite(
          rt,
          req,
          reply,
          { action: 'payments.notification', objectType: 'payment' },
          (ctx) => applyNotification(ctx, provider, n, rawBody),
        );
        return { code: 'SUCCESS' as const, ...r };
      },
    );
  });
  sandboxPages(app, rt, provider);
}
