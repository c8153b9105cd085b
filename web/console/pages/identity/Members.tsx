import { Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Member = {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  lastLoginAt: string | null;
  createdAt: string;
};
const roleOptions = ['viewer', 'staff', 'admin', 'owner'];

export function Members() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const list = useList<Member>('/api/members?limit=50');
  const [open, setOpen] = useState(false);
  const admin = ['admin', 'owner'].includes(me.role ?? '');
  // A member may hand out at most their own role (the API enforces the same rule).
  const grantable = roleOptions.slice(0, roleOptions.indexOf(me.role ?? 'viewer') + 1);

  return (
    <Card
      title={t('menu.members')}
      extra={
        admin && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('members.add')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('common.email'), dataIndex: 'email' },
          {
            title: t('common.role'),
            render: (_, m) =>
              admin && grantable.includes(m.role) && m.userId !== me.user?.id ? (
                <Select
                  size="small"
                  value={m.role}
                  style={{ width: 120 }}
                  options={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  onChange={async (role) => {
                    await api('PATCH', `/api/members/${m.id}`, { role });
                    list.reload();
                  }}
                />
              ) : (
                <Tag>{t(`roles.${m.role}`)}</Tag>
              ),
          },
          {
            title: t('common.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v) => formatTime(v, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, m) =>
              admin &&
              grantable.includes(m.role) &&
              m.userId !== me.user?.id && (
                <Popconfirm
                  title={t('members.remove')}
                  onConfirm={async () => {
                    await api('DELETE', `/api/members/${m.id}`);
                    list.reload();
                  }}
                >
                  <Button size="small" danger>
                    {t('members.remove')}
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
        title={t('members.add')}
        initialValues={{ role: 'staff' }}
        onClose={() => setOpen(false)}
        submit={async (v) => {
          await api('POST', '/api/members', v);
          list.reload();
        }}
      >
        <Form.Item name="email" label={t('common.email')} rules={[{ required: true, type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="password" label={t('members.password')} extra={t('members.passwordHint')}>
          <Input.Password />
        </Form.Item>
        <Form.Item name="role" label={t('common.role')}>
          <Select options={grantable.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
