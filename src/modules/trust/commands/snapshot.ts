import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import type { PlacementContributor } from '../../orders/index.js';
import { cardOf } from '../queries.js';

/**
 * "Rights as placed" (DESIGN §6.5): records, in the placement transaction, the frozen rights of
 * the Trust Card the brand's shops carry (a tier's save never changes a frozen copy, it makes a
 * new one). After-sales keeps these rights, whatever the tier becomes. The card comes from the
 * cache: on the order's path, one small insert and no read.
 */
export const rightsAsPlaced: PlacementContributor = {
  name: 'trust.rights_as_placed',
  async contribute(ctx, order) {
    const card = await cardOf(ctx.trx, order.orgId);
    await insertRows(ctx.trx, 'trust_order_rights', [
      {
        order_id: order.id,
        org_id: order.orgId,
        shopper_id: order.shopperId,
        rights_id: card.rightsId,
        placed_at: iso(ctx.now),
      },
    ]);
  },
};
