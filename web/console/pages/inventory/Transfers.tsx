import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { allPages, api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';
import { useSkuOptions } from '../catalog/use-sku-options';

type Transfer = {
  id: string;
  fromName: string;
  fromNameEn: string | null;
  toName: string;
  toNameEn: string | null;
  status: 'requested' | 'shipped' | 'received' | 'cancelled';
  reason: string;
  note: string | null;
  lines: Array<{
    skuId: string;
    code: string;
    productName: string;
    quantity: number;
    receivedQuantity: number | null;
  }>;
  shippedAt: string | null;
  receivedAt: string | null;
  createdAt: string;
};
const statusColor = {
  requested: 'blue',
  shipped: 'orange',
  received: 'green',
  cancelled: 'default',
} as const;

const fromOf = (x: Transfer, lang: string) => localName({ name: x.fromName, nameEn: x.fromNameEn }, lang);
const toOf = (x: Transfer, lang: string) => localName({ name: x.toName, nameEn: x.toNameEn }, lang);

function TransferDetail({
  transfer,
  canShip,
  canReceive,
  onChanged,
}: {
  transfer: Transfer;
  canShip: boolean;
  canReceive: boolean;
  onChanged: (t: Transfer) => void;
}) {
  const { t, i18n } = useTranslation();
  const [counted, setCounted] = useState<Record<string, number>>({});
  const act = async (path: string, body?: unknown) =>
    onChanged(await api<Transfer>('POST', `/api/inventory/transfers/${transfer.id}/${path}`, body));
  return (
    <>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('stock.from')}>{fromOf(transfer, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('stock.to')}>{toOf(transfer, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <Tag color={statusColor[transfer.status]}>{t(`stock.transferStatus.${transfer.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('stock.reason')}>
          {t(`stock.transferReason.${transfer.reason}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.created')}>
          {formatTime(transfer.createdAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('stock.transferStatus.shipped')}>
          {formatTime(transfer.shippedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ margin: '16px 0' }}
        rowKey="skuId"
        size="small"
        pagination={false}
        dataSource={transfer.lines}
        columns={[
          {
            title: t('channels.sku'),
            render: (_, l) => (
              <>
                {l.productName} <code>{l.code}</code>
              </>
            ),
          },
          { title: t('stock.quantity'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('stock.received'),
            align: 'right',
            render: (_, l) =>
              transfer.status === 'shipped' && canReceive ? (
                <InputNumber
                  size="small"
                  min={0}
                  max={l.quantity}
                  value={counted[l.skuId] ?? l.quantity}
                  onChange={(v) => setCounted({ ...counted, [l.skuId]: v ?? 0 })}
                />
              ) : (
                (l.receivedQuantity ?? '—')
              ),
          },
        ]}
      />
      <Space>
        {transfer.status === 'requested' && canShip && (
          <>
            <Button type="primary" data-testid="ship" onClick={() => act('ship')}>
              {t('stock.ship')}
            </Button>
            <Button danger onClick={() => act('cancel')}>
              {t('stock.cancelTransfer')}
            </Button>
          </>
        )}
        {transfer.status === 'shipped' && canReceive && (
          <Button
            type="primary"
            data-testid="receive"
            onClick={() =>
              act('receive', {
                lines: transfer.lines.map((l) => ({
                  skuId: l.skuId,
                  receivedQuantity: counted[l.skuId] ?? l.quantity,
                })),
              })
            }
          >
            {t('stock.receiveTransfer')}
          </Button>
        )}
      </Space>
    </>
  );
}

/** Transfers between warehouses and stores: requested, in transit, received. */
export function Transfers() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>();
  const locationId = params.get('locationId');
  const filters = [status && `status=${status}`, locationId && `locationId=${locationId}`]
    .filter(Boolean)
    .join('&');
  const list = useList<Transfer>(`/api/inventory/transfers?limit=50${filters ? `&${filters}` : ''}`);
  const [selected, setSelected] = useState<Transfer | null>(null);
  const [creating, setCreating] = useState(false);
  const [locations, setLocations] = useState<Array<{ id: string; name: string }>>([]);
  const skuOptions = useSkuOptions(creating);
  useEffect(() => {
    if (creating) void allPages<{ id: string; name: string }>('/api/inventory/locations').then(setLocations);
  }, [creating]);
  const kind = me.org?.kind ?? '';
  const staff = me.role !== 'viewer';
  return (
    <Card
      title={t('menu.transfers')}
      extra={
        <Space>
          {kind === 'brand' && staff && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('stock.newTransfer')}
            </Button>
          )}
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={(['requested', 'shipped', 'received', 'cancelled'] as const).map((s) => ({
              value: s,
              label: t(`stock.transferStatus.${s}`),
            }))}
          />
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(tr) => ({ onClick: () => setSelected(tr), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('common.created'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          { title: t('stock.from'), render: (_, x) => fromOf(x, i18n.language) },
          { title: t('stock.to'), render: (_, x) => toOf(x, i18n.language) },
          { title: t('stock.reason'), dataIndex: 'reason', render: (r) => t(`stock.transferReason.${r}`) },
          { title: t('stock.lines'), render: (_, tr) => tr.lines.length, align: 'right' },
          {
            title: t('stock.units'),
            render: (_, tr) => tr.lines.reduce((a, l) => a + l.quantity, 0),
            align: 'right',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Transfer['status']) => (
              <Tag color={statusColor[s]}>{t(`stock.transferStatus.${s}`)}</Tag>
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
        title={t('stock.newTransfer')}
        onClose={() => setCreating(false)}
        initialValues={{ lines: [{}] }}
        submit={async (v: Record<string, any>) => {
          await api(
            'POST',
            '/api/inventory/transfers',
            {
              fromLocationId: v.fromLocationId,
              toLocationId: v.toLocationId,
              lines: v.lines,
              ...(v.note ? { note: v.note } : {}),
            },
            { 'idempotency-key': crypto.randomUUID() },
          );
          list.reload();
        }}
      >
        <Space wrap>
          <Form.Item name="fromLocationId" label={t('stock.from')} rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              showSearch
              optionFilterProp="label"
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item name="toLocationId" label={t('stock.to')} rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              showSearch
              optionFilterProp="label"
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'skuId']}
                    rules={[{ required: true }]}
                    messageVariables={{ label: t('stock.sku') }}
                  >
                    <Select
                      style={{ width: 380 }}
                      showSearch
                      optionFilterProp="label"
                      options={skuOptions}
                      placeholder={t('stock.sku')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true }]}
                    messageVariables={{ label: t('stock.quantity') }}
                  >
                    <InputNumber min={1} placeholder={t('stock.quantity')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                {t('stock.lines')}
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
      <Drawer
        width={760}
        open={!!selected}
        title={selected ? `${fromOf(selected, i18n.language)} → ${toOf(selected, i18n.language)}` : ''}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && (
          <TransferDetail
            transfer={selected}
            canShip={kind === 'brand' && staff}
            canReceive={staff && (kind === 'brand' || kind === 'store' || kind === 'retailer')}
            onChanged={(tr) => {
              setSelected(tr);
              list.reload();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}
