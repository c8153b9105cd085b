import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Radio,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, problemText } from '../../../shared/api';
import { ClaimThread } from '../../../shared/ClaimThread';
import { type Claim, type ClaimDetail, dueText, statusColor } from '../../../shared/claims';
import { FormModal } from '../../../shared/FormModal';
import { formatFen, formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';

const groups = ['handle', 'returning', 'escalated', 'done', 'all'] as const;
type Group = (typeof groups)[number];

/** What the merchant or the operator may do with a claim where it stands. */
function Actions({
  claim,
  operator,
  onMoved,
}: {
  claim: ClaimDetail;
  operator: boolean;
  onMoved: (c: ClaimDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<
    null | 'reject' | 'rule_for_shopper' | 'rule_for_merchant' | 'receive'
  >(null);
  const move = async (body: Record<string, unknown>) => {
    onMoved(await api<ClaimDetail>('POST', `/api/aftersales/claims/${claim.id}/moves`, body));
  };
  const now = (body: Record<string, unknown>) =>
    move(body).catch((e) => {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
      else throw e;
    });
  const buttons: ReactElement[] = [];
  if (!operator && claim.status === 'awaiting_merchant')
    buttons.push(
      <Button key="approve" type="primary" onClick={() => now({ move: 'approve' })} data-testid="approve">
        {t('claims.approve')}
      </Button>,
      <Button key="reject" danger onClick={() => setAsking('reject')} data-testid="reject">
        {t('claims.reject')}
      </Button>,
    );
  if (!operator && ['awaiting_return', 'returning'].includes(claim.status))
    buttons.push(
      <Button key="receive" onClick={() => setAsking('receive')} data-testid="receive">
        {t('claims.receive')}
      </Button>,
    );
  if (!operator && claim.status === 'received')
    buttons.push(
      claim.kind === 'exchange' ? (
        <Button key="exchange" type="primary" onClick={() => now({ move: 'exchange' })}>
          {t('claims.exchange')}
        </Button>
      ) : (
        <Button key="refund" type="primary" onClick={() => now({ move: 'refund' })} data-testid="refund">
          {t('claims.doRefund')}
        </Button>
      ),
    );
  if (operator && claim.status === 'escalated')
    buttons.push(
      <Button
        key="shopper"
        type="primary"
        onClick={() => setAsking('rule_for_shopper')}
        data-testid="rule-for-shopper"
      >
        {t('claims.ruleShopper')}
      </Button>,
      <Button key="merchant" onClick={() => setAsking('rule_for_merchant')} data-testid="rule-for-merchant">
        {t('claims.ruleMerchant')}
      </Button>,
    );
  return (
    <>
      <Space wrap>{buttons}</Space>
      <FormModal<{ reason?: string; counterfeit?: boolean; condition?: string }>
        open={asking !== null}
        title={
          asking
            ? t(
                asking === 'reject'
                  ? 'claims.reject'
                  : asking === 'receive'
                    ? 'claims.receive'
                    : asking === 'rule_for_shopper'
                      ? 'claims.ruleShopper'
                      : 'claims.ruleMerchant',
              )
            : ''
        }
        okText={t('claims.confirm')}
        initialValues={{ condition: 'sellable', counterfeit: claim.kind === 'counterfeit' }}
        onClose={() => setAsking(null)}
        submit={async (v) =>
          move(
            asking === 'receive'
              ? { move: 'receive', condition: v.condition }
              : {
                  move: asking,
                  reason: v.reason,
                  ...(asking === 'rule_for_shopper' ? { counterfeit: !!v.counterfeit } : {}),
                },
          )
        }
      >
        {asking === 'receive' ? (
          <Form.Item name="condition" label={t('claims.condition')}>
            <Radio.Group
              options={(['sellable', 'damaged'] as const).map((c) => ({
                value: c,
                label: t(`claims.conditions.${c}`),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="reason"
            label={t(asking === 'reject' ? 'claims.rejectReason' : 'claims.verdictReason')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="move-reason" />
          </Form.Item>
        )}
        {asking === 'rule_for_shopper' && (
          <Form.Item name="counterfeit" valuePropName="checked">
            <Checkbox data-testid="found-counterfeit">{t('claims.foundCounterfeit')}</Checkbox>
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}

/** One claim in the drawer: what it asks and pays, the actions, the timeline and the thread. */
function ClaimDrawer({
  id,
  operator,
  onClose,
  onMoved,
}: {
  id: string;
  operator: boolean;
  onClose: () => void;
  onMoved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const load = useCallback(
    () => api<ClaimDetail>('GET', `/api/aftersales/claims/${id}`).then(setClaim),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const due = claim && dueText(claim, t, i18n.language);
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={claim ? `${t(`claims.kinds.${claim.kind}`)} · ${claim.code}` : ''}
      destroyOnHidden
    >
      {claim && (
        <Space direction="vertical" style={{ width: '100%' }} size={16} data-testid="claim-drawer">
          <Space wrap>
            <Tag color={statusColor(claim.status)} data-testid="claim-status" data-status={claim.status}>
              {t(`claims.statuses.${claim.status}`)}
            </Tag>
            {due && <Typography.Text type="warning">{due}</Typography.Text>}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('claims.reason')}>
              {t(`claims.reasons.${claim.reason}`)}
            </Descriptions.Item>
            {claim.description && (
              <Descriptions.Item label={t('claims.description')}>{claim.description}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('claims.refund')}>{formatFen(claim.refundFen)}</Descriptions.Item>
            {claim.refundedFen > 0 && (
              <Descriptions.Item label={t('claims.refunded')}>
                {formatFen(claim.refundedFen)}
              </Descriptions.Item>
            )}
            {claim.compensatedFen > 0 && (
              <Descriptions.Item label={t('claims.compensated')}>
                <span data-testid="drawer-compensated">{formatFen(claim.compensatedFen)}</span>
              </Descriptions.Item>
            )}
            {claim.returnTracking && (
              <Descriptions.Item label={t('claims.tracking')}>{claim.returnTracking}</Descriptions.Item>
            )}
            {claim.rejectionReason && (
              <Descriptions.Item label={t('claims.rejectReason')}>{claim.rejectionReason}</Descriptions.Item>
            )}
            {claim.verdictReason && (
              <Descriptions.Item label={t('claims.verdictReason')}>{claim.verdictReason}</Descriptions.Item>
            )}
          </Descriptions>
          <Actions
            claim={claim}
            operator={operator}
            onMoved={(c) => {
              setClaim(c);
              onMoved();
            }}
          />
          <List
            size="small"
            header={<strong>{t('claims.lines')}</strong>}
            dataSource={claim.lines}
            renderItem={(l) => (
              <List.Item>
                <span>
                  {localName(l, i18n.language)} · {Object.values(l.options).join(' · ')} × {l.quantity}
                </span>
                <span>{formatFen(l.amount)}</span>
              </List.Item>
            )}
          />
          <div>
            <strong>{t('claims.timeline')}</strong>
            <Timeline
              style={{ marginTop: 12 }}
              items={claim.history.map((h) => ({
                children: `${formatTime(h.at, i18n.language)} · ${t(`claims.moves.${h.move}`)}${h.note ? ` · ${h.note}` : ''}`,
              }))}
            />
          </div>
          <div>
            <strong>{t('claims.messages')}</strong>
            <ClaimThread
              messages={claim.messages}
              postTo={`/api/aftersales/claims/${claim.id}/messages`}
              onPosted={load}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

/**
 * The after-sales workbench: a brand's claims to handle, by deadline, the most pressing first;
 * the operator's arbitration queue under the same page.
 */
export function Claims() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const operator = me.org?.kind === 'platform';
  const [group, setGroup] = useState<Group>(operator ? 'escalated' : 'handle');
  const [open, setOpen] = useState<string | null>(null);
  const list = useList<Claim>(`/api/aftersales/claims?limit=50${group === 'all' ? '' : `&group=${group}`}`);
  return (
    <Card title={t('claims.workbench')}>
      <Tabs
        activeKey={group}
        onChange={(k) => setGroup(k as Group)}
        items={groups.map((g) => ({ key: g, label: t(`claims.${g === 'handle' ? 'toHandle' : g}`) }))}
      />
      <Table<Claim>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="claims"
        onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('claims.code'), dataIndex: 'code', render: (c) => <code>{c}</code> },
          { title: t('claims.kind'), dataIndex: 'kind', render: (k) => t(`claims.kinds.${k}`) },
          { title: t('claims.reason'), dataIndex: 'reason', render: (r) => t(`claims.reasons.${r}`) },
          { title: t('claims.refund'), dataIndex: 'refundFen', align: 'right', render: (v) => formatFen(v) },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => (
              <Tag color={statusColor(s)} data-status={s}>
                {t(`claims.statuses.${s}`)}
              </Tag>
            ),
          },
          { title: t('claims.deadline'), render: (_, c) => dueText(c, t, i18n.language) ?? '—' },
          { title: t('common.created'), dataIndex: 'createdAt', render: (v) => formatTime(v, i18n.language) },
        ]}
      />
      {list.hasMore && <Button onClick={list.more}>{t('common.more')}</Button>}
      {!list.loading && list.items.length === 0 && (
        <Alert type="info" message={t('claims.none')} style={{ marginTop: 12 }} />
      )}
      {open && (
        <ClaimDrawer id={open} operator={operator} onClose={() => setOpen(null)} onMoved={list.reload} />
      )}
    </Card>
  );
}
