/**
 * The rights a Trust Card tier gives every order placed under it (DESIGN §1 B): each one a
 * promise with its parameters, or null when the tier does not give it. An order keeps the
 * rights of the tier it was placed under (DESIGN §6.5), whatever its shop's tier becomes.
 */
export type Rights = {
  /** 七天无理由退货: return within `days` of delivery without a reason, but not these categories. */
  noReasonReturn: { days: number; excludedCategories: string[] } | null;
  /** 退货补运费: the return freight the shopper paid, up to `capFen`, paid back to them. */
  returnShipping: { capFen: number } | null;
  /** 退款不退货: a refund without sending the goods back, for orders up to `maxOrderFen`. */
  refundWithoutReturn: { maxOrderFen: number } | null;
  /** 假一赔十: a line found counterfeit is refunded and compensated `multiple` x its price paid. */
  fakeOnePayTen: { multiple: number } | null;
  /** 极速退款: a claim up to `maxFen` is approved at once, before shipment and after. */
  fastRefund: { maxFen: number } | null;
  /** 超时赔付: a one-hour parcel delivered after its promise is compensated, automatically. */
  lateDelivery: { fixedFen: number } | { feeShareBp: number } | null;
};

export const rightKeys = [
  'noReasonReturn',
  'returnShipping',
  'refundWithoutReturn',
  'fakeOnePayTen',
  'fastRefund',
  'lateDelivery',
] as const satisfies ReadonlyArray<keyof Rights>;
export type RightKey = (typeof rightKeys)[number];

/**
 * What every order has without any tier: the seven-day no-reason return the law gives online
 * sales (PRC Consumer Rights Protection Law, art. 25), nothing more.
 */
export const baselineRights: Rights = {
  noReasonReturn: { days: 7, excludedCategories: [] },
  returnShipping: null,
  refundWithoutReturn: null,
  fakeOnePayTen: null,
  fastRefund: null,
  lateDelivery: null,
};

/** The rights a tier gives, as a list of their keys: what a badge shows. */
export function givenRights(r: Rights): RightKey[] {
  return rightKeys.filter((k) => r[k] !== null);
}

/**
 * The late-delivery compensation of a parcel, in fen: the tier's fixed amount, or its share of
 * the delivery fee the shopper paid (rounded half up to the fen); 0 without the right.
 */
export function lateDeliveryCompensation(r: Rights, deliveryFee: number): number {
  const late = r.lateDelivery;
  if (!late) return 0;
  if ('fixedFen' in late) return late.fixedFen;
  return Math.round((deliveryFee * late.feeShareBp) / 10_000);
}

/** Why a set of rights cannot be kept as given, or null (the schema bounds each number). */
export function rightsProblem(r: Rights): { field: string; message: string } | null {
  const seen = new Set<string>();
  for (const c of r.noReasonReturn?.excludedCategories ?? []) {
    if (seen.has(c)) return { field: 'rights.noReasonReturn.excludedCategories', message: `${c} twice` };
    seen.add(c);
  }
  return null;
}
