import { access } from '../../platform/http/access.js';
import { IdParams } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/server.js';
import { type Runtime, scopeOf } from '../../platform/module.js';
import { getOrderSource } from './queries.js';
import { OrderSourceView } from './schema.js';

export function growthRoutes(app: App, rt: Runtime): void {
  app.get(
    '/api/growth/order-sources/:id',
    {
      schema: {
        tags: ['growth'],
        summary: 'Where an order was placed from: its channel and traffic source (`id` is the order id)',
        params: IdParams,
        response: { 200: OrderSourceView },
      },
      config: { access: access.member('viewer', ['brand', 'platform']) },
    },
    async (req) => getOrderSource(scopeOf(rt.db, req), req.params.id),
  );
}
