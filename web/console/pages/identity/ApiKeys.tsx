import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { FormModal, SecretAlert } from '../../../shared/FormModal';
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
  return (
    <Card
      title={t('menu.apiKeys')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      <SecretAlert secret={secret} message={t('apiKeys.secret')} onClose={() => setSecret(null)} />
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
                <Popconfirm
                  title={t('apiKeys.revoke')}
                  onConfirm={async () => {
                    await api('DELETE', `/api/api-keys/${k.id}`);
                    list.reload();
                  }}
                >
                  <Button size="small" danger>
                    {t('apiKeys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
      <FormModal
        open={open}
        title={t('apiKeys.create')}
        initialValues={{ role: 'viewer' }}
        onClose={() => setOpen(false)}
        submit={async (v) => {
          const created = await api<{ secret: string }>('POST', '/api/api-keys', v, {
            'idempotency-key': crypto.randomUUID(),
          });
          setSecret(created.secret);
          list.reload();
        }}
      >
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="role" label={t('common.role')}>
          <Select options={['viewer', 'staff', 'admin'].map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
