import type { FieldError } from '../../../platform/errors.js';

/** What a shopper chooses for a cart. */
export const deliveryModes = ['hour', 'standard', 'pickup'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];
/** How an order reaches its shopper: as chosen online, or handed over at a store's counter. */
export const orderDeliveries = [...deliveryModes, 'counter'] as const;
export type OrderDelivery = (typeof orderDeliveries)[number];

/**
 * Delivery fees in fen: a one-hour courier costs more than a parcel and is free above a larger
 * basket; collecting in the store is free. (JD's hour delivery and Tmall's parcels price so.)
 */
export const deliveryFeeRules: Record<DeliveryMode, { fee: number; freeFrom: number | null }> = {
  hour: { fee: 600, freeFrom: 19_900 },
  standard: { fee: 1_000, freeFrom: 9_900 },
  pickup: { fee: 0, freeFrom: null },
};

export const quantityLimits = {
  /** Units of one SKU in one order: resellers buying out a launch are kept to this. */
  perSku: 10,
  /** Different SKUs in one cart. */
  lines: 50,
};

export type PricedLine = {
  skuId: string;
  quantity: number;
  listPrice: number;
  unitPrice: number;
  lineTotal: number;
};

/**
 * One adjustment of the price, shown on the quote and stored on the order as a line of its own
 * (a live price, a coupon, a fan benefit). `amount` is signed fen: a discount is negative.
 */
export type Adjustment = {
  /** The adjuster that made it (`live.live_price`). */
  source: string;
  /** Why, in words a shopper reads on the quote. */
  reason: string;
  /** The SKU it is about, or null for the whole cart. */
  skuId: string | null;
  amount: number;
};

export type Priced = {
  lines: PricedLine[];
  subtotal: number;
  /** The price adjusters' lines, in the order they ran; their sum is in `total`. */
  adjustments: Adjustment[];
  deliveryFee: number;
  total: number;
  /** What is wrong with the cart, by line: nothing may be ordered while this is not empty. */
  problems: FieldError[];
};

/**
 * Totals of a cart on a channel, in integer fen: each line at the channel's selling price, the
 * delivery fee of the mode, and every quantity within its limit.
 */
export function price(
  lines: ReadonlyArray<{
    skuId: string;
    quantity: number;
    prices: { listPrice: number; sellingPrice: number } | null;
  }>,
  mode: DeliveryMode | null,
): Priced {
  const problems: FieldError[] = [];
  if (lines.length > quantityLimits.lines)
    problems.push({ field: 'lines', message: `at most ${quantityLimits.lines} different items` });
  const priced: PricedLine[] = [];
  for (const [i, l] of lines.entries()) {
    if (l.quantity > quantityLimits.perSku)
      problems.push({
        field: `lines.${i}.quantity`,
        message: `at most ${quantityLimits.perSku} of one item`,
      });
    if (!l.prices) {
      problems.push({ field: `lines.${i}.skuId`, message: 'has no price on this channel' });
      continue;
    }
    priced.push({
      skuId: l.skuId,
      quantity: l.quantity,
      listPrice: l.prices.listPrice,
      unitPrice: l.prices.sellingPrice,
      lineTotal: l.prices.sellingPrice * l.quantity,
    });
  }
  const subtotal = priced.reduce((sum, l) => sum + l.lineTotal, 0);
  const deliveryFee = mode && subtotal > 0 ? feeFor(mode, subtotal) : 0;
  return { lines: priced, subtotal, adjustments: [], deliveryFee, total: subtotal + deliveryFee, problems };
}

/**
 * The price with the adjusters' lines: the delivery fee stays the one of the goods' own price,
 * and no adjustment may take the goods below nothing.
 */
export function withAdjustments(priced: Priced, adjustments: Adjustment[]): Priced {
  if (adjustments.length === 0) return priced;
  const sum = adjustments.reduce((s, a) => s + a.amount, 0);
  const problems =
    priced.subtotal + sum < 0
      ? [...priced.problems, { field: 'adjustments', message: 'would take the price below zero' }]
      : priced.problems;
  return { ...priced, adjustments, total: Math.max(0, priced.subtotal + sum) + priced.deliveryFee, problems };
}

export function feeFor(mode: DeliveryMode, subtotal: number): number {
  const rule = deliveryFeeRules[mode];
  return rule.freeFrom !== null && subtotal >= rule.freeFrom ? 0 : rule.fee;
}

/**
 * What the shopper paid for the goods one location hands over: its lines, with the adjustments
 * on their SKUs (a live price, a coupon on an item) and its share, by value, of those on the
 * whole order (rounded to the fen). The delivery fee is not the goods'.
 */
export function handedOverValue(
  lines: ReadonlyArray<{ sku_id: string; location_id: string; line_total: number | string }>,
  adjustments: ReadonlyArray<{ skuId: string | null; amount: number }>,
  locationId: string,
): number {
  const all = lines.reduce((n, l) => n + Number(l.line_total), 0);
  const here = lines.filter((l) => l.location_id === locationId);
  const skus = new Set(here.map((l) => l.sku_id));
  const goods = here.reduce((n, l) => n + Number(l.line_total), 0);
  const onItems = adjustments
    .filter((a) => a.skuId !== null && skus.has(a.skuId))
    .reduce((n, a) => n + a.amount, 0);
  const onOrder = adjustments.filter((a) => a.skuId === null).reduce((n, a) => n + a.amount, 0);
  const share = all > 0 ? Math.round((onOrder * goods) / all) : 0;
  return Math.max(0, goods + onItems + share);
}
