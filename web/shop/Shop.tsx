import {
  HomeOutlined,
  ProfileOutlined,
  ShoppingCartOutlined,
  SmileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Segmented, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Me } from '../shared/api';
import { setLanguage } from '../shared/i18n';

type Mode = 'signIn' | 'register';

/** The shopper storefront shell, mobile first: later modules fill its tabs. */
export function Shop() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [mode, setMode] = useState<Mode>('signIn');
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const refresh = useCallback(
    () =>
      api<Me>('GET', '/api/auth/me')
        .then((m) => setMe(m.type === 'shopper' ? m : null))
        .catch(() => setMe(null)),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      if (mode === 'register')
        await api('POST', '/api/shop/auth/register', v, { 'idempotency-key': crypto.randomUUID() });
      else await api('POST', '/api/shop/auth/login', { email: v.email, password: v.password });
      await refresh();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields((e.problem.errors ?? []).map((f) => ({ name: f.field, errors: [f.message] })));
      setError(e.problem.detail ?? e.problem.code);
    }
  };

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
            <Segmented<Mode>
              block
              value={mode}
              onChange={setMode}
              options={[
                { value: 'signIn', label: t('shop.signIn') },
                { value: 'register', label: t('shop.register') },
              ]}
              style={{ marginBottom: 16 }}
            />
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
            <Form form={form} layout="vertical" onFinish={submit}>
              {mode === 'register' && (
                <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
                  <Input maxLength={80} />
                </Form.Item>
              )}
              <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, min: mode === 'register' ? 8 : 1 }]}
              >
                <Input.Password autoComplete={mode === 'register' ? 'new-password' : 'current-password'} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block>
                {t(mode === 'register' ? 'shop.register' : 'shop.signIn')}
              </Button>
            </Form>
          </Card>
        )}
        {me && (
          <Result
            icon={<SmileOutlined style={{ color: '#e4572e' }} />}
            title={t('shop.hello', { name: me.shopper?.name })}
            subTitle={t('shop.soon')}
            extra={
              <Button
                onClick={async () => {
                  await api('POST', '/api/auth/logout');
                  form.resetFields();
                  setMode('signIn');
                  setMe(null);
                }}
              >
                {t('app.logout')}
              </Button>
            }
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
        {(
          [
            [<HomeOutlined key="h" />, 'shop.home'],
            [<ShoppingCartOutlined key="c" />, 'shop.cart'],
            [<ProfileOutlined key="o" />, 'shop.orders'],
            [<UserOutlined key="u" />, 'shop.me'],
          ] as const
        ).map(([icon, label]) => (
          <div key={label} style={{ textAlign: 'center', fontSize: 12 }}>
            {icon}
            <div>{t(label)}</div>
          </div>
        ))}
      </nav>
    </div>
  );
}
