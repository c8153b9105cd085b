import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { formatDay } from '../shared/format';
import { type Rights, rightLines, type TierRef, type TrustCard, tierName } from '../shared/trust';

// Drawn with plain elements: the shop's front page carries it, and loads without the component library.

/** One fetch per brand per page load: the card changes seldom, and every page of the shop shows it. */
const cards = new Map<string, Promise<TrustCard>>();
function cardOf(brandId: string): Promise<TrustCard> {
  let card = cards.get(brandId);
  if (!card) {
    card = api<TrustCard>('GET', `/api/shop/brands/${brandId}/trust`);
    card.catch(() => cards.delete(brandId));
    cards.set(brandId, card);
  }
  return card;
}

function Shield({ gold }: { gold: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" style={{ flex: 'none' }}>
      <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill={gold ? '#d4a017' : '#e4572e'} />
      <path d="m8 12 3 3 5-6" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  );
}

/** The tier and its rights: chips, and each right's promise with its figures when opened. */
function RightsStrip(props: {
  tier: TierRef | null;
  rights: Rights;
  note?: string;
  testId: string;
  open?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(props.open ?? false);
  const lines = rightLines(props.rights, t, i18n.language);
  return (
    <div
      className="fw-card"
      data-testid={props.testId}
      data-tier={props.tier?.code ?? 'none'}
      style={{ padding: 10 }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        <Shield gold={props.tier?.code === 'gold'} />
        <strong data-testid="trust-tier">{tierName(props.tier, t, i18n.language)}</strong>
        <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('rights.title')}</span>
        <button
          type="button"
          className="fw-button"
          style={{ marginLeft: 'auto', minHeight: 24, padding: '0 8px', fontSize: 12 }}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? t('rights.less') : t('rights.more')}
        </button>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 6 }}>
        {lines.map((l) => (
          <span
            key={l.key}
            className="fw-tag"
            data-right={l.key}
            style={{ color: '#ad4e00', borderColor: '#ffd591', background: '#fff7e6' }}
          >
            {l.label}
          </span>
        ))}
      </div>
      {open && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 18, fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
          {lines.map((l) => (
            <li key={l.key}>{l.detail}</li>
          ))}
        </ul>
      )}
      {props.note && (
        <div style={{ marginTop: 6, fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{props.note}</div>
      )}
    </div>
  );
}

/**
 * A shop's Trust Card: on the shop page the platform's guarantee next to the seller's own record
 * ("trust the platform" beside "trust the seller"); on a product page and at checkout, the rights.
 */
export function TrustBadge({ brandId, at }: { brandId: string; at: 'shop' | 'product' | 'checkout' }) {
  const { t, i18n } = useTranslation();
  const [card, setCard] = useState<TrustCard | null>(null);
  useEffect(() => {
    let live = true;
    void cardOf(brandId).then(
      (c) => live && setCard(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [brandId]);
  if (!card) return null;
  const strip = (
    <RightsStrip
      tier={card.tier}
      rights={card.rights}
      testId={`trust-${at}`}
      note={
        at === 'checkout'
          ? t('rights.atCheckout')
          : card.since && at === 'shop'
            ? t('trust.since', { when: formatDay(card.since, i18n.language) })
            : undefined
      }
    />
  );
  if (at !== 'shop') return strip;
  const { score, onTimeRate } = card.record;
  return (
    // Side by side where there is room; on a phone, the seller's record under the platform's guarantee.
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 8 }}>
      {strip}
      <div className="fw-card" data-testid="seller-record" style={{ padding: 10, fontSize: 13 }}>
        <strong>{t('rights.seller')}</strong>
        <div>
          {t('rights.score')}:{' '}
          <span data-testid="seller-score">{score === null ? t('rights.noScore') : score.toFixed(2)}</span>
        </div>
        <div>
          {t('rights.onTime')}:{' '}
          {onTimeRate === null ? t('rights.noFigure') : `${(onTimeRate * 100).toFixed(1)}%`}
        </div>
      </div>
    </div>
  );
}

type OrderRights = { orderId: string; tier: TierRef | null; rights: Rights; placedAt: string };

/** The rights one order keeps: its Trust Card as it was placed, whatever the shop's card is now. */
export function OrderRightsCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const [rights, setRights] = useState<OrderRights | null>(null);
  useEffect(() => {
    void api<OrderRights>('GET', `/api/shop/orders/${orderId}/rights`).then(setRights, () => undefined);
  }, [orderId]);
  if (!rights) return null;
  return (
    <RightsStrip
      tier={rights.tier}
      rights={rights.rights}
      testId="order-rights"
      note={t('rights.keptAsPlaced')}
    />
  );
}
