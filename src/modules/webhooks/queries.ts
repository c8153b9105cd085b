import type { TenantScope } from '../../platform/db/tenant.js';
import { notFound } from '../../platform/errors.js';
import { paginate } from '../../platform/http/pagination.js';
import type { DeliveryStatus } from './repo.js';
import { deliveryView, endpointView } from './views.js';

type PageInput = { limit?: number; cursor?: string };

export async function listEndpoints(scope: TenantScope, page: PageInput) {
  const r = await paginate(scope.selectFrom('webhooks_endpoint').selectAll(), 'id', page);
  return { items: r.items.map(endpointView), nextCursor: r.nextCursor };
}

export async function getEndpoint(scope: TenantScope, id: string) {
  return endpointView(
    await scope
      .selectFrom('webhooks_endpoint')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow(notFound('webhook endpoint', id)),
  );
}

export async function listDeliveries(
  scope: TenantScope,
  endpointId: string,
  filter: PageInput & { status?: DeliveryStatus },
) {
  await scope
    .selectFrom('webhooks_endpoint')
    .select('id')
    .where('id', '=', endpointId)
    .executeTakeFirstOrThrow(notFound('webhook endpoint', endpointId));
  let q = scope
    .selectFrom('webhooks_delivery')
    .select([
      'id',
      'org_id',
      'endpoint_id',
      'event_id',
      'event_type',
      'aggregate_id',
      'status',
      'attempts',
      'next_attempt_at',
      'last_status_code',
      'last_error',
      'created_at',
      'delivered_at',
    ])
    .where('endpoint_id', '=', endpointId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const r = await paginate(q, 'id', filter);
  return { items: r.items.map(deliveryView), nextCursor: r.nextCursor };
}

export async function getDelivery(scope: TenantScope, id: string) {
  const d = await scope
    .selectFrom('webhooks_delivery')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('webhook delivery', id));
  const attempts = await scope
    .selectFrom('webhooks_attempt')
    .selectAll()
    .where('delivery_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...deliveryView(d),
    payload: JSON.parse(d.payload) as Record<string, unknown>,
    attemptLog: attempts.map((a) => ({
      id: a.id,
      attemptedAt: a.attempted_at,
      statusCode: a.status_code,
      durationMs: a.duration_ms,
      error: a.error,
      responseSnippet: a.response_snippet,
    })),
  };
}

export async function webhookFigures(scope: TenantScope, orgId: string) {
  const rows = await scope
    .selectFrom('webhooks_delivery')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('status')
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return [
    { key: 'webhooks.delivered', value: by.delivered ?? 0, group: 'webhooks' },
    { key: 'webhooks.failed', value: by.failed ?? 0, group: 'webhooks' },
  ];
}
