import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout } from './console/Layout';
import { Channels } from './console/pages/catalog/Channels';
import { Products } from './console/pages/catalog/Products';
import { Home } from './console/pages/home/Home';
import { ApiKeys } from './console/pages/identity/ApiKeys';
import { Audit } from './console/pages/identity/Audit';
import { Login } from './console/pages/identity/Login';
import { Members } from './console/pages/identity/Members';
import { Orgs } from './console/pages/identity/Orgs';
import { Inventory } from './console/pages/inventory/Inventory';
import { Locations } from './console/pages/inventory/Locations';
import { Transfers } from './console/pages/inventory/Transfers';
import { Ledger } from './console/pages/orders/Ledger';
import { Orders } from './console/pages/orders/Orders';
import { Pos } from './console/pages/orders/Pos';
import { Tasks } from './console/pages/orders/Tasks';
import { Agreements } from './console/pages/partnership/Agreements';
import { Webhooks } from './console/pages/webhooks/Webhooks';
import './shared/i18n';
import { Shop } from './shop/Shop';

function Root() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#e4572e' } }}
    >
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<Login />} />
            <Route path="/shop/*" element={<Shop />} />
            <Route element={<ConsoleLayout />}>
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
              <Route path="/audit" element={<Audit />} />
            </Route>
            <Route path="*" element={<Navigate to="/" />} />
          </Routes>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
