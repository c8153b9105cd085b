import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, allPages, api, problemText } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatFen, formatTime, localName } from '../../../shared/format';
import type { OrderView } from '../../../shared/orders';
import { usePlaceName } from '../../../shared/places';
import { useList } from '../../../shared/use-list';
import { useMe, usePhone } from '../../Layout';
import { PlacedFrom } from './PlacedFrom';

type Candidate = {
  locationId: string;
  name: string;
  nameEn: string | null;
  kind: 'store' | 'warehouse';
  distanceM: number;
  etaMinutes: number | null;
  queue: number;
  missing: string[];
  rejected: string | null;
  chosen: boolean;
};
export type Order = OrderView & {
  routing: {
    kind: string;
    address: { district?: string; source?: string; lat?: number; lng?: number };
    candidates: Candidate[];
    rules: { applied: string[] };
    decidedAt: string;
  } | null;
};

export const orderColor: Record<string, string> = {
  pending_payment: 'gold',
  paid: 'blue',
  routed: 'blue',
  picking: 'processing',
  ready: 'cyan',
  out_for_delivery: 'orange',
  partially_delivered: 'orange',
  delivered: 'green',
  completed: 'green',
  cancelled: 'default',
};

/** Beyond this a store is out of the hour's reach by far (the widest delivery radius is ~10 km). */
const farM = 50_000;

/** Why the order went where it went: every candidate with its distance, estimate and verdict. */
export function RoutingExplanation({ routing }: { routing: NonNullable<Order['routing']> }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  // Stores far beyond any one-hour radius say little: folded, unless one was chosen.
  const [unfolded, setUnfolded] = useState(false);
  const far = routing.candidates.filter((c) => c.kind === 'store' && !c.chosen && c.distanceM > farM);
  const shown = unfolded ? routing.candidates : routing.candidates.filter((c) => !far.includes(c));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="routing-explanation">
      <Space wrap>
        <Tag color="volcano">{t(`order.routingKind.${routing.kind}`)}</Tag>
        {routing.address.district && (
          <Typography.Text type="secondary">
            {t('order.address')}: {place(routing.address.district)} (
            {t(`order.addressSource.${routing.address.source}`)})
          </Typography.Text>
        )}
        {routing.rules.applied.length > 0 && (
          <Typography.Text type="secondary">
            {t('order.rulesApplied')}:{' '}
            {routing.rules.applied
              .map((k) => t(`rules.kinds.${k.split(':')[0]}`, { defaultValue: k }))
              .join(', ')}
          </Typography.Text>
        )}
      </Space>
      <Table
        rowKey="locationId"
        size="small"
        pagination={false}
        dataSource={shown}
        rowClassName={(c) => (c.chosen ? 'routing-chosen' : '')}
        columns={[
          {
            title: t('common.name'),
            dataIndex: 'name',
            render: (_, c) => (
              <Space>
                {c.chosen && <Tag color="green">{t('order.chosen')}</Tag>}
                <span>{localName(c, i18n.language)}</span>
              </Space>
            ),
          },
          {
            title: t('order.distance'),
            dataIndex: 'distanceM',
            render: (m) => `${(m / 1000).toFixed(1)} km`,
          },
          {
            title: t('order.eta'),
            render: (_, c) =>
              c.etaMinutes === null
                ? '—'
                : c.kind === 'warehouse'
                  ? t('order.days', { n: c.etaMinutes / 1440 })
                  : t('order.minutes', { n: c.etaMinutes }),
          },
          { title: t('order.queue'), dataIndex: 'queue' },
          {
            title: t('order.verdict'),
            render: (_, c) =>
              c.rejected ? (
                <Tag color="red">{t(`order.reject.${c.rejected}`)}</Tag>
              ) : (
                <Tag color="green">{t('order.kept')}</Tag>
              ),
          },
        ]}
      />
      {far.length > 0 && (
        <Button type="link" data-testid="routing-far" onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? t('order.foldFar') : t('order.farStores', { count: far.length, km: farM / 1000 })}
        </Button>
      )}
    </Space>
  );
}

function OrderDetail({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const me = useMe();
  const seesSource = ['brand', 'platform'].includes(me.org?.kind ?? '');
  const canCancel =
    ['brand', 'platform'].includes(me.org?.kind ?? '') &&
    ['pending_payment', 'paid', 'routed', 'picking', 'ready'].includes(order.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('common.status')}>
          <Tag color={orderColor[order.status]}>{t(`order.status.${order.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('order.delivery')}>{t(`order.mode.${order.delivery}`)}</Descriptions.Item>
        <Descriptions.Item label={t('order.total')}>{formatFen(order.total)}</Descriptions.Item>
        <Descriptions.Item label={t('order.payment')}>
          {t(`order.paymentStatus.${order.payment.status}`)}{' '}
          {order.payment.refunded > 0 && `(-${formatFen(order.payment.refunded)})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('order.placedAt')}>
          {formatTime(order.placedAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('order.address')}>
          {order.address
            ? [place(order.address.city), place(order.address.district), order.address.line]
                .filter(Boolean)
                .join(' ')
            : '—'}
        </Descriptions.Item>
        {seesSource && (
          <Descriptions.Item label={t('order.placedFrom')}>
            <PlacedFrom orderId={order.id} />
          </Descriptions.Item>
        )}
        {order.adjustments.length > 0 && (
          <Descriptions.Item label={t('order.adjustments')} span={2}>
            {order.adjustments.map((a) => (
              <div key={`${a.source}:${a.skuId ?? 'cart'}:${a.reason}`}>
                {a.reason} {formatFen(a.amount)}
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('order.lines')}>
        <Table
          rowKey="skuId"
          size="small"
          pagination={false}
          dataSource={order.lines}
          columns={[
            {
              title: t('common.name'),
              render: (_, l) => `${localName(l, i18n.language)} · ${Object.values(l.options).join(' · ')}`,
            },
            { title: 'SKU', dataIndex: 'code' },
            { title: t('store.quantity'), dataIndex: 'quantity' },
            { title: t('order.total'), dataIndex: 'lineTotal', render: formatFen },
          ]}
        />
      </Card>
      <Card size="small" title={t('order.shipments')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={order.shipments}
          columns={[
            {
              title: t('common.name'),
              render: (_, s) => localName({ name: s.locationName, nameEn: s.locationNameEn }, i18n.language),
            },
            { title: t('order.delivery'), dataIndex: 'mode', render: (m) => t(`order.mode.${m}`) },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s) => <Tag>{t(`order.shipmentStatus.${s}`)}</Tag>,
            },
            {
              title: t('order.promiseAt'),
              dataIndex: 'promiseAt',
              render: (v) => formatTime(v, i18n.language),
            },
          ]}
        />
      </Card>
      {order.routing && (
        <Card size="small" title={t('order.routing')}>
          <RoutingExplanation routing={order.routing} />
        </Card>
      )}
      <Card size="small" title={t('order.history')}>
        <Timeline
          items={order.history.map((h) => ({
            children: `${formatTime(h.at, i18n.language)} · ${t(`order.status.${h.to}`)}${h.note ? ` · ${h.note}` : ''}`,
          }))}
        />
      </Card>
      {canCancel && (
        <Popconfirm
          title={t('order.cancel')}
          onConfirm={async () => onChanged(await api<Order>('POST', `/api/orders/${order.id}/cancel`, {}))}
        >
          <Button danger>{t('order.cancel')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function Rules() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [rules, setRules] = useState<
    Array<{
      id: string;
      rank: number;
      kind: string;
      locationName: string | null;
      locationNameEn: string | null;
    }>
  >([]);
  const [locations, setLocations] = useState<Array<{ id: string; name: string; nameEn: string | null }>>([]);
  const [adding, setAdding] = useState(false);
  const load = useCallback(
    () =>
      allPages<(typeof rules)[number]>('/api/fulfilment/rules').then((r) =>
        setRules([...r].sort((a, b) => a.rank - b.rank)),
      ),
    [],
  );
  useEffect(() => {
    void load();
    void allPages<(typeof locations)[number]>('/api/inventory/locations').then(setLocations);
  }, [load]);
  const admin = ['admin', 'owner'].includes(me.role ?? '') && me.org?.kind === 'brand';
  const move = async (id: string, rank: number) => {
    try {
      await api('PATCH', `/api/fulfilment/rules/${id}`, { rank });
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
    }
    await load();
  };
  return (
    <Card
      size="small"
      title={t('rules.title')}
      extra={admin && <Button onClick={() => setAdding(true)}>{t('rules.add')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('rules.order')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules}
        columns={[
          { title: t('rules.rank'), dataIndex: 'rank' },
          {
            // The location a rule prefers under its kind: one column less, so its buttons fit a phone.
            title: t('common.kind'),
            dataIndex: 'kind',
            className: 'fw-wrap',
            render: (k, r) => (
              <>
                {t(`rules.kinds.${k}`)}
                {r.locationName && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {localName({ name: r.locationName, nameEn: r.locationNameEn }, i18n.language)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '',
            render: (_, r, i) =>
              admin && (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('rules.moveUp')}
                    title={t('rules.moveUp')}
                    data-testid="rule-up"
                    disabled={i === 0}
                    onClick={() => void move(r.id, i)}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('rules.moveDown')}
                    title={t('rules.moveDown')}
                    data-testid="rule-down"
                    disabled={i === rules.length - 1}
                    onClick={() => void move(r.id, i + 2)}
                  />
                  <Popconfirm
                    title={t('rules.removeConfirm')}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={async () => {
                      await api('DELETE', `/api/fulfilment/rules/${r.id}`);
                      await load();
                    }}
                  >
                    <Button size="small" danger data-testid="remove-rule">
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('rules.add')}
        onClose={() => setAdding(false)}
        submit={async (v) => {
          await api('POST', '/api/fulfilment/rules', v);
          await load();
        }}
      >
        <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
          <Select
            options={(['prefer_location', 'avoid_split', 'same_province'] as const).map((k) => ({
              value: k,
              label: t(`rules.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'prefer_location' && (
              <Form.Item name="locationId" label={t('rules.location')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={locations.map((l) => ({ value: l.id, label: localName(l, i18n.language) }))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** Orders of the brand (or shipped from the store), each with its routing decision. */
export function Orders() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const phone = usePhone();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [channelId, setChannelId] = useState<string | undefined>();
  const [channels, setChannels] = useState<Array<{ id: string; name: string }>>([]);
  // A store sells through its brands' channels but does not list them: it filters by the rest.
  const listsChannels = me.org?.kind !== 'store';
  useEffect(() => {
    if (listsChannels) void allPages<{ id: string; name: string }>('/api/channels').then(setChannels);
  }, [listsChannels]);
  const filters = useMemo(() => {
    const f = new URLSearchParams();
    if (status) f.set('status', status);
    if (q.trim()) f.set('q', q.trim());
    if (days?.[0]) f.set('from', days[0].format('YYYY-MM-DD'));
    if (days?.[1]) f.set('to', days[1].format('YYYY-MM-DD'));
    if (channelId) f.set('channelId', channelId);
    return f.toString();
  }, [status, q, days, channelId]);
  const list = useList<Order>(`/api/orders?limit=50${filters ? `&${filters}` : ''}`);
  const [open, setOpen] = useState<Order | null>(null);
  const table = (
    <Card
      title={t('menu.orders')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            data-testid="order-search"
            placeholder={t('order.search')}
            style={{ width: 220 }}
            onSearch={setQ}
          />
          {phone ? (
            // A range picker shows two months side by side: wider than a phone. One day each.
            <Space.Compact data-testid="order-days">
              {([0, 1] as const).map((end) => (
                <DatePicker
                  key={end}
                  placeholder={t(end === 0 ? 'order.fromDay' : 'order.toDay')}
                  style={{ width: 130 }}
                  value={days?.[end] ?? null}
                  onChange={(v) => setDays((d) => (end === 0 ? [v, d?.[1] ?? null] : [d?.[0] ?? null, v]))}
                />
              ))}
            </Space.Compact>
          ) : (
            <DatePicker.RangePicker
              data-testid="order-days"
              allowEmpty={[true, true]}
              value={days}
              onChange={(v) => setDays(v)}
            />
          )}
          {listsChannels && (
            <Select
              allowClear
              data-testid="order-channel"
              placeholder={t('order.channel')}
              style={{ width: 160 }}
              value={channelId}
              onChange={setChannelId}
              options={channels.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={Object.keys(orderColor).map((s) => ({ value: s, label: t(`order.status.${s}`) }))}
          />
          <Button
            icon={<DownloadOutlined />}
            href={`/api/orders/export?lang=${i18n.language === 'en' ? 'en' : 'zh-CN'}${filters ? `&${filters}` : ''}`}
            data-testid="order-export"
          >
            {t('order.export')}
          </Button>
        </Space>
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(o) => ({
          onClick: async () => setOpen(await api<Order>('GET', `/api/orders/${o.id}`)),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: 'ID',
            dataIndex: 'id',
            render: (v) => <Typography.Text code>{v.slice(-10)}</Typography.Text>,
          },
          { title: t('order.placedAt'), dataIndex: 'placedAt', render: (v) => formatTime(v, i18n.language) },
          { title: t('order.channel'), dataIndex: 'channelName' },
          {
            title: t('order.customer'),
            render: (_, o) =>
              o.customer?.name ? (
                <span>
                  {o.customer.name} <Typography.Text type="secondary">{o.customer.phone}</Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('order.counterCustomer')}</Typography.Text>
              ),
          },
          { title: t('order.delivery'), dataIndex: 'delivery', render: (m) => t(`order.mode.${m}`) },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => <Tag color={orderColor[s]}>{t(`order.status.${s}`)}</Tag>,
          },
          { title: t('order.total'), dataIndex: 'total', align: 'right', render: formatFen },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 8 }}>
          {t('common.more')}
        </Button>
      )}
    </Card>
  );
  return (
    <>
      {['brand', 'platform'].includes(me.org?.kind ?? '') ? (
        <Tabs
          items={[
            { key: 'orders', label: t('menu.orders'), children: table },
            { key: 'rules', label: t('rules.title'), children: <Rules /> },
          ]}
        />
      ) : (
        table
      )}
      <Drawer
        width={phone ? '100%' : 860}
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open && `${t('menu.orders')} ${open.id}`}
      >
        {open && (
          <OrderDetail
            order={open}
            onChanged={(o) => {
              setOpen(o);
              void list.reload();
            }}
          />
        )}
      </Drawer>
    </>
  );
}
