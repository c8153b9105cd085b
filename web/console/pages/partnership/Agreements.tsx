import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceNames as provinces } from '../../../../src/platform/provinces';
import { api, type Page } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime, localName, orgName } from '../../../shared/format';
import { usePlaceName } from '../../../shared/places';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Commitments = {
  minCoverDays?: number;
  displayZoneM2?: number;
  fullLine?: boolean;
  hourDelivery?: boolean;
};
type Agreement = {
  id: string;
  brandName: string;
  brandNameEn: string | null;
  retailerName: string;
  retailerNameEn: string | null;
  level: 'nka' | 'ka' | 'regional';
  title: string;
  titleEn: string | null;
  startsOn: string;
  endsOn: string;
  productLines: string[] | null;
  provinces: string[] | null;
  commitments: Commitments;
  settlement: { model: 'commission' | 'wholesale'; rateBp: number };
  status: string;
  displayStatus: string;
  inForce: boolean;
  signedOn: string | null;
  history?: Array<{
    id: string;
    kind: string;
    title: string | null;
    signedOn: string | null;
    changes: Record<string, unknown>;
    actorName: string | null;
    createdAt: string;
  }>;
};

/** The agreement's title and parties in the UI's language, when they have an English name. */
const titleOf = (a: Agreement, lang: string) => localName({ name: a.title, nameEn: a.titleEn }, lang);
const partiesOf = (a: Agreement, lang: string) =>
  `${localName({ name: a.brandName, nameEn: a.brandNameEn }, lang)} × ${localName({ name: a.retailerName, nameEn: a.retailerNameEn }, lang)}`;

const statusColor: Record<string, string> = {
  draft: 'default',
  proposed: 'blue',
  active: 'green',
  suspended: 'orange',
  terminated: 'red',
  expired: 'red',
  pending: 'cyan',
};
/** The moves each party may make from each status (the API's table). */
const movesFor: Record<string, Record<string, string[]>> = {
  brand: {
    draft: ['propose'],
    proposed: ['withdraw'],
    active: ['suspend', 'terminate'],
    suspended: ['resume', 'terminate'],
  },
  retailer: { proposed: ['accept', 'decline'], active: ['suspend', 'terminate'], suspended: ['terminate'] },
};

function Terms({ a }: { a: Agreement }) {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const c = a.commitments;
  return (
    <Descriptions column={2} size="small" bordered>
      <Descriptions.Item label={t('agreements.parties')} span={2}>
        {partiesOf(a, i18n.language)}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.levelLabel')}>
        {t(`agreements.level.${a.level}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('common.status')}>
        <Tag color={statusColor[a.displayStatus]}>{t(`agreements.status.${a.displayStatus}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.term')}>
        {a.startsOn} → {a.endsOn}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.signedOn')}>{a.signedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('agreements.lines')} span={2}>
        {a.productLines ? a.productLines.map((l) => <Tag key={l}>{l}</Tag>) : t('agreements.allLines')}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.provinces')} span={2}>
        {a.provinces ? a.provinces.map((p) => <Tag key={p}>{place(p)}</Tag>) : t('agreements.allProvinces')}
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.commitments')} span={2}>
        <Space wrap>
          {c.minCoverDays !== undefined && (
            <Tag color="blue">{`${t('agreements.minCoverDays')}: ${c.minCoverDays}`}</Tag>
          )}
          {c.displayZoneM2 !== undefined && (
            <Tag color="blue">{`${t('agreements.displayZoneM2')}: ${c.displayZoneM2}`}</Tag>
          )}
          {c.fullLine && <Tag color="green">{t('agreements.fullLine')}</Tag>}
          {c.hourDelivery && <Tag color="green">{t('agreements.hourDelivery')}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreements.settlement')} span={2}>
        <span data-testid="settlement">
          {t(`agreements.settles.${a.settlement.model}`, { rate: percent(a.settlement.rateBp) })}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

function AgreementDetail({
  id,
  party,
  onChanged,
}: {
  id: string;
  party: 'brand' | 'retailer' | null;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const [a, setA] = useState<Agreement | null>(null);
  const [addendum, setAddendum] = useState(false);
  const load = () => void api<Agreement>('GET', `/api/agreements/${id}`).then(setA);
  useEffect(load, [id]);
  if (!a) return null;
  const moves = party ? (movesFor[party][a.status] ?? []) : [];
  return (
    <>
      <Terms a={a} />
      <Space style={{ margin: '16px 0' }} wrap>
        {moves.map((m) => (
          <Button
            key={m}
            data-testid={`move-${m}`}
            type={m === 'accept' || m === 'propose' ? 'primary' : 'default'}
            danger={m === 'terminate'}
            onClick={async () => {
              await api('POST', `/api/agreements/${a.id}/moves`, { move: m });
              load();
              onChanged();
            }}
          >
            {t(`agreements.move.${m}`)}
          </Button>
        ))}
        {party === 'brand' && (a.status === 'active' || a.status === 'suspended') && (
          <Button onClick={() => setAddendum(true)}>{t('agreements.addendum')}</Button>
        )}
      </Space>
      <Card size="small" title={t('agreements.history')}>
        <Timeline
          items={(a.history ?? []).map((h) => ({
            key: h.id,
            color: h.kind === 'addendum' ? 'blue' : h.kind === 'accepted' ? 'green' : 'gray',
            children: (
              <>
                <b>{t(`agreements.kindOf.${h.kind}`)}</b>
                {/* The agreement's own title in the page's language; an addendum's as it was typed. */}
                {h.title ? ` · ${h.title === a.title ? titleOf(a, i18n.language) : h.title}` : ''}
                {h.signedOn ? ` · ${t('agreements.signedOn')} ${h.signedOn}` : ''}
                <div style={{ color: '#888', fontSize: 12 }}>
                  {formatTime(h.createdAt, i18n.language)} {h.actorName ?? ''}
                  {Object.keys(h.changes).filter((k) => k !== 'status').length > 0 &&
                    ` · ${Object.keys(h.changes)
                      .filter((k) => k !== 'status')
                      .map((k) => t(`agreements.changed.${k}`, { defaultValue: k }))
                      .join(i18n.language === 'en' ? ', ' : '、')}`}
                </div>
              </>
            ),
          }))}
        />
      </Card>
      <FormModal
        open={addendum}
        title={t('agreements.addendum')}
        okText={t('common.save')}
        onClose={() => setAddendum(false)}
        submit={async (v: Record<string, any>) => {
          await api('POST', `/api/agreements/${a.id}/addenda`, {
            addendumTitle: v.addendumTitle,
            signedOn: v.signedOn.format('YYYY-MM-DD'),
            ...(v.endsOn ? { endsOn: v.endsOn.format('YYYY-MM-DD') } : {}),
            ...(v.provinces?.length ? { provinces: v.provinces } : {}),
            commitments: Object.fromEntries(
              Object.entries(v.commitments ?? {}).filter(([, x]) => x !== undefined && x !== null),
            ),
            ...settlementOf(v),
          });
          load();
          onChanged();
        }}
      >
        <Form.Item name="addendumTitle" label={t('agreements.addendumTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="signedOn" label={t('agreements.signedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('agreements.endsOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="provinces" label={t('agreements.provinces')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={provinces.map((p) => ({ value: p, label: place(p) }))}
          />
        </Form.Item>
        <CommitmentFields />
        <SettlementFields />
      </FormModal>
    </>
  );
}

const percent = (bp: number) => `${bp / 100}%`;

/** The form's settlement fields as the API takes them: basis points from a percentage. */
function settlementOf(v: Record<string, any>) {
  return v.settlementModel && typeof v.settlementRate === 'number'
    ? { settlement: { model: v.settlementModel, rateBp: Math.round(v.settlementRate * 100) } }
    : {};
}

/** How the retailer's store sales settle: a commission on them, or stock bought at wholesale. */
function SettlementFields() {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Form.Item name="settlementModel" label={t('agreements.settlement')}>
        <Select
          style={{ width: 200 }}
          allowClear
          options={(['commission', 'wholesale'] as const).map((m) => ({
            value: m,
            label: t(`agreements.settlementModel.${m}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="settlementRate" label={t('agreements.settlementRate')}>
        <InputNumber min={0} max={100} step={0.5} precision={2} suffix="%" />
      </Form.Item>
    </Space>
  );
}

function CommitmentFields() {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Form.Item name={['commitments', 'minCoverDays']} label={t('agreements.minCoverDays')}>
        <InputNumber min={1} max={365} />
      </Form.Item>
      <Form.Item name={['commitments', 'displayZoneM2']} label={t('agreements.displayZoneM2')}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name={['commitments', 'fullLine']} label={t('agreements.fullLine')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name={['commitments', 'hourDelivery']}
        label={t('agreements.hourDelivery')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </Space>
  );
}

/** Brand-retailer agreements: the brand drafts and proposes, the retailer accepts; addenda and history. */
export function Agreements() {
  const { t, i18n } = useTranslation();
  const place = usePlaceName();
  const me = useMe();
  const list = useList<Agreement>('/api/agreements?limit=100');
  const [selected, setSelected] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [retailers, setRetailers] = useState<
    Array<{ id: string; name: string; attributes: Record<string, unknown> }>
  >([]);
  const kind = me.org?.kind;
  const canAct = me.role === 'admin' || me.role === 'owner';
  const party = kind === 'brand' || kind === 'retailer' ? (canAct ? kind : null) : null;
  useEffect(() => {
    if (kind === 'brand')
      void api<Page<{ id: string; name: string; attributes: Record<string, unknown> }>>(
        'GET',
        '/api/directory?kind=retailer&limit=200',
      ).then((p) => setRetailers(p.items));
  }, [kind]);

  return (
    <Card
      title={t('menu.agreements')}
      extra={
        kind === 'brand' &&
        canAct && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('agreements.create')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(a) => ({ onClick: () => setSelected(a.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('agreements.title'), render: (_, a) => titleOf(a, i18n.language) },
          { title: t('agreements.parties'), render: (_, a) => partiesOf(a, i18n.language) },
          {
            title: t('agreements.levelLabel'),
            dataIndex: 'level',
            render: (l) => <Tag color="purple">{t(`agreements.level.${l}`)}</Tag>,
          },
          { title: t('agreements.term'), render: (_, a) => `${a.startsOn} → ${a.endsOn}` },
          {
            title: t('agreements.lines'),
            render: (_, a) => (a.productLines ? a.productLines.join(', ') : t('agreements.allLines')),
          },
          {
            title: t('common.status'),
            dataIndex: 'displayStatus',
            render: (s) => <Tag color={statusColor[s]}>{t(`agreements.status.${s}`)}</Tag>,
          },
        ]}
      />
      <Drawer
        width={820}
        open={!!selected}
        title={(() => {
          const a = list.items.find((x) => x.id === selected);
          return a && titleOf(a, i18n.language);
        })()}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && <AgreementDetail id={selected} party={party} onChanged={list.reload} />}
      </Drawer>
      <FormModal
        open={open}
        title={t('agreements.create')}
        initialValues={{ level: 'nka' }}
        onClose={() => setOpen(false)}
        submit={async (v: Record<string, any>) => {
          await api('POST', '/api/agreements', {
            retailerId: v.retailerId,
            level: v.level,
            title: v.title,
            ...(v.titleEn?.trim() ? { titleEn: v.titleEn.trim() } : {}),
            startsOn: v.startsOn.format('YYYY-MM-DD'),
            endsOn: v.endsOn.format('YYYY-MM-DD'),
            ...(v.productLines?.length ? { productLines: v.productLines } : {}),
            ...(v.provinces?.length ? { provinces: v.provinces } : {}),
            commitments: Object.fromEntries(
              Object.entries(v.commitments ?? {}).filter(([, x]) => x !== undefined && x !== null),
            ),
            ...settlementOf(v),
          });
          list.reload();
        }}
      >
        <Form.Item name="retailerId" label={t('channels.retailer')} rules={[{ required: true }]}>
          <Select options={retailers.map((r) => ({ value: r.id, label: orgName(r, i18n.language) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('agreements.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('agreements.titleEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('agreements.levelLabel')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={(['nka', 'ka', 'regional'] as const).map((l) => ({
                value: l,
                label: t(`agreements.level.${l}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="startsOn" label={t('agreements.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('agreements.endsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="productLines" label={t('agreements.lines')} extra={t('agreements.allLines')}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item name="provinces" label={t('agreements.provinces')} extra={t('agreements.allProvinces')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={provinces.map((p) => ({ value: p, label: place(p) }))}
          />
        </Form.Item>
        <CommitmentFields />
        <SettlementFields />
      </FormModal>
    </Card>
  );
}
