import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import type { PlacementContributor } from '../../orders/index.js';
import { settlementInForce } from '../domain/agreement.js';
import { agreementTerms } from '../queries.js';

/**
 * "Settled as": copies, in the placement transaction, how each store's part of the order will
 * settle with the retailer that runs the store (DESIGN §6.5). The hand-over books the retailer's
 * share from this copy, so an addendum signed between placement and hand-over changes no order
 * placed before it. The terms come from the cached agreements: no read on the order's path.
 */
export const settledAs: PlacementContributor = {
  name: 'partnership.settled_as',
  async contribute(ctx, order) {
    const stores = order.sentFrom.filter((s) => s.retailerId !== null);
    if (stores.length === 0) return;
    const agreements = await agreementTerms(ctx.trx, order.orgId);
    const rows = stores.flatMap((s) => {
      const terms = settlementInForce(agreements, s.retailerId!, ctx.now);
      return terms
        ? [
            {
              order_id: order.id,
              location_id: s.locationId,
              org_id: order.orgId,
              retailer_id: s.retailerId!,
              agreement_id: terms.agreementId,
              settlement: JSON.stringify(terms.settlement),
              created_at: iso(ctx.now),
            },
          ]
        : [];
    });
    await insertRows(ctx.trx, 'partnership_sale_terms', rows);
  },
};
