/**
 * What a shopper paid for each line of an order, to the fen: its line total with the discounts
 * about its SKU, and its share of the discounts about the whole cart, split in proportion to what
 * the lines cost (largest remainder, so the shares sum to the cart's exactly). A refund of a line
 * is never more than this, and fake one pay ten multiplies it.
 */
export function paidPerLine(
  lines: ReadonlyArray<{ id: string; skuId: string; lineTotal: number }>,
  adjustments: ReadonlyArray<{ skuId: string | null; amount: number }>,
): Map<string, number> {
  const paid = new Map(lines.map((l) => [l.id, l.lineTotal]));
  for (const a of adjustments) {
    if (a.skuId === null) continue;
    const of = lines.filter((l) => l.skuId === a.skuId);
    split(
      a.amount,
      of.map((l) => ({ id: l.id, weight: l.lineTotal })),
      paid,
    );
  }
  const cartWide = adjustments.filter((a) => a.skuId === null).reduce((n, a) => n + a.amount, 0);
  split(
    cartWide,
    lines.map((l) => ({ id: l.id, weight: paid.get(l.id)! })),
    paid,
  );
  return paid;
}

function split(amount: number, among: Array<{ id: string; weight: number }>, into: Map<string, number>) {
  if (amount === 0 || among.length === 0) return;
  const total = among.reduce((n, x) => n + x.weight, 0);
  const shares = among.map((x) => {
    const exact = total === 0 ? amount / among.length : (amount * x.weight) / total;
    return { id: x.id, whole: Math.trunc(exact), rest: Math.abs(exact - Math.trunc(exact)) };
  });
  let left = amount - shares.reduce((n, s) => n + s.whole, 0);
  const step = Math.sign(left);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest)) {
    if (left === 0) break;
    s.whole += step;
    left -= step;
  }
  for (const s of shares) into.set(s.id, into.get(s.id)! + s.whole);
}

/** The compensation a counterfeit line earns on top of its refund: `multiple` x what was paid for it. */
export function counterfeitCompensation(paid: number, multiple: number): number {
  return paid * multiple;
}

/** The return freight paid back to the shopper: what they paid the carrier, up to the right's cap. */
export function freightCompensation(freightPaid: number, capFen: number): number {
  return Math.max(0, Math.min(freightPaid, capFen));
}
