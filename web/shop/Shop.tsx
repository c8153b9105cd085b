import { HomeOutlined, ProfileOutlined, ShoppingCartOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../shared/api';
import { setLanguage } from '../shared/i18n';

/** The shopper storefront shell, mobile first: later modules fill its tabs. */
export function Shop() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<Me>('GET', '/api/auth/me')
      .then((m) => setMe(m.type === 'shopper' ? m : null))
      .catch(() => setMe(null));
  }, []);
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
          padding: '14px 16px',
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          {t('shop.title')}
        </Typography.Text>
        <Button size="small" ghost onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}>
          {t('app.language')}
        </Button>
      </div>
      <div style={{ flex: 1, padding: 16 }}>
        {me === null && (
          <Card title={t('shop.guest')}>
            <Form
              layout="vertical"
              onFinish={async (v) => {
                await api('POST', '/api/shop/auth/login', v);
                setMe((await api<Me>('GET', '/api/auth/me')) ?? null);
              }}
            >
              <Form.Item name="email" label={t('login.email')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
                <Input.Password />
              </Form.Item>
              <Button type="primary" htmlType="submit" block>
                {t('shop.signIn')}
              </Button>
            </Form>
          </Card>
        )}
        {me && (
          <Result
            status="info"
            title={t('shop.hello', { name: me.shopper?.name })}
            subTitle={t('shop.soon')}
          />
        )}
      </div>
      <nav
        style={{
          display: 'flex',
          justifyContent: 'space-around',
          background: '#fff',
          padding: '10px 0',
          borderTop: '1px solid #eee',
        }}
      >
        {[
          [<HomeOutlined key="h" />, 'shop.home'],
          [<ShoppingCartOutlined key="c" />, 'shop.cart'],
          [<ProfileOutlined key="o" />, 'shop.orders'],
          [<UserOutlined key="u" />, 'shop.me'],
        ].map(([icon, label]) => (
          <div key={label as string} style={{ textAlign: 'center', fontSize: 12 }}>
            {icon}
            <div>{t(label as string)}</div>
          </div>
        ))}
      </nav>
    </div>
  );
}
