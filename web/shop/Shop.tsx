import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { AntdRoot } from '../shared/antd-lazy';
import { setLanguage } from '../shared/i18n';
import { usePlaceName } from '../shared/places';
import { Icon } from './icons';
import { ShopHome } from './ShopHome';
import { ShopProvider, useShop } from './state';

// The shop's front page comes first, drawn without the component library; a product, the cart,
// the orders and the account load (with Ant Design) when opened.
const ProductPage = lazy(() => import('./ProductPage').then((m) => ({ default: m.ProductPage })));
const CartPage = lazy(() => import('./CartPage').then((m) => ({ default: m.CartPage })));
const OrderPage = lazy(() => import('./OrderPage').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./OrderPage').then((m) => ({ default: m.OrdersPage })));
const MePage = lazy(() => import('./MePage').then((m) => ({ default: m.MePage })));
const ClaimNewPage = lazy(() => import('./ClaimPages').then((m) => ({ default: m.ClaimNewPage })));
const ClaimPage = lazy(() => import('./ClaimPages').then((m) => ({ default: m.ClaimPage })));
const ClaimsPage = lazy(() => import('./ClaimPages').then((m) => ({ default: m.ClaimsPage })));
const AddressPicker = lazy(() => import('./AddressPicker').then((m) => ({ default: m.AddressPicker })));

/**
 * Where the shop delivers to, in the header: the district as words until tapped, then the
 * district chooser (which loads then, with the component library).
 */
function HeaderAddress() {
  const { t, i18n } = useTranslation();
  const { address } = useShop();
  const place = usePlaceName();
  const [choosing, setChoosing] = useState(false);
  const label = `${t('store.deliverTo')} ${[place(address.city), place(address.district)].join(i18n.language === 'en' ? ', ' : '')}`;
  const asText = (
    <button
      type="button"
      className="fw-button fw-ellipsis"
      data-testid="address-button"
      onClick={() => setChoosing(true)}
      style={{ border: 0, maxWidth: 190, minHeight: 24, padding: '0 8px', fontSize: 13, color: '#333' }}
    >
      <Icon name="pin" size={14} /> {label}
    </button>
  );
  if (!choosing) return asText;
  return (
    <Suspense fallback={asText}>
      <AntdRoot>
        <AddressPicker compact defaultOpen />
      </AntdRoot>
    </Suspense>
  );
}

function Frame() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('shop.title');
  }, [t]);
  return (
    <div
      style={{
        maxWidth: 480,
        margin: '0 auto',
        minHeight: '100vh',
        background: '#f6f6f6',
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <div
        style={{
          background: '#e4572e',
          color: '#fff',
          padding: '12px 16px',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          gap: 8,
        }}
      >
        <strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{t('shop.title')}</strong>
        <div style={{ background: '#fff', borderRadius: 6, minWidth: 0 }}>
          <HeaderAddress />
        </div>
        <button
          type="button"
          className="fw-button fw-ghost"
          style={{ whiteSpace: 'nowrap' }}
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('app.language')}
        </button>
      </div>
      <div style={{ flex: 1, padding: 12 }}>
        <Suspense fallback={null}>
          <Routes>
            <Route index element={<ShopHome />} />
            {(
              [
                ['products/:id', ProductPage],
                ['cart', CartPage],
                ['orders', OrdersPage],
                ['orders/:id', OrderPage],
                ['orders/:id/claim', ClaimNewPage],
                ['claims', ClaimsPage],
                ['claims/:id', ClaimPage],
                ['me', MePage],
              ] as const
            ).map(([path, Page]) => (
              <Route
                key={path}
                path={path}
                element={
                  <AntdRoot>
                    <Page />
                  </AntdRoot>
                }
              />
            ))}
          </Routes>
        </Suspense>
      </div>
      <nav
        style={{
          position: 'sticky',
          bottom: 0,
          display: 'flex',
          justifyContent: 'space-around',
          background: '#fff',
          padding: '8px 0',
          borderTop: '1px solid #eee',
        }}
      >
        {(
          [
            ['/shop', 'home', 'shop.home'],
            ['/shop/cart', 'cart', 'shop.cart'],
            ['/shop/orders', 'orders', 'shop.orders'],
            ['/shop/me', 'me', 'shop.me'],
          ] as const
        ).map(([to, icon, label]) => (
          <NavLink
            key={to}
            to={to}
            end={to === '/shop'}
            style={({ isActive }) => ({
              textAlign: 'center',
              fontSize: 12,
              color: isActive ? '#e4572e' : '#555',
            })}
          >
            <Icon name={icon} />
            <div>{t(label)}</div>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

/** The shopper storefront, mobile first: shops, product pages with their delivery promise, cart, tracking. */
export function Shop() {
  return (
    <ShopProvider>
      <Frame />
    </ShopProvider>
  );
}
