import { type ComponentType, lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AntdRoot } from './shared/antd-lazy';
import './shared/i18n';

/**
 * A page loaded when first opened: the shopper's phone never downloads the console, nor a
 * member the pages of other roles.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const ConsoleLayout = page(() => import('./console/Layout'), 'ConsoleLayout');
const Login = page(() => import('./console/pages/identity/Login'), 'Login');
const Channels = page(() => import('./console/pages/catalog/Channels'), 'Channels');
const Products = page(() => import('./console/pages/catalog/Products'), 'Products');
const Home = page(() => import('./console/pages/home/Home'), 'Home');
const ApiKeys = page(() => import('./console/pages/identity/ApiKeys'), 'ApiKeys');
const Audit = page(() => import('./console/pages/identity/Audit'), 'Audit');
const Members = page(() => import('./console/pages/identity/Members'), 'Members');
const Orgs = page(() => import('./console/pages/identity/Orgs'), 'Orgs');
const Inventory = page(() => import('./console/pages/inventory/Inventory'), 'Inventory');
const Locations = page(() => import('./console/pages/inventory/Locations'), 'Locations');
const Transfers = page(() => import('./console/pages/inventory/Transfers'), 'Transfers');
const Ledger = page(() => import('./console/pages/orders/Ledger'), 'Ledger');
const Orders = page(() => import('./console/pages/orders/Orders'), 'Orders');
const Pos = page(() => import('./console/pages/orders/Pos'), 'Pos');
const Tasks = page(() => import('./console/pages/orders/Tasks'), 'Tasks');
const Agreements = page(() => import('./console/pages/partnership/Agreements'), 'Agreements');
const Webhooks = page(() => import('./console/pages/webhooks/Webhooks'), 'Webhooks');
const Trust = page(() => import('./console/pages/trust/Trust'), 'Trust');
const Claims = page(() => import('./console/pages/aftersales/Claims'), 'Claims');
const Shop = page(() => import('./shop/Shop'), 'Shop');

function Root() {
  return (
    <BrowserRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route
            path="/login"
            element={
              <AntdRoot>
                <Login />
              </AntdRoot>
            }
          />
          <Route path="/shop/*" element={<Shop />} />
          <Route
            element={
              <AntdRoot>
                <ConsoleLayout />
              </AntdRoot>
            }
          >
            <Route path="/" element={<Home />} />
            <Route path="/products" element={<Products />} />
            <Route path="/channels" element={<Channels />} />
            <Route path="/agreements" element={<Agreements />} />
            <Route path="/locations" element={<Locations />} />
            <Route path="/inventory" element={<Inventory />} />
            <Route path="/transfers" element={<Transfers />} />
            <Route path="/orders" element={<Orders />} />
            <Route path="/tasks" element={<Tasks />} />
            <Route path="/ledger" element={<Ledger />} />
            <Route path="/pos" element={<Pos />} />
            <Route path="/orgs" element={<Orgs />} />
            <Route path="/members" element={<Members />} />
            <Route path="/api-keys" element={<ApiKeys />} />
            <Route path="/webhooks" element={<Webhooks />} />
            <Route path="/trust" element={<Trust />} />
            <Route path="/claims" element={<Claims />} />
            <Route path="/audit" element={<Audit />} />
          </Route>
          <Route path="*" element={<Navigate to="/" />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
