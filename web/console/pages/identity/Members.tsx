import { Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../shared/api';
import { formatTime } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Member = {
  id: string;
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
  const [form] = Form.useForm();
  const admin = ['admin', 'owner'].includes(me.role ?? '');

  const add = async (v: Record<string, unknown>) => {
    try {
      await api('POST', '/api/members', v);
      setOpen(false);
      form.resetFields();
      list.reload();
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(
          (e.problem.errors ?? [{ field: 'email', message: e.problem.detail ?? '' }]).map((f) => ({
            name: f.field,
            errors: [f.message],
          })),
        );
    }
  };

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
              admin && m.role !== 'owner' ? (
                <Select
                  size="small"
                  value={m.role}
                  style={{ width: 120 }}
                  options={roleOptions
                    .filter((r) => r !== 'owner')
                    .map((r) => ({ value: r, label: t(`roles.${r}`) }))}
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
        ]}
      />
      <Modal
        open={open}
        title={t('members.add')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ role: 'staff' }}>
          <Form.Item name="email" label={t('common.email')} rules={[{ required: true, type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="password" label={t('members.password')}>
            <Input.Password />
          </Form.Item>
          <Form.Item name="role" label={t('common.role')}>
            <Select options={roleOptions.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
