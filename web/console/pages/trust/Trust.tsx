import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatFen, formatTime, localName } from '../../../shared/format';
import { rightLines, type TierRef, tierName } from '../../../shared/trust';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';
import { type Tier, TierForm } from './TierForm';

type RuleCheck = {
  rule: 'deposit' | 'score' | 'dispute_rate';
  need: number;
  have: number | null;
  met: boolean;
  pending: boolean;
};
type Reason = {
  tier: string | null;
  checks: RuleCheck[];
  next: { tier: string; missing: RuleCheck[] } | null;
};
type Standing = {
  orgId: string;
  name: string;
  nameEn: string | null;
  tier: TierRef | null;
  reason: Reason;
  since: string;
  evaluatedAt: string;
  depositFen: number;
  debtFen: number;
  score: number | null;
  disputeRateBp: number | null;
};
type ShopDetail = Standing & {
  payableFen: number;
  evaluations: Array<{
    id: string;
    from: TierRef | null;
    to: TierRef | null;
    cause: string;
    createdAt: string;
  }>;
  deposits: Array<{
    id: string;
    amount: number;
    source: 'transfer' | 'payable';
    reference: string | null;
    createdAt: string;
  }>;
};

/** One rule of a tier as the shop stands against it, in words with its figures. */
export function ruleText(c: RuleCheck, t: TFunction): string {
  if (c.rule === 'deposit')
    return t('trust.rule.deposit', { need: formatFen(c.need), have: formatFen(c.have ?? 0) });
  if (c.rule === 'score')
    return c.pending
      ? t('trust.rule.scorePending', { need: c.need.toFixed(2) })
      : t('trust.rule.score', { need: c.need.toFixed(2), have: (c.have ?? 0).toFixed(2) });
  return c.pending
    ? t('trust.rule.disputePending', { need: c.need / 100 })
    : t('trust.rule.dispute_rate', { need: c.need / 100, have: (c.have ?? 0) / 100 });
}

const tierColor = (code: string | undefined) =>
  code === 'gold' ? 'gold' : code === 'silver' ? 'geekblue' : 'default';

function TierTag({ tier }: { tier: TierRef | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Tag color={tierColor(tier?.code)} data-testid="tier-tag" data-tier={tier?.code ?? 'none'}>
      {tier ? tierName(tier, t, i18n.language) : t('trust.none')}
    </Tag>
  );
}

/** The tiers, best first: what each gives and what a shop needs; the operator edits them. */
function Tiers({ editable }: { editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [tiers, setTiers] = useState<Tier[] | null>(null);
  const [editing, setEditing] = useState<Tier | null | 'new'>(null);
  const load = useCallback(
    () => api<{ items: Tier[] }>('GET', '/api/trust/tiers').then((r) => setTiers(r.items)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const asks = (q: Tier['qualification']) =>
    [
      t('trust.ask.deposit', { amount: formatFen(q.minDepositFen) }),
      q.minScore !== null ? t('trust.ask.score', { score: q.minScore.toFixed(2) }) : null,
      q.maxDisputeRateBp !== null ? t('trust.ask.dispute', { rate: q.maxDisputeRateBp / 100 }) : null,
    ].filter((a): a is string => a !== null);
  return (
    <>
      {editable && (
        <Button
          type="primary"
          style={{ marginBottom: 12 }}
          onClick={() => setEditing('new')}
          data-testid="new-tier"
        >
          {t('trust.create')}
        </Button>
      )}
      <Table<Tier>
        rowKey="id"
        size="small"
        loading={!tiers}
        dataSource={tiers ?? []}
        pagination={false}
        data-testid="tiers"
        columns={[
          {
            title: t('trust.tier'),
            render: (_, tier) => (
              <Space direction="vertical" size={0}>
                <TierTag tier={tier} />
                {!tier.active && <Typography.Text type="secondary">{t('trust.inactive')}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('trust.rightsGiven'),
            render: (_, tier) => (
              <Space size={[4, 4]} wrap>
                {rightLines(tier.rights, t, i18n.language).map((l) => (
                  <Tag key={l.key} title={l.detail}>
                    {l.label}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('trust.asks'),
            render: (_, tier) => (
              <Space direction="vertical" size={0}>
                {asks(tier.qualification).map((a) => (
                  <span key={a}>{a}</span>
                ))}
              </Space>
            ),
          },
          { title: t('trust.holders'), dataIndex: 'shops', align: 'right' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, tier: Tier) => (
                    <Button size="small" onClick={() => setEditing(tier)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TierForm
        key={editing === 'new' ? 'new' : (editing?.id ?? 'none')}
        tier={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => void load()}
      />
    </>
  );
}

/** Why a shop holds its tier, and what it lacks for the next one. */
function ReasonList({ reason, t }: { reason: Reason; t: TFunction }) {
  return (
    <List
      size="small"
      data-testid="tier-reason"
      dataSource={[
        // A rule that asks nothing (no deposit needed) says nothing.
        ...reason.checks.filter((c) => c.rule !== 'deposit' || c.need > 0).map((c) => ({ c, ok: true })),
        ...(reason.next?.missing ?? []).map((c) => ({ c, ok: false })),
      ]}
      header={
        reason.next ? undefined : <Typography.Text type="secondary">{t('trust.atTop')}</Typography.Text>
      }
      renderItem={({ c, ok }) => (
        <List.Item>
          <Typography.Text type={ok ? (c.pending ? 'secondary' : 'success') : 'warning'}>
            {ok ? '✓ ' : '✗ '}
            {ruleText(c, t)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

/** The operator's list of brands: tier, deposit, debt and why; any one judged again at once. */
function Shops() {
  const { t, i18n } = useTranslation();
  const [tier, setTier] = useState<string | undefined>();
  const list = useList<Standing>(`/api/trust/shops?limit=50${tier ? `&tier=${tier}` : ''}`);
  const [tiers, setTiers] = useState<Tier[]>([]);
  useEffect(() => {
    void api<{ items: Tier[] }>('GET', '/api/trust/tiers').then((r) => setTiers(r.items));
  }, []);
  return (
    <>
      <Select
        allowClear
        style={{ width: 200, marginBottom: 12 }}
        placeholder={t('trust.allShops')}
        value={tier}
        onChange={setTier}
        options={tiers.map((x) => ({ value: x.code, label: tierName(x, t, i18n.language) }))}
      />
      <Table<Standing>
        rowKey="orgId"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="trust-shops"
        expandable={{ expandedRowRender: (s) => <ReasonList reason={s.reason} t={t} /> }}
        columns={[
          { title: t('trust.shops'), render: (_, s) => localName(s, i18n.language) },
          { title: t('trust.tier'), render: (_, s) => <TierTag tier={s.tier} /> },
          { title: t('trust.deposit'), align: 'right', render: (_, s) => formatFen(s.depositFen) },
          {
            title: t('trust.debt'),
            align: 'right',
            render: (_, s) => (s.debtFen ? formatFen(s.debtFen) : '—'),
          },
          { title: t('trust.evaluatedAt'), render: (_, s) => formatTime(s.evaluatedAt, i18n.language) },
          {
            title: t('common.actions'),
            render: (_, s) => (
              <Button
                size="small"
                onClick={async () => {
                  await api('POST', `/api/trust/shops/${s.orgId}/evaluate`);
                  list.reload();
                }}
              >
                {t('trust.judge')}
              </Button>
            ),
          },
        ]}
      />
      {list.hasMore && <Button onClick={list.more}>{t('common.more')}</Button>}
    </>
  );
}

/** A brand's own card: the tier and why, the money behind it, paying in, and the history. */
function MyTrust({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const [shop, setShop] = useState<ShopDetail | null>(null);
  const [paying, setPaying] = useState(false);
  const [paid, setPaid] = useState<string | null>(null);
  const [tiers, setTiers] = useState<Tier[]>([]);
  // Not judged yet: the operator has defined no tier to judge by.
  const [unjudged, setUnjudged] = useState(false);
  const load = useCallback(
    () =>
      api<ShopDetail>('GET', `/api/trust/shops/${orgId}`).then(setShop, (e) => {
        if (e instanceof ApiError && e.problem.status === 404) setUnjudged(true);
        else throw e;
      }),
    [orgId],
  );
  useEffect(() => {
    void load();
    void api<{ items: Tier[] }>('GET', '/api/trust/tiers').then((r) => setTiers(r.items));
  }, [load]);
  if (unjudged) return <Alert type="info" showIcon message={t('trust.unjudged')} />;
  if (!shop) return <Card loading />;
  const next = tiers.find((x) => x.code === shop.reason.next?.tier);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {paid && <Alert type="success" showIcon closable message={paid} onClose={() => setPaid(null)} />}
      <Card
        title={<TierTag tier={shop.tier} />}
        extra={
          <Button type="primary" onClick={() => setPaying(true)} data-testid="pay-deposit">
            {t('trust.pay')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('trust.since', { when: formatTime(shop.since, i18n.language) })}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8}>
            <Statistic
              title={t('trust.deposit')}
              value={formatFen(shop.depositFen)}
              data-testid="deposit-held"
            />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('trust.debt')} value={formatFen(shop.debtFen)} />
          </Col>
          <Col xs={12} md={8}>
            <Statistic title={t('trust.payable')} value={formatFen(shop.payableFen)} />
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('trust.why')}
          {next ? ` · ${t('trust.nextTier', { tier: tierName(next, t, i18n.language) })}` : ''}
        </Typography.Title>
        <ReasonList reason={shop.reason} t={t} />
      </Card>
      <Card title={t('trust.history')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={shop.evaluations}
          columns={[
            { title: t('audit.time'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
            {
              title: t('trust.tier'),
              render: (_, e) =>
                t('trust.moved', {
                  from: e.from ? tierName(e.from, t, i18n.language) : '—',
                  to: tierName(e.to, t, i18n.language),
                }),
            },
            {
              title: t('trust.cause'),
              dataIndex: 'cause',
              render: (c) => t(`trust.causes.${c}`, { defaultValue: c }),
            },
          ]}
        />
      </Card>
      <Card title={t('trust.deposits')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={shop.deposits}
          data-testid="deposits"
          columns={[
            { title: t('audit.time'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
            { title: t('ledger.amount'), dataIndex: 'amount', align: 'right', render: (v) => formatFen(v) },
            { title: t('trust.source'), dataIndex: 'source', render: (s) => t(`trust.sources.${s}`) },
            { title: t('trust.reference'), dataIndex: 'reference', render: (r) => r ?? '—' },
          ]}
        />
      </Card>
      <FormModal<{ amount: number; source: 'transfer' | 'payable'; reference?: string }>
        open={paying}
        title={t('trust.pay')}
        okText={t('trust.pay')}
        initialValues={{ source: 'transfer' }}
        onClose={() => setPaying(false)}
        submit={async (v) => {
          const r = await api<{ depositFen: number }>(
            'POST',
            '/api/trust/deposits',
            {
              amount: Math.round(v.amount * 100),
              source: v.source,
              ...(v.reference ? { reference: v.reference } : {}),
            },
            { 'idempotency-key': crypto.randomUUID() },
          );
          setPaid(t('trust.paid', { amount: formatFen(r.depositFen) }));
          await load();
        }}
      >
        <Form.Item name="amount" label={t('trust.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="source" label={t('trust.source')}>
          <Select
            options={(['transfer', 'payable'] as const).map((s) => ({
              value: s,
              label: t(`trust.sources.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('trust.reference')}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
      <Card title={t('trust.tiers')} size="small">
        <Tiers editable={false} />
      </Card>
    </Space>
  );
}

/** The Trust Card: the operator's tiers and shops; a brand's own card, deposit and history. */
export function Trust() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.org?.kind === 'brand') return <MyTrust orgId={me.org.id} />;
  return (
    <Card title={t('menu.trust')}>
      <Tabs
        items={[
          {
            key: 'tiers',
            label: t('trust.tiers'),
            children: <Tiers editable={me.role === 'admin' || me.role === 'owner'} />,
          },
          { key: 'shops', label: t('trust.shops'), children: <Shops /> },
        ]}
      />
    </Card>
  );
}
