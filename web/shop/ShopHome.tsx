import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFen, localName, soonText } from '../shared/format';
import { useList } from '../shared/use-list';
import { colourOf, ProductArt } from './ProductArt';
import { useShop } from './state';
import { TrustBadge } from './TrustBadge';

export type ShopProduct = {
  id: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  category: string;
  images: string[];
  flagship: boolean;
  optionNames: string[];
  fromPrice: number;
  sellable: boolean;
  skus: Array<{
    skuId: string;
    code: string;
    options: Record<string, string>;
    listPrice: number;
    sellingPrice: number;
    sellable: boolean;
    refusal: string | null;
    /** When a SKU not launched yet goes on sale here. */
    launchAt: string | null;
  }>;
};

/** The soonest a product not on sale yet goes on sale, or null. */
export function launchOf(p: ShopProduct): string | null {
  return (
    p.skus
      .map((s) => s.launchAt)
      .filter((at): at is string => at !== null)
      .sort()[0] ?? null
  );
}

export function ShopHome() {
  const { t, i18n } = useTranslation();
  const { shops, shopId, setShopId } = useShop();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  // A page of products at a time, 20 to a page; the shopper asks for more at the bottom.
  const list = useList<ShopProduct>(
    shopId ? `/api/shop/shops/${shopId}/products?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}` : null,
  );
  const products = list.loading && list.items.length === 0 ? null : list.items;
  const brandId = shops.find((s) => s.id === shopId)?.brandId;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <form
        style={{ display: 'flex', gap: 6 }}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
      >
        <select
          className="fw-input"
          aria-label={t('store.shop')}
          data-testid="shop-choice"
          value={shopId ?? ''}
          onChange={(e) => setShopId(e.target.value)}
          style={{ width: 120 }}
        >
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {i18n.language === 'en' && s.brandNameEn ? s.brandNameEn : s.brandName}
            </option>
          ))}
        </select>
        <input
          className="fw-input"
          type="search"
          data-testid="product-search"
          placeholder={t('store.searchPlaceholder')}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            // Cleared: the whole shop again.
            if (!e.target.value) setQ('');
          }}
          style={{ flex: 1 }}
        />
        <button type="submit" className="fw-button" aria-label={t('common.search')}>
          {t('common.search')}
        </button>
      </form>
      {brandId && <TrustBadge brandId={brandId} at="shop" />}
      {products?.length === 0 && (
        <div
          style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', padding: 32 }}
          data-testid="no-products"
        >
          {t('store.noProducts')}
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
        {(products ?? []).map((p) => (
          <Link
            key={p.id}
            to={`/shop/products/${p.id}?${new URLSearchParams(q ? { from: 'search', q } : { from: 'shop' })}`}
            data-testid="product-tile"
            className="fw-card"
            style={{ color: 'inherit', textDecoration: 'none' }}
          >
            <ProductArt
              name={localName(p, i18n.language)}
              category={p.category}
              colour={p.skus[0] && colourOf(p.optionNames, p.skus[0].options)}
              image={p.images[0]}
            />
            <div style={{ padding: 10 }}>
              <strong className="fw-ellipsis">{localName(p, i18n.language)}</strong>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
                <span style={{ color: '#e4572e' }}>{t('store.from', { price: formatFen(p.fromPrice) })}</span>
                {!p.sellable && (
                  <span className="fw-tag">
                    {launchOf(p)
                      ? t('store.onSaleFrom', { when: soonText(launchOf(p)!, i18n.language, t) })
                      : t('store.soldOut')}
                  </span>
                )}
              </div>
            </div>
          </Link>
        ))}
      </div>
      {list.hasMore && (
        <button
          type="button"
          className="fw-button"
          disabled={list.loading}
          onClick={list.more}
          data-testid="more-products"
        >
          {t('store.more')}
        </button>
      )}
    </div>
  );
}
