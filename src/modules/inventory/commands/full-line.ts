import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { fullLineReport, replenishmentSuggestions } from '../queries/full-line.js';
import { findLocation } from '../queries/locations.js';
import { requestTransfer } from './transfers.js';

/**
 * Turns a store's gaps into transfer requests from the warehouses: `full_line` sends what the
 * out-of-stock SKUs of the full line need; `all` every replenishment suggestion. One transfer per
 * warehouse; what no warehouse holds is reported as unfilled.
 */
export async function replenishStore(
  ctx: WriteCtx,
  p: MemberPrincipal,
  locationId: string,
  only: 'full_line' | 'all',
) {
  const store = await findLocation(ctx.trx, p, locationId);
  const suggestions = await replenishmentSuggestions(ctx.trx, store, ctx.now);
  let wanted = suggestions.items;
  if (only === 'full_line') {
    const report = await fullLineReport(ctx.trx, store, ctx.now);
    const gaps = new Set(report.lines.filter((l) => l.gaps.includes('out_of_stock')).map((l) => l.skuId));
    wanted = wanted.filter((s) => gaps.has(s.skuId));
  }
  const bySource = new Map<string, Array<{ skuId: string; quantity: number }>>();
  const unfilled: Array<{ skuId: string; quantity: number }> = [];
  for (const s of wanted) {
    const quantity = Math.min(s.quantity, s.fromAvailable);
    if (!s.fromLocationId || quantity <= 0) {
      unfilled.push({ skuId: s.skuId, quantity: s.quantity });
      continue;
    }
    if (quantity < s.quantity) unfilled.push({ skuId: s.skuId, quantity: s.quantity - quantity });
    bySource.set(s.fromLocationId, [...(bySource.get(s.fromLocationId) ?? []), { skuId: s.skuId, quantity }]);
  }
  const transferIds: string[] = [];
  for (const [from, lines] of bySource)
    transferIds.push(
      await requestTransfer(ctx, store.org_id, {
        fromLocationId: from,
        toLocationId: store.id,
        lines,
        reason: only === 'full_line' ? 'full_line' : 'replenishment',
        note: only === 'full_line' ? 'Full line on the shelf' : `Cover of ${suggestions.coverDays} days`,
      }),
    );
  return { locationId: store.id, transferIds, unfilled };
}
