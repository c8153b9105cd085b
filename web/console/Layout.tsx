import {
  AccountBookOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CarOutlined,
  CreditCardOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  KeyOutlined,
  MenuOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Drawer,
  Form,
  Grid,
  Input,
  Layout,
  Menu,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api, type Me } from '../shared/api';
import { FormModal } from '../shared/FormModal';
import { orgName } from '../shared/format';
import { setLanguage } from '../shared/i18n';

const MeContext = createContext<Me | null>(null);
export const useMe = () => useContext(MeContext)!;

const adminRoles = ['admin', 'owner'];

/** The menu a member sees depends on their organisation's kind and their role. */
export function menuFor(me: Me): Array<{ key: string; icon: ReactNode; label: string }> {
  const kind = me.org?.kind ?? '';
  const admin = adminRoles.includes(me.role ?? '');
  const items: Array<{ key: string; icon: ReactNode; label: string; show: boolean }> = [
    { key: '/', icon: <HomeOutlined />, label: 'menu.home', show: true },
    {
      key: '/products',
      icon: <AppstoreOutlined />,
      label: 'menu.products',
      show: kind === 'brand' || kind === 'platform',
    },
    {
      key: '/channels',
      icon: <ShoppingCartOutlined />,
      label: 'menu.channels',
      show: ['brand', 'retailer', 'platform'].includes(kind),
    },
    {
      key: '/agreements',
      icon: <SolutionOutlined />,
      label: 'menu.agreements',
      show: ['brand', 'retailer', 'platform'].includes(kind),
    },
    {
      key: '/locations',
      icon: <EnvironmentOutlined />,
      label: 'menu.locations',
      show: ['brand', 'retailer', 'store', 'platform'].includes(kind),
    },
    {
      key: '/inventory',
      icon: <DatabaseOutlined />,
      label: 'menu.inventory',
      show: ['brand', 'retailer', 'store', 'platform'].includes(kind),
    },
    {
      key: '/transfers',
      icon: <SwapOutlined />,
      label: 'menu.transfers',
      show: ['brand', 'retailer', 'store', 'platform'].includes(kind),
    },
    {
      key: '/orders',
      icon: <ProfileOutlined />,
      label: 'menu.orders',
      show: ['brand', 'retailer', 'store', 'platform'].includes(kind),
    },
    {
      key: '/tasks',
      icon: <CarOutlined />,
      label: 'menu.tasks',
      show: ['brand', 'retailer', 'store', 'platform'].includes(kind),
    },
    { key: '/pos', icon: <CreditCardOutlined />, label: 'menu.pos', show: kind === 'store' },
    {
      key: '/ledger',
      icon: <AccountBookOutlined />,
      label: 'menu.ledger',
      show: ['brand', 'retailer', 'platform'].includes(kind),
    },
    {
      key: '/trust',
      icon: <SafetyCertificateOutlined />,
      label: 'menu.trust',
      show: kind === 'brand' || kind === 'platform',
    },
    {
      key: '/claims',
      icon: <CustomerServiceOutlined />,
      label: 'menu.claims',
      show: kind === 'brand' || kind === 'platform',
    },
    { key: '/orgs', icon: <ApartmentOutlined />, label: 'menu.orgs', show: kind === 'platform' },
    { key: '/orgs?kind=store', icon: <ShopOutlined />, label: 'menu.stores', show: kind === 'retailer' },
    { key: '/members', icon: <TeamOutlined />, label: 'menu.members', show: true },
    { key: '/api-keys', icon: <KeyOutlined />, label: 'menu.apiKeys', show: admin && kind !== 'store' },
    { key: '/webhooks', icon: <ApiOutlined />, label: 'menu.webhooks', show: admin && kind !== 'store' },
    { key: '/audit', icon: <AuditOutlined />, label: 'menu.audit', show: admin },
  ];
  return items.filter((i) => i.show).map(({ show, ...i }) => i);
}

/** A screen narrower than antd's `md` (768 px): a phone held upright. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement the breakpoints are unknown; a window's width answers then.
  return screens.md === undefined ? window.innerWidth < 768 : !screens.md;
}

export function ConsoleLayout() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [me, setMe] = useState<Me | null>(null);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = usePhone();

  useEffect(() => {
    api<Me>('GET', '/api/auth/me')
      .then((m) => (m.type === 'member' ? setMe(m) : navigate('/shop')))
      .catch(() => navigate('/login'));
  }, [navigate]);

  // The tab says which page it is: 订单 · Flywheel 飞轮.
  const page = me
    ? menuFor(me).find((i) => i.key === location.pathname + location.search || i.key === location.pathname)
        ?.label
    : undefined;
  useEffect(() => {
    document.title = page ? `${t(page)} · ${t('app.name')}` : t('app.name');
  }, [page, t]);

  if (!me) return <Spin style={{ marginTop: 120, width: '100%' }} />;
  const items = menuFor(me).map((i) => ({ ...i, label: t(i.label) }));
  const kind = me.org?.kind ?? '';
  const menu = (
    <Menu
      data-testid="menu"
      mode="inline"
      selectedKeys={[location.pathname + location.search]}
      items={items}
      onClick={(e) => {
        setDrawerOpen(false);
        navigate(e.key);
      }}
    />
  );
  const who = (
    <>
      <Typography.Text strong data-testid="org-name" ellipsis style={{ maxWidth: phone ? 150 : 320 }}>
        {orgName(me.org, i18n.language)}
      </Typography.Text>
      <Tag color="orange">{t(`kind.${kind}`)}</Tag>
      {!phone && <Tag>{t(`roles.${me.role}`)}</Tag>}
    </>
  );
  const actions = (
    <>
      <Button type="link" href="/docs" target="_blank">
        {t('app.docs')}
      </Button>
      <Button data-testid="lang-switch" onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
        {t('app.language')}
      </Button>
      <Button type="text" data-testid="account" onClick={() => setPasswordOpen(true)}>
        {me.user?.name}
      </Button>
      <Button
        onClick={async () => {
          await api('POST', '/api/auth/logout');
          navigate('/login');
        }}
      >
        {t('app.logout')}
      </Button>
    </>
  );
  return (
    <MeContext.Provider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        {phone ? (
          // Store staff hold a phone: the menu and the account's actions open in a drawer.
          <Drawer
            open={drawerOpen}
            placement="left"
            width={264}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
            <Space direction="vertical" style={{ padding: 16 }}>
              <Tag>{t(`roles.${me.role}`)}</Tag>
              {actions}
            </Space>
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={220}>
            <div style={{ padding: '20px 24px', fontWeight: 700, fontSize: 18, color: '#e4572e' }}>
              {t('app.name')}
            </div>
            {menu}
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              gap: 8,
              paddingInline: phone ? 12 : 24,
            }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: phone ? 4 : 8, minWidth: 0 }}>
              {phone && (
                <Button
                  type="text"
                  data-testid="menu-button"
                  aria-label={t('app.menu')}
                  icon={<MenuOutlined />}
                  onClick={() => setDrawerOpen(true)}
                />
              )}
              {who}
            </div>
            {!phone && <Space>{actions}</Space>}
          </Layout.Header>
          <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
            {/* A page another role's menu has (opened by its address) says so, instead of failing. */}
            {items.some((i) => i.key.split('?')[0] === location.pathname) ? (
              <Outlet />
            ) : (
              <Result
                status="403"
                title={t('app.notForYou')}
                extra={
                  <Button type="primary" onClick={() => navigate('/')}>
                    {t('menu.home')}
                  </Button>
                }
              />
            )}
          </Layout.Content>
          <FormModal
            open={passwordOpen}
            title={t('account.changePassword')}
            okText={t('common.save')}
            onClose={() => setPasswordOpen(false)}
            submit={async (v) => {
              await api('POST', '/api/auth/password', v);
              message.success(t('account.passwordChanged'));
            }}
          >
            <Form.Item
              name="currentPassword"
              label={t('account.currentPassword')}
              rules={[{ required: true }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t('account.newPassword')}
              rules={[{ required: true, min: 8 }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </FormModal>
        </Layout>
      </Layout>
    </MeContext.Provider>
  );
}
