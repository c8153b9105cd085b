import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../../../shared/api';
import { formatTime, orgName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Org = {
  id: string;
  kind: string;
  name: string;
  status: string;
  city: string | null;
  district: string | null;
  floorAreaM2: number | null;
  attributes: Record<string, unknown>;
  createdAt: string;
};

export function Orgs() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const kind = params.get('kind');
  const list = useList<Org>(`/api/orgs?limit=50${kind ? `&kind=${kind}` : ''}`);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const canCreate =
    ['platform', 'retailer'].includes(me.org?.kind ?? '') && ['admin', 'owner'].includes(me.role ?? '');

  const create = async (v: Record<string, unknown>) => {
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
      if (me.org?.kind === 'retailer') Object.assign(body, { kind: 'store', parentId: me.org.id });
      await api('POST', '/api/orgs', body);
      setOpen(false);
      form.resetFields();
      list.reload();
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields((e.problem.errors ?? []).map((f) => ({ name: f.field, errors: [f.message] })));
    }
  };

  return (
    <Card
      title={t(kind === 'store' ? 'menu.stores' : 'menu.orgs')}
      extra={
        canCreate && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('orgs.create')}
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
          { title: t('common.name'), render: (_, o) => orgName(o, i18n.language) },
          { title: t('common.kind'), dataIndex: 'kind', render: (k) => <Tag>{t(`kind.${k}`)}</Tag> },
          {
            title: t('common.city'),
            render: (_, o) => [o.city, o.district].filter(Boolean).join(' ') || '—',
          },
          { title: t('common.area'), dataIndex: 'floorAreaM2', render: (a) => a ?? '—' },
          { title: t('common.status'), dataIndex: 'status' },
          { title: t('common.created'), dataIndex: 'createdAt', render: (c) => formatTime(c, i18n.language) },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('orgs.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ kind: me.org?.kind === 'retailer' ? 'store' : 'brand' }}
        >
          {me.org?.kind === 'platform' && (
            <Form.Item name="kind" label={t('common.kind')}>
              <Select
                options={['brand', 'retailer', 'creator', 'provider'].map((k) => ({
                  value: k,
                  label: t(`kind.${k}`),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Space>
            <Form.Item name="province" label={t('orgs.province')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="city" label={t('common.city')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="floorAreaM2" label={t('common.area')}>
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('kind') === 'provider' && (
                <Form.Item name="providerType" label={t('orgs.providerType')} rules={[{ required: true }]}>
                  <Select
                    options={[
                      'strategic_core',
                      'core_base',
                      'quality_local',
                      'quality_brand',
                      'team_leader',
                    ].map((v) => ({ value: v, label: v }))}
                  />
                </Form.Item>
              )
            }
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
