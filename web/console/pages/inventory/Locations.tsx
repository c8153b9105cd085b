import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useMe } from '../../Layout';

export type Location = {
  id: string;
  kind: 'warehouse' | 'store';
  name: string;
  province: string;
  city: string;
  district: string | null;
  address: string | null;
  areaM2: number | null;
  cityTier: number | null;
  openingHours: { open: string; close: string };
  deliveryRadiusM: number;
  prepMinutes: number;
  status: string;
};
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

function ZonePanel({ zoneId }: { zoneId: string }) {
  const { t } = useTranslation();
  const [zone, setZone] = useState<Zone | null>(null);
  useEffect(() => void api<Zone>('GET', `/api/inventory/zones/${zoneId}`).then(setZone), [zoneId]);
  if (!zone) return null;
  return (
    <>
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label={t('common.area')}>{zone.areaM2}</Descriptions.Item>
        <Descriptions.Item label={t('stock.planogram')}>{zone.planogram.length}</Descriptions.Item>
        <Descriptions.Item label={t('stock.score')}>{zone.lastScore ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('stock.fixtures')} span={3}>
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
  const { t } = useTranslation();
  const me = useMe();
  const [locations, setLocations] = useState<Location[]>([]);
  const [selected, setSelected] = useState<Location | null>(null);
  const [zoneIds, setZoneIds] = useState<Record<string, string>>({});
  const brandSide = me.org?.kind === 'brand' || me.org?.kind === 'platform';
  const canWrite = me.org?.kind === 'brand' && me.role !== 'viewer';
  useEffect(() => {
    void api<{ items: Location[] }>('GET', '/api/inventory/locations').then((r) => setLocations(r.items));
    if (brandSide)
      void api<{ items: Array<{ id: string; locationId: string }> }>('GET', '/api/inventory/zones').then(
        (r) => setZoneIds(Object.fromEntries(r.items.map((z) => [z.locationId, z.id]))),
      );
  }, [brandSide]);
  return (
    <Card title={t('menu.locations')}>
      <Table
        rowKey="id"
        dataSource={locations}
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        onRow={(l) => ({ onClick: () => setSelected(l), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          {
            title: t('stock.kindLabel'),
            dataIndex: 'kind',
            render: (k) => <Tag color={k === 'store' ? 'purple' : 'blue'}>{t(`stock.${k}`)}</Tag>,
          },
          { title: t('stock.province'), dataIndex: 'province' },
          { title: t('common.city'), render: (_, l) => [l.city, l.district].filter(Boolean).join(' ') },
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
        title={selected?.name}
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
              ...(zoneIds[selected.id]
                ? [
                    {
                      key: 'zone',
                      label: t('stock.zone'),
                      children: <ZonePanel zoneId={zoneIds[selected.id]} />,
                    },
                  ]
                : []),
              {
                key: 'info',
                label: t('stock.location'),
                children: (
                  <Descriptions size="small" bordered column={2}>
                    <Descriptions.Item label={t('stock.province')}>{selected.province}</Descriptions.Item>
                    <Descriptions.Item
                      label={t('common.city')}
                    >{`${selected.city} ${selected.district ?? ''}`}</Descriptions.Item>
                    <Descriptions.Item label={t('stock.address')} span={2}>
                      {selected.address ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item
                      label={t('stock.hours')}
                    >{`${selected.openingHours.open}–${selected.openingHours.close}`}</Descriptions.Item>
                    <Descriptions.Item label={t('stock.prep')}>
                      {t('stock.minutes', { n: selected.prepMinutes })}
                    </Descriptions.Item>
                  </Descriptions>
                ),
              },
            ]}
          />
        )}
      </Drawer>
    </Card>
  );
}
