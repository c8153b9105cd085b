import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime, orgName } from '../../../shared/format';
import { usePlaceName } from '../../../shared/places';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Org = {
  id: string;
  kind: string;
  name: string;
  status: string;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  floorAreaM2: number | null;
  attributes: Record<string, unknown>;
  createdAt: string;
};

const providerTypes = ['strategic_core', 'core_base', 'quality_local', 'quality_brand', 'team_leader'];

/** Drops empty inputs: the API takes an absent field as "unchanged" and refuses empty strings. */
function filled(v: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
}

export function Orgs() {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const me = useMe();
  const [params] = useSearchParams();
  const [kindFilter, setKindFilter] = useState<string | undefined>(undefined);
  const kind = params.get('kind') ?? kindFilter;
  const [q, setQ] = useState('');
  const list = useList<Org>(
    `/api/orgs?limit=50${kind ? `&kind=${kind}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Org | null>(null);
  const admin = ['admin', 'owner'].includes(me.role ?? '');
  const isRetailer = me.org?.kind === 'retailer';
  const isPlatform = me.org?.kind === 'platform';

  const locationFields = (
    <>
      <Space wrap>
        <Form.Item name="province" label={t('orgs.province')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="city" label={t('common.city')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="district" label={t('orgs.district')}>
          <Input maxLength={40} />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('orgs.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="lat" label={t('orgs.lat')}>
          <InputNumber min={-90} max={90} step={0.0001} />
        </Form.Item>
        <Form.Item name="lng" label={t('orgs.lng')}>
          <InputNumber min={-180} max={180} step={0.0001} />
        </Form.Item>
        <Form.Item name="floorAreaM2" label={t('common.area')}>
          <InputNumber min={1} />
        </Form.Item>
      </Space>
    </>
  );

  return (
    <Card
      title={t(params.get('kind') === 'store' ? 'menu.stores' : 'menu.orgs')}
      extra={
        <Space>
          {isPlatform && (
            <Select
              allowClear
              placeholder={t('common.kind')}
              style={{ width: 140 }}
              value={kindFilter}
              onChange={setKindFilter}
              options={['platform', 'brand', 'retailer', 'store', 'creator', 'provider'].map((k) => ({
                value: k,
                label: t(`kind.${k}`),
              }))}
            />
          )}
          <Input.Search allowClear placeholder={t('common.search')} onSearch={setQ} style={{ width: 220 }} />
          {admin && (isPlatform || isRetailer) && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t(isRetailer ? 'orgs.createStore' : 'orgs.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('common.name'), render: (_, o) => orgName(o, i18n.language) },
          ...(params.get('kind')
            ? []
            : [
                {
                  title: t('common.kind'),
                  dataIndex: 'kind',
                  render: (k: string) => <Tag>{t(`kind.${k}`)}</Tag>,
                },
              ]),
          {
            title: t('common.city'),
            render: (_, o) => [place(o.city), place(o.district)].filter(Boolean).join(' ') || '—',
          },
          { title: t('common.area'), dataIndex: 'floorAreaM2', render: (a) => a ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={s === 'active' ? 'green' : 'red'}>{t(`orgs.${s}`)}</Tag>,
          },
          { title: t('common.created'), dataIndex: 'createdAt', render: (c) => formatTime(c, i18n.language) },
          {
            title: t('common.actions'),
            render: (_, o) =>
              admin && (
                <Space>
                  <Button size="small" onClick={() => setEditing(o)}>
                    {t('common.edit')}
                  </Button>
                  {isPlatform && o.kind !== 'platform' && (
                    <Button
                      size="small"
                      danger={o.status === 'active'}
                      onClick={async () => {
                        await api('PATCH', `/api/orgs/${o.id}`, {
                          status: o.status === 'active' ? 'suspended' : 'active',
                        });
                        list.reload();
                      }}
                    >
                      {t(o.status === 'active' ? 'orgs.suspend' : 'orgs.activate')}
                    </Button>
                  )}
                </Space>
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
        open={creating}
        title={t(isRetailer ? 'orgs.createStore' : 'orgs.create')}
        initialValues={{ kind: isRetailer ? 'store' : 'brand' }}
        onClose={() => setCreating(false)}
        submit={async (v) => {
          const body = filled(v);
          if (isRetailer) Object.assign(body, { kind: 'store', parentId: me.org!.id });
          await api('POST', '/api/orgs', body, { 'idempotency-key': crypto.randomUUID() });
          list.reload();
        }}
      >
        {isPlatform && (
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
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'provider' && (
              <Form.Item name="providerType" label={t('orgs.providerType')} rules={[{ required: true }]}>
                <Select options={providerTypes.map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            )
          }
        </Form.Item>
        {locationFields}
      </FormModal>
      {editing && (
        <FormModal
          open
          title={`${t('common.edit')} · ${orgName(editing, i18n.language)}`}
          okText={t('common.save')}
          initialValues={filled(editing)}
          onClose={() => setEditing(null)}
          submit={async (v) => {
            await api('PATCH', `/api/orgs/${editing.id}`, filled(v));
            list.reload();
          }}
        >
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          {locationFields}
        </FormModal>
      )}
    </Card>
  );
}
