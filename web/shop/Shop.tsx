import { HomeOutlined, ProfileOutlined, ShoppingCartOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { setLanguage } from '../shared/i18n';
import { AddressPicker } from './AddressPicker';
import { ShopHome } from './ShopHome';
import { ShopProvider } from './state';

// The shop's front page comes first; a product, the cart and the orders load when opened.
const ProductPage = lazy(() => import('./ProductPage').then((m) => ({ default: m.ProductPage })));
const CartPage = lazy(() => import('./CartPage').then((m) => ({ default: m.CartPage })));
const OrderPage = lazy(() => import('./OrderPage').then((m) => ({ default: m.OrderPage })));
const OrdersPage = lazy(() => import('./OrderPage').then((m) => ({ default: m.OrdersPage })));
const MePage = lazy(() => import('./MePage').then((m) => ({ default: m.MePage })));

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
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('shop.title')}
        </Typography.Text>
        <div style={{ background: '#fff', borderRadius: 6 }}>
          <AddressPicker compact />
        </div>
        <Button size="small" ghost onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </Button>
      </div>
      <div style={{ flex: 1, padding: 12 }}>
        <Suspense fallback={null}>
          <Routes>
            <Route index element={<ShopHome />} />
            <Route path="products/:id" element={<ProductPage />} />
            <Route path="cart" element={<CartPage />} />
            <Route path="orders" element={<OrdersPage />} />
            <Route path="orders/:id" element={<OrderPage />} />
            <Route path="me" element={<MePage />} />
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
            ['/shop', <HomeOutlined key="h" />, 'shop.home'],
            ['/shop/cart', <ShoppingCartOutlined key="c" />, 'shop.cart'],
            ['/shop/orders', <ProfileOutlined key="o" />, 'shop.orders'],
            ['/shop/me', <UserOutlined key="u" />, 'shop.me'],
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
            {icon}
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
