import type { TenantScope } from '../../platform/db/tenant.js';
import { notFound } from '../../platform/errors.js';

/** Where an order was placed from, for the brand it belongs to (and the operator). */
export async function getOrderSource(scope: TenantScope, orderId: string) {
  const r = await scope
    .selectFrom('growth_order_source')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow(notFound('order source', orderId));
  return {
    orderId: r.order_id,
    channelId: r.channel_id,
    channelKind: r.channel_kind,
    source: r.source,
    ref: r.ref,
    placedAt: r.placed_at,
  };
}
