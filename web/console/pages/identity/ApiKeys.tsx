import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatTime } from '../../../shared/format';
import { useList } from '../../../shared/use-list';

type Key = {
  id: string;
  name: string;
  prefix: string;
  role: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

export function ApiKeys() {
  const { t, i18n } = useTranslation();
  const list = useList<Key>('/api/api-keys?limit=50');
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  return (
    <Card
      title={t('menu.apiKeys')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      {secret && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('apiKeys.secret')}
          description={
            <Typography.Text copyable code>
              {secret}
            </Typography.Text>
          }
          closable
          onClose={() => setSecret(null)}
        />
      )}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (p) => <code>{p}…</code> },
          { title: t('common.role'), dataIndex: 'role', render: (r) => t(`roles.${r}`) },
          {
            title: t('apiKeys.lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (v) => formatTime(v, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, k) =>
              k.revokedAt ? (
                <Tag>{t('apiKeys.revoked')}</Tag>
              ) : (
                <Button
                  size="small"
                  danger
                  onClick={async () => {
                    await api('DELETE', `/api/api-keys/${k.id}`);
                    list.reload();
                  }}
                >
                  {t('apiKeys.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('apiKeys.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ role: 'viewer' }}
          onFinish={async (v) => {
            const created = await api<{ secret: string }>('POST', '/api/api-keys', v, {
              'idempotency-key': crypto.randomUUID(),
            });
            setSecret(created.secret);
            setOpen(false);
            form.resetFields();
            list.reload();
          }}
        >
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="role" label={t('common.role')}>
            <Select
              options={['viewer', 'staff', 'admin'].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
