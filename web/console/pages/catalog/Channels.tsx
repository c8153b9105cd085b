import {
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allPages, api, type Page } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatFen, formatTime, localName, orgName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';
import { useSkuOptions } from './use-sku-options';

type Channel = {
  id: string;
  kind: 'online' | 'store' | 'live' | 'distribution';
  name: string;
  retailerName: string | null;
  retailerNameEn: string | null;
  priceParity: boolean;
  status: 'active' | 'paused';
  listings: number;
};
type Listing = {
  skuId: string;
  code: string;
  options: Record<string, string>;
  productName: string;
  flagship: boolean;
  listPrice: number;
  sellingPrice: number;
  floorPrice: number | null;
  sellable: boolean;
  refusal: string | null;
};
type Launch = {
  id: string;
  productId: string;
  productName: string;
  startsAt: string;
  channelIds: string[];
  launched: boolean;
};
type ProductOption = {
  id: string;
  name: string;
  skus?: Array<{ id: string; code: string; options: Record<string, string> }>;
};

const kindColor = { online: 'blue', store: 'purple', live: 'magenta', distribution: 'gold' } as const;
const yuanToFen = (y: number) => Math.round(y * 100);

/** Time left until an instant, as "2d 3h" or "45 min". */
function countdown(iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  const d = Math.floor(ms / 86_400_000);
  const h = Math.floor((ms % 86_400_000) / 3_600_000);
  const m = Math.ceil((ms % 3_600_000) / 60_000);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m} min`;
}

function Listings({
  channel,
  canWrite,
  onChanged,
}: {
  channel: Channel;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useList<Listing>(
    `/api/channels/${channel.id}/listings?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const [adding, setAdding] = useState(false);
  const skus = useSkuOptions(adding);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('catalog.search')} onSearch={setQ} style={{ width: 260 }} />
        {canWrite && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="add-listing">
            {t('channels.list')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="skuId"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('channels.sku'),
            render: (_, l) => (
              <>
                {l.productName} {l.flagship && <Tag color="gold">{t('catalog.flagship')}</Tag>}
                <div style={{ color: '#888', fontSize: 12 }}>
                  {Object.values(l.options).join(' / ')} · <code>{l.code}</code>
                </div>
              </>
            ),
          },
          { title: t('channels.listPrice'), dataIndex: 'listPrice', align: 'right', render: formatFen },
          {
            title: t('channels.sellingPrice'),
            dataIndex: 'sellingPrice',
            align: 'right',
            render: (v) => <b>{formatFen(v)}</b>,
          },
          {
            title: t('channels.floorPrice'),
            dataIndex: 'floorPrice',
            align: 'right',
            render: (v) => (v === null ? '—' : formatFen(v)),
          },
          {
            title: t('channels.sellable'),
            render: (_, l) =>
              l.sellable ? (
                <Tag color="green">✓</Tag>
              ) : (
                <Tag color="orange">{t(`channels.refusal.${l.refusal}`)}</Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, l: Listing) => (
                    <Popconfirm
                      title={t('channels.remove')}
                      onConfirm={async () => {
                        await api('POST', `/api/channels/${channel.id}/listings/remove`, {
                          skuIds: [l.skuId],
                        });
                        list.reload();
                        onChanged();
                      }}
                    >
                      <Button size="small" danger>
                        {t('channels.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={adding}
        title={t('channels.list')}
        okText={t('common.save')}
        onClose={() => setAdding(false)}
        submit={async (v: Record<string, any>) => {
          await api('POST', `/api/channels/${channel.id}/listings`, {
            items: (v.skuIds as string[]).map((skuId) => ({
              skuId,
              listPrice: yuanToFen(v.listPrice),
              sellingPrice: yuanToFen(v.sellingPrice),
              ...(v.floorPrice ? { floorPrice: yuanToFen(v.floorPrice) } : {}),
            })),
          });
          list.reload();
          onChanged();
        }}
      >
        <Form.Item name="skuIds" label={t('channels.sku')} rules={[{ required: true }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={skus} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="listPrice" label={t('channels.listPrice')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="sellingPrice" label={t('channels.sellingPrice')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="floorPrice" label={t('channels.floorPrice')}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}

function Launches({ channels, canWrite }: { channels: Channel[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const [launches, setLaunches] = useState<Launch[]>([]);
  const [products, setProducts] = useState<ProductOption[]>([]);
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(Date.now());
  const load = () => void allPages<Launch>('/api/launches').then(setLaunches);
  useEffect(load, []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (open)
      void api<Page<ProductOption>>('GET', '/api/catalog/products?limit=200').then((p) =>
        setProducts(p.items),
      );
  }, [open]);
  const nameOf = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  return (
    <>
      {canWrite && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
          {t('channels.schedule')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={launches}
        pagination={false}
        columns={[
          { title: t('channels.product'), dataIndex: 'productName' },
          {
            title: t('channels.startsAt'),
            dataIndex: 'startsAt',
            render: (v) => formatTime(v, i18n.language),
          },
          {
            title: t('channels.launchChannels'),
            render: (_, l) => l.channelIds.map((id) => <Tag key={id}>{nameOf(id)}</Tag>),
          },
          {
            title: t('common.status'),
            render: (_, l) =>
              l.launched ? (
                <Tag color="green">{t('channels.launched')}</Tag>
              ) : (
                <Tag color="blue" data-testid="countdown">
                  {t('channels.upcoming', { time: countdown(l.startsAt, now) })}
                </Tag>
              ),
          },
        ]}
      />
      <FormModal
        open={open}
        title={t('channels.schedule')}
        okText={t('common.save')}
        onClose={() => setOpen(false)}
        submit={async (v: Record<string, any>) => {
          await api('POST', `/api/catalog/products/${v.productId}/launch`, {
            startsAt: v.startsAt.toDate().toISOString(),
            channelIds: v.channelIds,
          });
          load();
        }}
      >
        <Form.Item name="productId" label={t('channels.product')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={products.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="startsAt" label={t('channels.startsAt')} rules={[{ required: true }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="channelIds" label={t('channels.launchChannels')} rules={[{ required: true }]}>
          <Select mode="multiple" options={channels.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** A brand's channels with their listings and prices, and its launches; retailers read their store channel. */
export function Channels() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [selected, setSelected] = useState<Channel | null>(null);
  const [open, setOpen] = useState(false);
  const [retailers, setRetailers] = useState<
    Array<{ id: string; name: string; attributes: Record<string, unknown> }>
  >([]);
  const canWrite = me.org?.kind === 'brand' && me.role !== 'viewer';
  const load = () => void allPages<Channel>('/api/channels').then(setChannels);
  useEffect(load, []);
  useEffect(() => {
    if (open)
      void api<Page<{ id: string; name: string; attributes: Record<string, unknown> }>>(
        'GET',
        '/api/directory?kind=retailer&limit=200',
      ).then((p) => setRetailers(p.items));
  }, [open]);

  const table = (
    <Table
      rowKey="id"
      dataSource={channels}
      pagination={false}
      onRow={(c) => ({ onClick: () => setSelected(c), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('common.name'), dataIndex: 'name' },
        {
          title: t('common.kind'),
          dataIndex: 'kind',
          render: (k: Channel['kind']) => <Tag color={kindColor[k]}>{t(`channels.kind.${k}`)}</Tag>,
        },
        {
          title: t('channels.retailer'),
          dataIndex: 'retailerName',
          render: (v, c) => (v ? localName({ name: v, nameEn: c.retailerNameEn }, i18n.language) : '—'),
        },
        {
          title: t('channels.parity'),
          render: (_, c) => (c.kind === 'store' ? (c.priceParity ? '✓' : '—') : ''),
        },
        { title: t('channels.listings'), dataIndex: 'listings', align: 'right' },
        {
          title: t('common.status'),
          render: (_, c) =>
            c.status === 'active' ? (
              <Tag color="green">✓</Tag>
            ) : (
              <Tag color="orange">{t('channels.paused')}</Tag>
            ),
        },
      ]}
    />
  );
  return (
    <Card
      title={t('menu.channels')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('channels.create')}
          </Button>
        )
      }
    >
      {me.org?.kind === 'brand' || me.org?.kind === 'platform' ? (
        <Tabs
          items={[
            { key: 'channels', label: t('menu.channels'), children: table },
            {
              key: 'launches',
              label: t('channels.launches'),
              children: <Launches channels={channels} canWrite={canWrite} />,
            },
          ]}
        />
      ) : (
        table
      )}
      <Drawer
        width={980}
        open={!!selected}
        title={selected?.name}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && (
          <>
            {canWrite && (
              <Space style={{ marginBottom: 12 }}>
                <Button
                  onClick={async () => {
                    const next = await api<Channel>('PATCH', `/api/channels/${selected.id}`, {
                      status: selected.status === 'active' ? 'paused' : 'active',
                    });
                    setSelected(next);
                    load();
                  }}
                >
                  {selected.status === 'active' ? t('channels.pause') : t('channels.resume')}
                </Button>
                {selected.kind === 'store' && (
                  <Space>
                    {t('channels.parity')}
                    <Switch
                      checked={selected.priceParity}
                      onChange={async (on) => {
                        setSelected(
                          await api<Channel>('PATCH', `/api/channels/${selected.id}`, { priceParity: on }),
                        );
                        load();
                      }}
                    />
                  </Space>
                )}
              </Space>
            )}
            <Listings channel={selected} canWrite={canWrite} onChanged={load} />
          </>
        )}
      </Drawer>
      <FormModal
        open={open}
        title={t('channels.create')}
        initialValues={{ kind: 'live' }}
        onClose={() => setOpen(false)}
        submit={async (v: Record<string, any>) => {
          await api('POST', '/api/channels', {
            kind: v.kind,
            name: v.name,
            ...(v.kind === 'store' ? { retailerId: v.retailerId } : {}),
          });
          load();
        }}
      >
        <Form.Item name="kind" label={t('common.kind')} rules={[{ required: true }]}>
          <Select
            options={(['online', 'store', 'live', 'distribution'] as const).map((k) => ({
              value: k,
              label: t(`channels.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'store' && (
              <Form.Item name="retailerId" label={t('channels.retailer')} rules={[{ required: true }]}>
                <Select options={retailers.map((r) => ({ value: r.id, label: orgName(r, i18n.language) }))} />
              </Form.Item>
            )
          }
        </Form.Item>
      </FormModal>
    </Card>
  );
}
