import { chinaDay } from '../../../platform/clock.js';
import type { ErrorCode } from '../../../platform/errors.js';
/** A brand-retailer agreement's life: drafted by the brand, accepted by the retailer, and ended. */
export const agreementStatuses = ['draft', 'proposed', 'active', 'suspended', 'terminated'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const agreementLevels = ['nka', 'ka', 'regional'] as const;
export type AgreementLevel = (typeof agreementLevels)[number];

/**
 * How the retailer's stores settle with the brand for what they sell of its stock (store-fulfilled
 * online orders and counter sales): a commission of `rateBp` basis points of the sale, or the
 * stock bought at a wholesale price of `rateBp` basis points of the selling price, the retailer
 * keeping the rest.
 */
export const settlementModels = ['commission', 'wholesale'] as const;
export type Settlement = { model: (typeof settlementModels)[number]; rateBp: number };
export const noSettlement: Settlement = { model: 'commission', rateBp: 0 };

/**
 * The retailer's share of a store sale of `value` fen, to the fen: the part at `rateBp` rounds
 * half a fen up, so a wholesale retailer's rest rounds it down.
 */
export function retailerShare(s: Settlement, value: number): number {
  const part = Math.round((value * s.rateBp) / 10_000);
  return s.model === 'commission' ? part : value - part;
}

/** Who may make each move: the brand that drafts it, the retailer that signs it, or either party. */
type Party = 'brand' | 'retailer' | 'either';
export const agreementMoves = {
  propose: { from: ['draft'], to: 'proposed', by: 'brand' },
  withdraw: { from: ['proposed'], to: 'draft', by: 'brand' },
  accept: { from: ['proposed'], to: 'active', by: 'retailer' },
  decline: { from: ['proposed'], to: 'draft', by: 'retailer' },
  suspend: { from: ['active'], to: 'suspended', by: 'either' },
  resume: { from: ['suspended'], to: 'active', by: 'brand' },
  terminate: { from: ['active', 'suspended'], to: 'terminated', by: 'either' },
} as const satisfies Record<string, { from: readonly AgreementStatus[]; to: AgreementStatus; by: Party }>;
export type AgreementMove = keyof typeof agreementMoves;

/** Null when `party` may make `move` on an agreement in `status`, else the refusal's code. */
export function moveRefusal(
  move: AgreementMove,
  status: AgreementStatus,
  party: 'brand' | 'retailer',
): ErrorCode | null {
  const m = agreementMoves[move];
  if (m.by !== 'either' && m.by !== party) return 'partnership.wrong_party';
  if (!(m.from as readonly string[]).includes(status)) return 'partnership.illegal_transition';
  return null;
}

/** The terms that decide what a retailer's stores may list and sell. */
export { chinaDay };

export type AgreementTerms = {
  id: string;
  brandId: string;
  retailerId: string;
  status: AgreementStatus;
  /** Inclusive calendar days, `YYYY-MM-DD`, in China time. */
  startsOn: string;
  endsOn: string;
  /** Product lines covered; `null` is the brand's whole range. */
  productLines: string[] | null;
  /** Provinces covered; `null` is the whole country. */
  provinces: string[] | null;
  signedOn: string | null;
  settlement: Settlement;
};

/** In force: accepted, not suspended or ended, and `at` within its term. */
export function inForce(a: AgreementTerms, at: Date): boolean {
  const day = chinaDay(at);
  return a.status === 'active' && a.startsOn <= day && day <= a.endsOn;
}

/** Shown as `expired` once an active agreement's term is over. */
export function displayStatus(a: AgreementTerms, at: Date): AgreementStatus | 'expired' | 'pending' {
  if (a.status !== 'active') return a.status;
  const day = chinaDay(at);
  if (day > a.endsOn) return 'expired';
  if (day < a.startsOn) return 'pending';
  return 'active';
}

/**
 * Why a store may not carry an SKU of a product line under these agreements, or null when one
 * agreement in force covers both the store's province and the line.
 */
export type CoverageGap = 'no_agreement' | 'not_in_force' | 'province' | 'product_line';

export function coverageGap(
  agreements: AgreementTerms[],
  store: { retailerId: string; province: string | null },
  productLine: string,
  at: Date,
): CoverageGap | null {
  const mine = agreements.filter((a) => a.retailerId === store.retailerId);
  if (mine.length === 0) return 'no_agreement';
  const live = mine.filter((a) => inForce(a, at));
  if (live.length === 0) return 'not_in_force';
  const inProvince = live.filter(
    (a) => a.provinces === null || (store.province !== null && a.provinces.includes(store.province)),
  );
  if (inProvince.length === 0) return 'province';
  return inProvince.some((a) => a.productLines === null || a.productLines.includes(productLine))
    ? null
    : 'product_line';
}

/**
 * How a retailer's store sales of the brand's stock settle at `at`: the settlement of the
 * agreement in force between them (the latest signed when several are), or null when none is.
 */
export function settlementInForce(
  agreements: readonly AgreementTerms[],
  retailerId: string,
  at: Date,
): { agreementId: string; settlement: Settlement } | null {
  const [latest] = agreements
    .filter((a) => a.retailerId === retailerId && inForce(a, at))
    .sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? '') || b.id.localeCompare(a.id));
  return latest ? { agreementId: latest.id, settlement: latest.settlement } : null;
}

/** Lines a retailer may list under agreements in force anywhere (assortment of its store channel). */
export function linesCovered(agreements: AgreementTerms[], retailerId: string, at: Date): string[] | 'all' {
  const live = agreements.filter((a) => a.retailerId === retailerId && inForce(a, at));
  if (live.some((a) => a.productLines === null)) return 'all';
  return [...new Set(live.flatMap((a) => a.productLines ?? []))];
}
