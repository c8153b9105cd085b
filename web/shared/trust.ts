import type { TFunction } from 'i18next';
import { categoryNames } from '../../src/modules/catalog/domain/categories.js';
import type { Rights } from '../../src/modules/trust/domain/rights.js';
import { formatFen } from './format';

export type { Rights };

export type TierRef = { id?: string; code: string; name: string; nameEn: string | null; rank?: number };

/** A shop's Trust Card as the storefront reads it (`GET /api/shop/brands/:id/trust`). */
export type TrustCard = {
  brandId: string;
  tier: TierRef | null;
  rights: Rights;
  since: string | null;
  record: { score: number | null; onTimeRate: number | null };
};

/** One right a card gives, in the shopper's words: its name and what it promises, with its figures. */
export type RightLine = { key: keyof Rights; label: string; detail: string };

/** The rights a card gives, each named and explained in the UI language. */
export function rightLines(r: Rights, t: TFunction, lang: string): RightLine[] {
  const lines: RightLine[] = [];
  const words = categoryNames(lang === 'en' ? 'en' : 'zh-CN');
  if (r.noReasonReturn) {
    const { days, excludedCategories } = r.noReasonReturn;
    lines.push({
      key: 'noReasonReturn',
      label: t('rights.label.noReasonReturn', { days }),
      detail: excludedCategories.length
        ? t('rights.detail.noReasonExcept', {
            days,
            categories: excludedCategories.map((c) => words[c] ?? c).join(lang === 'en' ? ', ' : '、'),
          })
        : t('rights.detail.noReasonReturn', { days }),
    });
  }
  if (r.returnShipping)
    lines.push({
      key: 'returnShipping',
      label: t('rights.label.returnShipping'),
      detail: t('rights.detail.returnShipping', { cap: formatFen(r.returnShipping.capFen) }),
    });
  if (r.refundWithoutReturn)
    lines.push({
      key: 'refundWithoutReturn',
      label: t('rights.label.refundWithoutReturn'),
      detail: t('rights.detail.refundWithoutReturn', { max: formatFen(r.refundWithoutReturn.maxOrderFen) }),
    });
  if (r.fakeOnePayTen) {
    const { multiple } = r.fakeOnePayTen;
    lines.push({
      key: 'fakeOnePayTen',
      label: multiple === 10 ? t('rights.label.fakeOnePayTen') : t('rights.label.fakeOnePayN', { multiple }),
      detail: t('rights.detail.fakeOnePayTen', { multiple }),
    });
  }
  if (r.fastRefund)
    lines.push({
      key: 'fastRefund',
      label: t('rights.label.fastRefund'),
      detail: t('rights.detail.fastRefund', { max: formatFen(r.fastRefund.maxFen) }),
    });
  if (r.lateDelivery)
    lines.push({
      key: 'lateDelivery',
      label: t('rights.label.lateDelivery'),
      detail:
        'fixedFen' in r.lateDelivery
          ? t('rights.detail.lateFixed', { amount: formatFen(r.lateDelivery.fixedFen) })
          : t('rights.detail.lateShare', { share: r.lateDelivery.feeShareBp / 100 }),
    });
  return lines;
}

/** A tier's name in the UI language, or the words for "no tier". */
export function tierName(tier: TierRef | null | undefined, t: TFunction, lang: string): string {
  if (!tier) return t('rights.noTier');
  return lang === 'en' && tier.nameEn ? tier.nameEn : tier.name;
}
