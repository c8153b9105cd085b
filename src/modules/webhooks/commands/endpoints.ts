import { iso } from '../../../platform/clock.js';
import { bool } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId, newSecret } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { addressAllowed, literalAddress } from '../domain/addresses.js';
import { deliveryView, endpointView } from '../views.js';

export type EndpointInput = { url: string; description?: string; eventTypes: string[]; active?: boolean };

/**
 * Refuses URLs that name a loopback or private address outright; names that resolve to one are
 * refused again when sending, on the address actually connected to.
 */
export function assertTargetAllowed(url: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = new URL(url).hostname.toLowerCase();
  const literal = literalAddress(host);
  const local =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal');
  if (local || (literal !== null && !addressAllowed(literal, false))) {
    throw new DomainError('webhooks.target_not_allowed', 'webhooks may only target public addresses', {
      errors: [{ field: 'url', message: 'is a loopback, private or local address' }],
    });
  }
}

export async function createEndpoint(
  ctx: WriteCtx,
  scope: TenantScope,
  principal: MemberPrincipal,
  input: EndpointInput,
  allowPrivate: boolean,
) {
  assertTargetAllowed(input.url, allowPrivate);
  const row = {
    id: newId('whk'),
    org_id: principal.orgId,
    url: input.url,
    description: input.description ?? null,
    secret: `whsec_${newSecret(24)}`,
    event_types: JSON.stringify([...new Set(input.eventTypes)]),
    active: bool(input.active ?? true),
    created_at: iso(ctx.now),
    updated_at: iso(ctx.now),
  };
  await scope.on(ctx.trx).insertInto('webhooks_endpoint', [row]).execute();
  await ctx.emit({
    type: 'webhooks.endpoint_created',
    aggregateId: row.id,
    orgId: row.org_id,
    payload: { url: row.url },
  });
  return { ...endpointView(row), secret: row.secret };
}

export async function updateEndpoint(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: Partial<EndpointInput>,
  allowPrivate: boolean,
) {
  if (input.url !== undefined) assertTargetAllowed(input.url, allowPrivate);
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('webhooks_endpoint')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('webhook endpoint', id));
  const changes = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.eventTypes !== undefined
      ? { event_types: JSON.stringify([...new Set(input.eventTypes)]) }
      : {}),
    ...(input.active !== undefined ? { active: bool(input.active) } : {}),
    updated_at: iso(ctx.now),
  };
  await s.updateTable('webhooks_endpoint').set(changes).where('id', '=', id).execute();
  return endpointView({ ...current, ...changes });
}

export async function deleteEndpoint(ctx: WriteCtx, scope: TenantScope, id: string) {
  const s = scope.on(ctx.trx);
  await s
    .selectFrom('webhooks_endpoint')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('webhook endpoint', id));
  await ctx.trx
    .deleteFrom('webhooks_attempt')
    .where(
      'delivery_id',
      'in',
      ctx.trx.selectFrom('webhooks_delivery').select('id').where('endpoint_id', '=', id),
    )
    .execute();
  await ctx.trx.deleteFrom('webhooks_delivery').where('endpoint_id', '=', id).execute();
  await s.deleteFrom('webhooks_endpoint').where('id', '=', id).execute();
  return { id, ok: true };
}

/** Queues a `webhooks.ping` to one endpoint, to test it from the console. */
export async function pingEndpoint(ctx: WriteCtx, scope: TenantScope, id: string) {
  const endpoint = await scope
    .on(ctx.trx)
    .selectFrom('webhooks_endpoint')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('webhook endpoint', id));
  if (!endpoint.active)
    throw new DomainError('webhooks.endpoint_inactive', 'activate the endpoint before testing it');
  const eventId = newId('evt');
  const event = {
    id: eventId,
    seq: 0,
    type: 'webhooks.ping',
    aggregateId: id,
    orgId: endpoint.org_id,
    actorId: null,
    requestId: ctx.requestId,
    payload: { message: 'ping from Flywheel' },
    createdAt: iso(ctx.now),
  };
  const row = {
    id: newId('whd'),
    org_id: endpoint.org_id,
    endpoint_id: id,
    event_id: eventId,
    event_type: event.type,
    aggregate_id: id,
    event_seq: 0,
    payload: JSON.stringify(event),
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: iso(ctx.now),
    last_status_code: null,
    last_error: null,
    created_at: iso(ctx.now),
    delivered_at: null,
  };
  await ctx.trx.insertInto('webhooks_delivery').values(row).execute();
  ctx.wake();
  return deliveryView(row);
}

/** Sends a delivery again (after a fix on the receiver's side), whatever its status was. */
export async function resendDelivery(ctx: WriteCtx, scope: TenantScope, id: string) {
  const s = scope.on(ctx.trx);
  const d = await s
    .selectFrom('webhooks_delivery')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('webhook delivery', id));
  if (d.status === 'pending' && d.attempts === 0)
    throw new DomainError('webhooks.delivery_pending', 'this delivery has not been attempted yet');
  const changes = { status: 'pending' as const, next_attempt_at: iso(ctx.now), delivered_at: null };
  await s.updateTable('webhooks_delivery').set(changes).where('id', '=', id).execute();
  ctx.wake();
  return deliveryView({ ...d, ...changes });
}
