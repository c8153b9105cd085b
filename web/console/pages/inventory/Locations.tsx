import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { allPages, api, type Page } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { localName } from '../../../shared/format';
import { usePlaceName } from '../../../shared/places';
import { useMe } from '../../Layout';

export type Location = {
  id: string;
  kind: 'warehouse' | 'store';
  name: string;
  nameEn: string | null;
  province: string;
  city: string;
  district: string | null;
  address: string | null;
  areaM2: number | null;
  cityTier: number | null;
  openingHours: { open: string; close: string };
  deliveryRadiusM: number;
  prepMinutes: number;
  pickCapacity: number;
  status: string;
};

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Changes a location, each field by whoever owns it (the server holds the same rule): how a store
 * works is the store's and its retailer's; the brand names its location and opens or closes it,
 * and runs its warehouses whole.
 */
function EditLocation({ location, onSaved }: { location: Location; onSaved: (l: Location) => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const kind = me.org?.kind;
  const staff = me.role !== 'viewer';
  const runsIt =
    staff && (location.kind === 'store' ? kind === 'store' || kind === 'retailer' : kind === 'brand');
  const brandsIt = staff && kind === 'brand';
  if (!runsIt && !brandsIt) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="edit-location">
        {t('stock.editLocation')}
      </Button>
      <FormModal<Record<string, any>>
        open={open}
        title={`${t('stock.editLocation')} · ${localName(location, i18n.language)}`}
        okText={t('common.save')}
        initialValues={{
          name: location.name,
          status: location.status,
          open: location.openingHours.open,
          close: location.openingHours.close,
          radiusKm: location.deliveryRadiusM / 1000,
          prepMinutes: location.prepMinutes,
          pickCapacity: location.pickCapacity,
        }}
        onClose={() => setOpen(false)}
        submit={async (v) => {
          const body = {
            ...(brandsIt ? { name: v.name, status: v.status } : {}),
            ...(runsIt
              ? {
                  openingHours: { open: v.open, close: v.close },
                  deliveryRadiusM: Math.round(v.radiusKm * 1000),
                  prepMinutes: v.prepMinutes,
                  pickCapacity: v.pickCapacity,
                }
              : {}),
          };
          onSaved(await api<Location>('PATCH', `/api/inventory/locations/${location.id}`, body));
        }}
      >
        {brandsIt && (
          <Space wrap>
            <Form.Item name="name" label={t('common.name')} rules={[{ required: true, max: 120 }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="status" label={t('common.status')}>
              <Select
                style={{ width: 120 }}
                options={(['active', 'closed'] as const).map((s) => ({
                  value: s,
                  label: t(`stock.${s === 'active' ? 'open' : 'closed'}`),
                }))}
              />
            </Form.Item>
          </Space>
        )}
        {runsIt ? (
          <Space wrap>
            {(['open', 'close'] as const).map((f) => (
              <Form.Item
                key={f}
                name={f}
                label={t(f === 'open' ? 'stock.opensAt' : 'stock.closesAt')}
                rules={[{ required: true, pattern: hhmm, message: 'HH:MM' }]}
              >
                <Input style={{ width: 100 }} placeholder="09:00" />
              </Form.Item>
            ))}
            {location.kind === 'store' && (
              <Form.Item name="radiusKm" label={t('stock.radiusKm')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} step={0.5} />
              </Form.Item>
            )}
            <Form.Item name="prepMinutes" label={t('stock.prepMinutes')} rules={[{ required: true }]}>
              <InputNumber min={0} max={10_080} />
            </Form.Item>
            <Form.Item name="pickCapacity" label={t('stock.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} />
            </Form.Item>
          </Space>
        ) : (
          <Typography.Paragraph type="secondary">{t('stock.runByStore')}</Typography.Paragraph>
        )}
      </FormModal>
    </>
  );
}
type FullLine = {
  zoneId: string | null;
  inScope: number;
  complete: number;
  notOnDisplay: number;
  outOfStock: number;
  lines: Array<{
    skuId: string;
    code: string;
    productName: string;
    productLine: string;
    options: Record<string, string>;
    onDisplay: boolean;
    available: number;
    inTransit: number;
    gaps: string[];
  }>;
};
type Zone = {
  id: string;
  areaM2: number;
  fixtureStandard: string;
  planogram: string[];
  lastScore: number | null;
  audits: Array<{
    id: string;
    auditedOn: string;
    auditor: string;
    score: number;
    checklist: Array<{ item: string; passed: boolean; note?: string }>;
  }>;
};

function FullLineReport({ location, canWrite }: { location: Location; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [report, setReport] = useState<FullLine | null>(null);
  const [onlyGaps, setOnlyGaps] = useState(true);
  const load = () =>
    void api<FullLine>('GET', `/api/inventory/locations/${location.id}/full-line`).then(setReport);
  useEffect(load, [location.id]);
  if (!report) return null;
  const rows = onlyGaps ? report.lines.filter((l) => l.gaps.length > 0) : report.lines;
  return (
    <>
      <Space size="large" style={{ marginBottom: 16 }} wrap>
        <Statistic title={t('stock.inScope')} value={report.inScope} />
        <Statistic title={t('stock.complete')} value={report.complete} valueStyle={{ color: '#389e0d' }} />
        <Statistic
          title={t('stock.notOnDisplay')}
          value={report.notOnDisplay}
          valueStyle={{ color: '#d48806' }}
        />
        <Statistic
          title={t('stock.outOfStock')}
          value={report.outOfStock}
          valueStyle={{ color: '#cf1322' }}
        />
        <Progress
          type="circle"
          size={64}
          percent={report.inScope ? Math.round((100 * report.complete) / report.inScope) : 0}
        />
      </Space>
      <Space style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button
            type="primary"
            data-testid="replenish"
            disabled={report.outOfStock === 0}
            onClick={async () => {
              const r = await api<{ transferIds: string[] }>(
                'POST',
                `/api/inventory/locations/${location.id}/replenish`,
                { only: 'full_line' },
                { 'idempotency-key': crypto.randomUUID() },
              );
              if (r.transferIds.length) {
                message.success(t('stock.replenished', { n: r.transferIds.length }));
                navigate(`/transfers?locationId=${location.id}`);
              } else message.info(t('stock.nothingToSend'));
            }}
          >
            {t('stock.replenishGaps')}
          </Button>
        )}
        <Select
          value={onlyGaps ? 'gaps' : 'all'}
          onChange={(v) => setOnlyGaps(v === 'gaps')}
          options={[
            { value: 'gaps', label: `${t('stock.notOnDisplay')} / ${t('stock.outOfStock')}` },
            { value: 'all', label: t('stock.inScope') },
          ]}
          style={{ width: 200 }}
        />
      </Space>
      <Table
        rowKey="skuId"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={[
          { title: t('catalog.productLine'), dataIndex: 'productLine' },
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
          { title: t('stock.available'), dataIndex: 'available', align: 'right' },
          {
            title: t('stock.inTransit'),
            dataIndex: 'inTransit',
            align: 'right',
            render: (v) => (v ? <Tag color="blue">{v}</Tag> : '—'),
          },
          {
            title: t('common.status'),
            render: (_, l) =>
              l.gaps.length === 0 ? (
                <Tag color="green">✓</Tag>
              ) : (
                l.gaps.map((g) => (
                  <Tag key={g} color={g === 'out_of_stock' ? 'red' : 'orange'}>
                    {t(`stock.gap.${g}`)}
                  </Tag>
                ))
              ),
          },
        ]}
      />
    </>
  );
}

type Suggestion = {
  skuId: string;
  code: string | null;
  productName: string | null;
  quantity: number;
  soldLast14Days: number;
  available: number;
  inTransit: number;
  fromName: string | null;
};

/** What the store should be sent: recent sales against the agreement's days of cover. */
function ReplenishmentPanel({ location, canWrite }: { location: Location; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [data, setData] = useState<{ coverDays: number | null; items: Suggestion[] } | null>(null);
  useEffect(
    () =>
      void api<{ coverDays: number | null; items: Suggestion[] }>(
        'GET',
        `/api/inventory/locations/${location.id}/replenishment`,
      ).then(setData),
    [location.id],
  );
  if (!data) return null;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {data.coverDays && <Tag color="blue">{t('stock.coverDays', { n: data.coverDays })}</Tag>}
        {canWrite && (
          <Button
            disabled={data.items.length === 0}
            onClick={async () => {
              const r = await api<{ transferIds: string[] }>(
                'POST',
                `/api/inventory/locations/${location.id}/replenish`,
                { only: 'all' },
                { 'idempotency-key': crypto.randomUUID() },
              );
              message.success(t('stock.replenished', { n: r.transferIds.length }));
              navigate(`/transfers?locationId=${location.id}`);
            }}
          >
            {t('stock.sendAll')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="skuId"
        size="small"
        dataSource={data.items}
        pagination={{ pageSize: 15, hideOnSinglePage: true }}
        columns={[
          {
            title: t('stock.sku'),
            render: (_, s) => (
              <>
                {s.productName} <code>{s.code}</code>
              </>
            ),
          },
          { title: t('stock.sold14'), dataIndex: 'soldLast14Days', align: 'right' },
          { title: t('stock.available'), dataIndex: 'available', align: 'right' },
          { title: t('stock.inTransit'), dataIndex: 'inTransit', align: 'right' },
          { title: t('stock.suggested'), dataIndex: 'quantity', align: 'right', render: (v) => <b>{v}</b> },
          { title: t('stock.from'), dataIndex: 'fromName', render: (v) => v ?? '—' },
        ]}
      />
    </>
  );
}

function ZonePanel({ zoneId, canWrite }: { zoneId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [zone, setZone] = useState<Zone | null>(null);
  const [auditing, setAuditing] = useState(false);
  const [editing, setEditing] = useState(false);
  useEffect(() => void api<Zone>('GET', `/api/inventory/zones/${zoneId}`).then(setZone), [zoneId]);
  if (!zone) return null;
  return (
    <>
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => setAuditing(true)} data-testid="record-audit">
            {t('stock.recordAudit')}
          </Button>
          <Button onClick={() => setEditing(true)} data-testid="edit-zone">
            {t('stock.editZone')}
          </Button>
        </Space>
      )}
      <FormModal<{ areaM2: number; fixtureStandard: string }>
        open={editing}
        title={t('stock.editZone')}
        okText={t('common.save')}
        initialValues={{ areaM2: zone.areaM2, fixtureStandard: zone.fixtureStandard }}
        onClose={() => setEditing(false)}
        submit={async (v) => setZone(await api<Zone>('PATCH', `/api/inventory/zones/${zone.id}`, v))}
      >
        <Space wrap>
          <Form.Item name="areaM2" label={t('common.area')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10_000} />
          </Form.Item>
          <Form.Item
            name="fixtureStandard"
            label={t('stock.fixtures')}
            rules={[{ required: true, max: 120 }]}
          >
            <Input style={{ width: 280 }} />
          </Form.Item>
        </Space>
      </FormModal>
      <FormModal
        open={auditing}
        title={t('stock.recordAudit')}
        okText={t('common.save')}
        initialValues={{ checklist: (zone.audits[0]?.checklist ?? []).map((c) => c.item).join('\n') }}
        onClose={() => setAuditing(false)}
        submit={async (v: Record<string, any>) => {
          const checklist = String(v.checklist)
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) =>
              line.startsWith('✗')
                ? { item: line.slice(1).trim(), passed: false }
                : { item: line.replace(/^✓/, '').trim(), passed: true },
            );
          setZone(
            await api<Zone>('POST', `/api/inventory/zones/${zone.id}/audits`, {
              auditedOn: v.auditedOn.format('YYYY-MM-DD'),
              auditor: v.auditor,
              checklist,
            }),
          );
        }}
      >
        <Space wrap>
          <Form.Item name="auditedOn" label={t('stock.auditedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="auditor" label={t('stock.auditor')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
        </Space>
        <Form.Item name="checklist" label={t('stock.checklist')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
      </FormModal>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('common.area')}>{zone.areaM2}</Descriptions.Item>
        <Descriptions.Item label={t('stock.planogram')}>{zone.planogram.length}</Descriptions.Item>
        <Descriptions.Item label={t('stock.score')}>{zone.lastScore ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('stock.fixtures')} span="filled">
          {zone.fixtureStandard}
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={zone.audits}
        expandable={{
          expandedRowRender: (a) => (
            <ul style={{ margin: 0 }}>
              {a.checklist.map((c) => (
                <li key={c.item}>
                  {c.passed ? '✓' : '✗'} {c.item}
                  {c.note ? ` — ${c.note}` : ''}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('stock.auditedOn'), dataIndex: 'auditedOn' },
          { title: t('stock.auditor'), dataIndex: 'auditor' },
          {
            title: t('stock.score'),
            dataIndex: 'score',
            render: (s) => <Progress percent={s} size="small" style={{ width: 160 }} />,
          },
        ]}
      />
    </>
  );
}

/** Warehouses and stores holding the brand's stock; each store's full line and brand zone. */
export function Locations() {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const me = useMe();
  const [locations, setLocations] = useState<Location[]>([]);
  const [selected, setSelected] = useState<Location | null>(null);
  const [zoneIds, setZoneIds] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [stores, setStores] = useState<Array<{ id: string; name: string; city: string | null }>>([]);
  const brandSide = me.org?.kind === 'brand' || me.org?.kind === 'platform';
  const canWrite = me.org?.kind === 'brand' && me.role !== 'viewer';
  const load = () => void allPages<Location>('/api/inventory/locations').then(setLocations);
  useEffect(() => {
    if (adding)
      void api<Page<{ id: string; name: string; city: string | null }>>(
        'GET',
        '/api/directory?kind=store&limit=200',
      ).then((p) => setStores(p.items));
  }, [adding]);
  useEffect(() => {
    void allPages<Location>('/api/inventory/locations').then(setLocations);
    if (brandSide)
      void allPages<{ id: string; locationId: string }>('/api/inventory/zones').then((zones) =>
        setZoneIds(Object.fromEntries(zones.map((z) => [z.locationId, z.id]))),
      );
  }, [brandSide]);
  return (
    <Card
      title={t('menu.locations')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('stock.addLocation')}
          </Button>
        )
      }
    >
      <FormModal
        open={adding}
        title={t('stock.addLocation')}
        initialValues={{ kind: 'store' }}
        onClose={() => setAdding(false)}
        submit={async (v: Record<string, any>) => {
          await api(
            'POST',
            '/api/inventory/locations',
            v.kind === 'store'
              ? { kind: 'store', storeOrgId: v.storeOrgId }
              : {
                  kind: 'warehouse',
                  name: v.name,
                  province: v.province,
                  city: v.city,
                  district: v.district || undefined,
                  lat: v.lat,
                  lng: v.lng,
                },
          );
          load();
        }}
      >
        <Form.Item name="kind" label={t('stock.kindLabel')}>
          <Select
            options={(['store', 'warehouse'] as const).map((k) => ({ value: k, label: t(`stock.${k}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'store' ? (
              <Form.Item name="storeOrgId" label={t('stock.storeOrg')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={stores.map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
                  <Input maxLength={120} />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="province" label={t('stock.province')} rules={[{ required: true }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name="city" label={t('common.city')} rules={[{ required: true }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name="district" label={t('orgs.district')}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name="lat" label={t('stock.lat')} rules={[{ required: true }]}>
                    <InputNumber min={-90} max={90} step={0.0001} />
                  </Form.Item>
                  <Form.Item name="lng" label={t('stock.lng')} rules={[{ required: true }]}>
                    <InputNumber min={-180} max={180} step={0.0001} />
                  </Form.Item>
                </Space>
              </>
            )
          }
        </Form.Item>
      </FormModal>
      <Table
        rowKey="id"
        dataSource={locations}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        onRow={(l) => ({ onClick: () => setSelected(l), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('common.name'), render: (_, l) => localName(l, i18n.language) },
          {
            title: t('stock.kindLabel'),
            dataIndex: 'kind',
            render: (k) => <Tag color={k === 'store' ? 'purple' : 'blue'}>{t(`stock.${k}`)}</Tag>,
          },
          { title: t('stock.province'), render: (_, l) => place(l.province) },
          {
            title: t('common.city'),
            render: (_, l) => [place(l.city), place(l.district)].filter(Boolean).join(' '),
          },
          { title: t('common.area'), dataIndex: 'areaM2', render: (v) => v ?? '—' },
          { title: t('stock.hours'), render: (_, l) => `${l.openingHours.open}–${l.openingHours.close}` },
          {
            title: t('stock.radius'),
            render: (_, l) => (l.kind === 'store' ? t('stock.km', { n: l.deliveryRadiusM / 1000 }) : '—'),
          },
          { title: t('stock.prep'), render: (_, l) => t('stock.minutes', { n: l.prepMinutes }) },
          { title: t('stock.zone'), render: (_, l) => (zoneIds[l.id] ? '✓' : '') },
        ]}
      />
      <Drawer
        width={980}
        open={!!selected}
        title={localName(selected ?? undefined, i18n.language)}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && (
          <Tabs
            items={[
              ...(selected.kind === 'store'
                ? [
                    {
                      key: 'full',
                      label: t('stock.fullLine'),
                      children: <FullLineReport location={selected} canWrite={canWrite} />,
                    },
                  ]
                : []),
              ...(selected.kind === 'store' && brandSide
                ? [
                    {
                      key: 'replenishment',
                      label: t('stock.replenishment'),
                      children: <ReplenishmentPanel location={selected} canWrite={canWrite} />,
                    },
                  ]
                : []),
              ...(zoneIds[selected.id]
                ? [
                    {
                      key: 'zone',
                      label: t('stock.zone'),
                      children: <ZonePanel zoneId={zoneIds[selected.id]} canWrite={canWrite} />,
                    },
                  ]
                : []),
              {
                key: 'info',
                label: t('stock.location'),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <EditLocation
                      location={selected}
                      onSaved={(l) => {
                        setSelected(l);
                        load();
                      }}
                    />
                    <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
                      <Descriptions.Item label={t('stock.province')}>
                        {place(selected.province)}
                      </Descriptions.Item>
                      <Descriptions.Item
                        label={t('common.city')}
                      >{`${place(selected.city)} ${place(selected.district)}`}</Descriptions.Item>
                      <Descriptions.Item label={t('stock.address')} span="filled">
                        {selected.address ?? '—'}
                      </Descriptions.Item>
                      <Descriptions.Item
                        label={t('stock.hours')}
                      >{`${selected.openingHours.open}–${selected.openingHours.close}`}</Descriptions.Item>
                      <Descriptions.Item label={t('stock.prep')}>
                        {t('stock.minutes', { n: selected.prepMinutes })}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('stock.radius')}>
                        {t('stock.km', { n: selected.deliveryRadiusM / 1000 })}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('stock.capacity')}>
                        {selected.pickCapacity}
                      </Descriptions.Item>
                    </Descriptions>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Drawer>
    </Card>
  );
}
