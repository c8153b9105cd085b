import { Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allPages, api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';
import { useSkuOptions } from '../catalog/use-sku-options';
import type { Location } from './Locations';

type Level = {
  locationId: string;
  locationName: string;
  locationNameEn: string | null;
  skuId: string;
  code: string;
  options: Record<string, string>;
  productName: string;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
  lowStockAt: number;
};
type Movement = {
  id: string;
  kind: string;
  quantity: number;
  onHandAfter: number;
  reason: string | null;
  refType: string | null;
  refId: string | null;
  actorName: string | null;
  createdAt: string;
};

/** The ledger of one cell: every unit in and out, newest first. */
function CellHistory({ cell }: { cell: Level }) {
  const { t, i18n } = useTranslation();
  const list = useList<Movement>(
    `/api/inventory/movements?locationId=${cell.locationId}&skuId=${cell.skuId}&limit=50`,
  );
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        columns={[
          { title: t('audit.time'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
          {
            title: t('common.kind'),
            dataIndex: 'kind',
            render: (k) => <Tag>{t(`stock.movement.${k}`)}</Tag>,
          },
          {
            title: t('stock.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            render: (q: number) => (
              <b style={{ color: q < 0 ? '#cf1322' : '#389e0d' }}>{q > 0 ? `+${q}` : q}</b>
            ),
          },
          { title: t('stock.after'), dataIndex: 'onHandAfter', align: 'right' },
          {
            title: t('stock.reason'),
            render: (_, m) => m.reason ?? (m.refId ? <code>{m.refId}</code> : '—'),
          },
          { title: t('stock.by'), dataIndex: 'actorName', render: (v) => v ?? '—' },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
    </>
  );
}

/** The inventory grid: on hand, reserved, available and in transit per SKU and location. */
export function Inventory() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [locations, setLocations] = useState<Location[]>([]);
  const [locationId, setLocationId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [low, setLow] = useState(false);
  const [cell, setCell] = useState<Level | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const skuOptions = useSkuOptions(receiving);
  const canWrite = me.org?.kind === 'brand' && me.role !== 'viewer';
  useEffect(() => void allPages<Location>('/api/inventory/locations').then(setLocations), []);
  const params = [
    locationId && `locationId=${locationId}`,
    q && `q=${encodeURIComponent(q)}`,
    low && 'low=true',
  ]
    .filter(Boolean)
    .join('&');
  const list = useList<Level>(`/api/inventory/levels?limit=100${params ? `&${params}` : ''}`);

  return (
    <Card
      title={t('menu.inventory')}
      extra={
        <Space wrap>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('stock.location')}
            style={{ width: 280 }}
            value={locationId}
            onChange={setLocationId}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
          />
          <Input.Search allowClear placeholder={t('catalog.search')} onSearch={setQ} style={{ width: 220 }} />
          <Checkbox checked={low} onChange={(e) => setLow(e.target.checked)} data-testid="low-only">
            {t('stock.lowOnly')}
          </Checkbox>
          {canWrite && (
            <Button type="primary" onClick={() => setReceiving(true)}>
              {t('stock.receive')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey={(l) => `${l.locationId}:${l.skuId}`}
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(l) => ({ onClick: () => setCell(l), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('stock.location'),
            render: (_, l) => localName({ name: l.locationName, nameEn: l.locationNameEn }, i18n.language),
          },
          {
            title: t('channels.sku'),
            render: (_, l) => (
              <>
                {l.productName}
                <div style={{ color: '#888', fontSize: 12 }}>
                  {Object.values(l.options).join(' / ')} · <code>{l.code}</code>
                </div>
              </>
            ),
          },
          { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right' },
          {
            title: t('stock.available'),
            dataIndex: 'available',
            align: 'right',
            render: (v: number, l) => (v <= l.lowStockAt ? <Tag color="red">{v}</Tag> : v),
          },
          { title: t('stock.inTransit'), dataIndex: 'inTransit', align: 'right', render: (v) => v || '—' },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
      <Drawer
        width={880}
        open={!!cell}
        title={
          cell
            ? `${cell.productName} · ${cell.code} @ ${localName({ name: cell.locationName, nameEn: cell.locationNameEn }, i18n.language)}`
            : ''
        }
        onClose={() => setCell(null)}
        destroyOnHidden
        extra={
          canWrite && (
            <Button onClick={() => setAdjusting(true)} data-testid="adjust">
              {t('stock.adjust')}
            </Button>
          )
        }
      >
        {cell && (
          <>
            <Space size="large" style={{ marginBottom: 16 }}>
              <span>
                {t('stock.onHand')}: <b>{cell.onHand}</b>
              </span>
              <span>
                {t('stock.reserved')}: <b>{cell.reserved}</b>
              </span>
              <span>
                {t('stock.available')}: <b>{cell.available}</b>
              </span>
              <span>
                {t('stock.inTransit')}: <b>{cell.inTransit}</b>
              </span>
            </Space>
            <CellHistory key={`${cell.locationId}:${cell.skuId}:${cell.onHand}`} cell={cell} />
          </>
        )}
      </Drawer>
      <FormModal
        open={receiving}
        title={t('stock.receive')}
        okText={t('common.save')}
        initialValues={{ locationId }}
        onClose={() => setReceiving(false)}
        submit={async (v: Record<string, any>) => {
          await api(
            'POST',
            '/api/inventory/receipts',
            {
              locationId: v.locationId,
              lines: [{ skuId: v.skuId, quantity: v.quantity }],
              ...(v.ref ? { ref: v.ref } : {}),
            },
            { 'idempotency-key': crypto.randomUUID() },
          );
          list.reload();
        }}
      >
        <Form.Item name="locationId" label={t('stock.location')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
          />
        </Form.Item>
        <Form.Item name="skuId" label={t('stock.sku')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={skuOptions} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="quantity" label={t('stock.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="ref" label={t('stock.reason')}>
            <Input maxLength={80} placeholder="GRN / PO" />
          </Form.Item>
        </Space>
      </FormModal>
      <FormModal
        open={adjusting}
        title={t('stock.adjust')}
        okText={t('common.save')}
        initialValues={{ kind: 'adjust' }}
        onClose={() => setAdjusting(false)}
        submit={async (v: Record<string, any>) => {
          if (!cell) return;
          const r = await api<{ onHand: number; reserved: number }>('POST', '/api/inventory/adjustments', {
            locationId: cell.locationId,
            skuId: cell.skuId,
            kind: v.kind,
            quantity: v.quantity,
            reason: v.reason,
          });
          setCell({ ...cell, onHand: r.onHand, reserved: r.reserved, available: r.onHand - r.reserved });
          list.reload();
        }}
      >
        <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
          <Select
            options={(['adjust', 'damage', 'return'] as const).map((k) => ({
              value: k,
              label: t(`stock.adjustKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('stock.quantity')} rules={[{ required: true }]}>
          <InputNumber />
        </Form.Item>
        <Form.Item name="reason" label={t('stock.reason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
