import { Alert, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, problemText } from '../../../shared/api';
import { setLanguage } from '../../../shared/i18n';

const demo = [
  ['operator', 'operator@flywheel.demo'],
  ['brand', 'brand@oppo.demo'],
  ['retailer', 'retailer@jdhome.demo'],
  ['store', 'store@jdhome.demo'],
  ['creator', 'creator@flywheel.demo'],
  ['provider', 'provider@flywheel.demo'],
];

export function Login() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const submit = async (v: { email: string; password: string }) => {
    setError(null);
    try {
      await api('POST', '/api/auth/login', v);
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? problemText(t, e.problem) : String(e));
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg,#fff4ef,#f4f6fb)',
      }}
    >
      <Space direction="vertical" size="large" style={{ width: 420 }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={2} style={{ color: '#e4572e', marginBottom: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Card
          title={t('login.title')}
          extra={
            <Button
              size="small"
              data-testid="lang-switch"
              onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
            >
              {t('app.language')}
            </Button>
          }
        >
          {error && (
            <Alert
              type="error"
              showIcon
              message={t('login.failed')}
              description={error}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
              <Input autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('login.demo')}>
          <Table
            size="small"
            pagination={false}
            rowKey="1"
            dataSource={demo}
            columns={[
              { title: t('common.role'), render: (_, r) => t(`role.${r[0]}`) },
              {
                title: t('common.email'),
                render: (_, r) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => form.setFieldsValue({ email: r[1], password: 'flywheel-demo' })}
                  >
                    {r[1]}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
