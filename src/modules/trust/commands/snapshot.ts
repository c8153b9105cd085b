import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import type { PlacementContributor } from '../../orders/index.js';
import { cardOf } from '../queries.js';

/**
 * "Rights as placed" (DESIGN §6.5): copies, in the placement transaction, the Trust Card the
 * brand's shops carry to the order. After-sales keeps these rights, whatever the tier becomes.
 * The card comes from the cache: on the order's path, one insert and no read.
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
        tier_id: card.tier?.id ?? null,
        tier_code: card.tier?.code ?? null,
        tier_name: card.tier?.name ?? null,
        tier_name_en: card.tier?.nameEn ?? null,
        rights: card.rightsJson,
        placed_at: iso(ctx.now),
      },
    ]);
  },
};
