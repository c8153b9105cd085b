import { Alert, Button, Card, DatePicker, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Page, problemText } from '../../../shared/api';
import { formatFen, formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

type Balance = {
  orgId: string | null;
  orgName: string | null;
  orgNameEn?: string | null;
  account: string;
  balance: number;
  entries: number;
};
type Entry = {
  id: string;
  kind: string;
  refType: string;
  refId: string;
  memo: string | null;
  account: string;
  amount: number;
  createdAt: string;
};
type Reconciliation = {
  id: string;
  day: string;
  ok: boolean;
  findings: string[];
  figures: Record<string, number>;
  ranAt: string;
};

/**
 * Accounts whose balance is a credit (what the platform owes, what it earned): shown as positive
 * amounts, as their holders read them, in balances and statements alike. The API gives debits
 * minus credits.
 */
const creditNormal = new Set([
  'merchant_payable',
  'retailer_payable',
  'merchant_deposit',
  'commission_payable',
  'platform_fees',
]);
const asHolderReads = (account: string, amount: number) => (creditNormal.has(account) ? -amount : amount);

/** The reconciliation's figures that are money (fen), the others counts. */
const moneyFigures = new Set(['paidAmount', 'refundedAmount', 'retailerShare', 'platformFees', 'brandNet']);

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function Reconciliations() {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Reconciliation[]>([]);
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () => api<Page<Reconciliation>>('GET', '/api/reconciliations?limit=30').then((r) => setItems(r.items)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Card
      size="small"
      title={t('ledger.reconciliations')}
      extra={
        <Space>
          <DatePicker
            // A day can be reconciled once it is over in China.
            disabledDate={(d) => d.format('YYYY-MM-DD') >= chinaToday()}
            onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : null)}
          />
          <Button
            disabled={!day}
            onClick={async () => {
              try {
                await api('POST', '/api/reconciliations', { day });
                setError(null);
                await load();
              } catch (e) {
                if (!(e instanceof ApiError)) throw e;
                setError(
                  e.problem.code === 'orders.day_not_over'
                    ? t('ledger.dayNotOver')
                    : problemText(t, e.problem),
                );
              }
            }}
          >
            {t('ledger.run')}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          message={error}
          onClose={() => setError(null)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Typography.Paragraph type="secondary">{t('ledger.rerun')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        expandable={{
          expandedRowRender: (r) => r.findings.map((f) => <Alert key={f} type="error" message={f} />),
          rowExpandable: (r) => !r.ok,
        }}
        columns={[
          { title: t('ledger.day'), dataIndex: 'day' },
          {
            title: t('common.status'),
            dataIndex: 'ok',
            render: (ok) =>
              ok ? <Tag color="green">{t('ledger.ok')}</Tag> : <Tag color="red">{t('ledger.broken')}</Tag>,
          },
          {
            title: t('ledger.figures'),
            dataIndex: 'figures',
            render: (f: Record<string, number>) => (
              <Space size={[12, 0]} wrap>
                {Object.entries(f).map(([key, value]) => (
                  <span key={key}>
                    <Typography.Text type="secondary">{t(`ledger.figure.${key}`)}</Typography.Text>{' '}
                    {moneyFigures.has(key) ? formatFen(value) : value}
                  </span>
                ))}
              </Space>
            ),
          },
          { title: t('audit.time'), dataIndex: 'ranAt', render: (v) => formatTime(v, i18n.language) },
        ]}
      />
    </Card>
  );
}

/** Balances and the statement of the organisation's accounts; the operator also reconciles days. */
export function Ledger() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [balances, setBalances] = useState<Balance[]>([]);
  const entries = useList<Entry>('/api/ledger/entries?limit=50');
  useEffect(() => {
    void api<{ items: Balance[] }>('GET', '/api/ledger/balances').then((r) => setBalances(r.items));
  }, []);
  // A store's share says how it was worked out; other entries their memo, or what caused them.
  const cause = (e: Entry) => {
    if (e.kind !== 'retailer_share' || !e.memo) return e.memo ?? e.refId;
    const basis = JSON.parse(e.memo) as { model: string; rateBp: number; value: number };
    return t(`ledger.share.${basis.model}`, {
      rate: `${(basis.rateBp / 100).toLocaleString(i18n.language)}%`,
      value: formatFen(basis.value),
    });
  };
  const tabs = [
    {
      key: 'balances',
      label: t('ledger.balances'),
      children: (
        <Table
          rowKey={(b) => `${b.orgId}:${b.account}`}
          size="small"
          pagination={false}
          dataSource={balances}
          columns={[
            {
              title: t('common.name'),
              dataIndex: 'orgName',
              render: (v, b) =>
                v ? localName({ name: v, nameEn: b.orgNameEn }, i18n.language) : t('ledger.platform'),
            },
            { title: t('ledger.account'), dataIndex: 'account', render: (a) => t(`ledger.accounts.${a}`) },
            { title: t('ledger.entries'), dataIndex: 'entries' },
            {
              title: t('ledger.balance'),
              dataIndex: 'balance',
              align: 'right',
              render: (v: number, b: Balance) => formatFen(asHolderReads(b.account, v)),
            },
          ]}
        />
      ),
    },
    {
      key: 'statement',
      label: t('ledger.statement'),
      children: (
        <>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            loading={entries.loading}
            dataSource={entries.items}
            columns={[
              { title: t('audit.time'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
              {
                title: t('common.kind'),
                dataIndex: 'kind',
                render: (k) => <Tag>{t(`ledger.kinds.${k}`)}</Tag>,
              },
              { title: t('ledger.account'), dataIndex: 'account', render: (a) => t(`ledger.accounts.${a}`) },
              { title: t('ledger.cause'), render: (_, e) => cause(e) },
              {
                title: t('ledger.amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: number, e: Entry) => (
                  <span data-testid="entry-amount">{formatFen(asHolderReads(e.account, v))}</span>
                ),
              },
            ]}
          />
          {entries.hasMore && (
            <Button onClick={entries.more} loading={entries.loading} style={{ marginTop: 12 }}>
              {t('ledger.older')}
            </Button>
          )}
        </>
      ),
    },
  ];
  if (me.org?.kind === 'platform')
    tabs.push({ key: 'reconciliations', label: t('ledger.reconciliations'), children: <Reconciliations /> });
  return (
    <Card title={t('menu.ledger')}>
      <Tabs items={tabs} />
    </Card>
  );
}
