import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { Str, Type } from '../../../platform/http/schemas.js';
import type { PlacementContributor } from '../../orders/index.js';
import { shopperSources } from '../domain/sources.js';

/**
 * "Placed from": records, in the placement transaction, the order's channel and the traffic
 * source the storefront says the shopper came by. An order without one came `direct`.
 */
export const placedFrom: PlacementContributor<{
  source: ReturnType<typeof sourceField>;
  sourceRef: ReturnType<typeof refField>;
}> = {
  name: 'growth.placed_from',
  input: { source: sourceField(), sourceRef: refField() },
  async contribute(ctx, order, input) {
    // On every order's path: one statement compiled once (see `insertRows`).
    await insertRows(ctx.trx, 'growth_order_source', [
      {
        order_id: order.id,
        org_id: order.orgId,
        channel_id: order.channelId,
        channel_kind: order.channelKind,
        source: order.via === 'counter' ? 'counter' : (input.source ?? 'direct'),
        ref: input.sourceRef ?? null,
        total: order.total,
        placed_at: iso(ctx.now),
      },
    ]);
  },
};

function sourceField() {
  return Type.Optional(
    Type.Enum(shopperSources, { description: 'how the shopper came: search, shop page, link' }),
  );
}

function refField() {
  return Type.Optional(
    Str({ max: 100, description: 'what the source names: the search words, a link code' }),
  );
}
