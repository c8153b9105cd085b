import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, problemText } from '../shared/api';
import { ClaimThread } from '../shared/ClaimThread';
import { type Claim, type ClaimDetail, dueText, statusColor } from '../shared/claims';
import { formatFen, formatTime, localName } from '../shared/format';
import type { OrderView } from '../shared/orders';

const kinds = ['return_refund', 'refund_only', 'exchange', 'counterfeit'] as const;
const reasons = ['no_reason', 'damaged', 'not_as_described', 'wrong_item', 'counterfeit', 'other'] as const;

/** Asking for after-sales on an order: which items and how many, what is wanted and why. */
export function ClaimNewPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  useEffect(() => {
    void api<OrderView>('GET', `/api/shop/orders/${id}`).then((o) => {
      setOrder(o);
      form.setFieldsValue({
        kind: 'return_refund',
        reason: 'no_reason',
        lines: o.lines.map((l) => ({ chosen: o.lines.length === 1, quantity: l.quantity })),
      });
    });
  }, [id, form]);
  if (!order) return <Skeleton active />;
  const submit = async (v: any) => {
    setError(null);
    try {
      const claim = await api<Claim>(
        'POST',
        '/api/shop/claims',
        {
          orderId: order.id,
          kind: v.kind,
          reason: v.reason,
          ...(v.description ? { description: v.description } : {}),
          // The form keeps what the shopper chose of each line; the line itself is the order's, by place.
          lines: (v.lines as Array<{ chosen: boolean; quantity: number }>)
            .map((l, i) => ({ ...l, orderLineId: order.lines[i].id }))
            .filter((l) => l.chosen)
            .map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
        },
        { 'idempotency-key': crypto.randomUUID() },
      );
      navigate(`/shop/claims/${claim.id}`);
    } catch (e) {
      if (e instanceof ApiError) setError(problemText(t, e.problem));
      else throw e;
    }
  };
  return (
    <Card title={t('claims.new')} size="small">
      <Form form={form} layout="vertical" onFinish={submit}>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="claim-error"
          />
        )}
        <Form.Item label={t('claims.lines')}>
          <Form.List name="lines">
            {(fields) =>
              fields.map((f, i) => {
                const l = order.lines[i];
                return (
                  <Space key={f.key} align="center" wrap style={{ width: '100%', marginBottom: 6 }}>
                    <Form.Item name={[f.name, 'chosen']} valuePropName="checked" noStyle>
                      <Checkbox data-testid="claim-line">
                        {localName(l, i18n.language)} · {Object.values(l.options).join(' · ')} ·{' '}
                        {formatFen(l.lineTotal)}
                      </Checkbox>
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} noStyle>
                      <InputNumber min={1} max={l.quantity} size="small" />
                    </Form.Item>
                  </Space>
                );
              })
            }
          </Form.List>
        </Form.Item>
        <Form.Item name="kind" label={t('claims.kind')}>
          <Radio.Group
            data-testid="claim-kind"
            options={kinds.map((k) => ({ value: k, label: t(`claims.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('claims.reason')}>
          <Select
            options={reasons.map((r) => ({ value: r, label: t(`claims.reasons.${r}`) }))}
            data-testid="claim-reason"
          />
        </Form.Item>
        <Form.Item name="description" label={t('claims.description')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block data-testid="claim-submit">
          {t('claims.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** One claim: where it stands, what it pays, what the shopper may do next, its timeline and messages. */
export function ClaimPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const load = useCallback(() => api<ClaimDetail>('GET', `/api/shop/claims/${id}`).then(setClaim), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!claim) return <Skeleton active />;
  const act = async (move: string, extra: Record<string, unknown> = {}) => {
    try {
      setClaim(await api<ClaimDetail>('POST', `/api/shop/claims/${claim.id}/moves`, { move, ...extra }));
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
      else throw e;
    }
  };
  const due = dueText(claim, t, i18n.language);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={statusColor(claim.status)} data-testid="claim-status" data-status={claim.status}>
              {t(`claims.statuses.${claim.status}`)}
            </Tag>
            <span>{t(`claims.kinds.${claim.kind}`)}</span>
            <Typography.Text type="secondary">{t(`claims.reasons.${claim.reason}`)}</Typography.Text>
          </Space>
          {due && <Typography.Text type="warning">{due}</Typography.Text>}
          <div>
            {t('claims.refund')}: <strong>{formatFen(claim.refundFen)}</strong>
          </div>
          {claim.refundedFen > 0 && (
            <div data-testid="claim-refunded">
              {t('claims.refunded')}:{' '}
              <strong style={{ color: '#389e0d' }}>{formatFen(claim.refundedFen)}</strong>
            </div>
          )}
          {claim.compensatedFen > 0 && (
            <div data-testid="claim-compensated">
              {t('claims.compensated')}:{' '}
              <strong style={{ color: '#389e0d' }}>{formatFen(claim.compensatedFen)}</strong>
            </div>
          )}
          {claim.rejectionReason && claim.status === 'rejected' && (
            <Alert type="warning" message={t('claims.rejected', { reason: claim.rejectionReason })} />
          )}
          {claim.verdictReason && (
            <Alert type="info" message={t('claims.verdict', { reason: claim.verdictReason })} />
          )}
          <Typography.Text type="secondary">
            {t('claims.code')}: <code data-testid="claim-code">{claim.code}</code> · {t('claims.codeHelp')}
          </Typography.Text>
        </Space>
      </Card>
      {claim.status === 'awaiting_return' && (
        <Card size="small" title={t('claims.shipReturn')}>
          <Form
            layout="vertical"
            onFinish={(v) =>
              act('ship_return', { tracking: v.tracking, freightFen: Math.round((v.freight ?? 0) * 100) })
            }
          >
            <Form.Item name="tracking" label={t('claims.tracking')} rules={[{ required: true }]}>
              <Input maxLength={40} data-testid="return-tracking" />
            </Form.Item>
            <Form.Item name="freight" label={t('claims.freight')}>
              <InputNumber min={0} max={1000} precision={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              {t('claims.shipReturn')}
            </Button>
          </Form>
        </Card>
      )}
      {claim.status === 'rejected' && (
        <Space style={{ width: '100%' }} direction="vertical">
          <Button type="primary" block onClick={() => act('escalate')} data-testid="escalate">
            {t('claims.escalate')}
          </Button>
          <Button block onClick={() => act('accept_rejection')}>
            {t('claims.acceptRejection')}
          </Button>
        </Space>
      )}
      <Card size="small" title={t('claims.lines')}>
        <List
          size="small"
          dataSource={claim.lines}
          renderItem={(l) => (
            <List.Item>
              <span>
                {localName(l, i18n.language)} · {Object.values(l.options).join(' · ')} × {l.quantity}
              </span>
              <span style={{ whiteSpace: 'nowrap' }}>{formatFen(l.amount)}</span>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('claims.timeline')}>
        <Timeline
          items={claim.history.map((h) => ({
            children: (
              <>
                <div>{t(`claims.moves.${h.move}`)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(h.at, i18n.language)}
                  {h.note ? ` · ${h.note}` : ''}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('claims.messages')}>
        <ClaimThread
          messages={claim.messages}
          postTo={`/api/shop/claims/${claim.id}/messages`}
          onPosted={load}
        />
      </Card>
      {['awaiting_merchant', 'awaiting_return', 'rejected', 'escalated'].includes(claim.status) && (
        <Button danger type="link" block onClick={() => act('withdraw')}>
          {t('claims.withdraw')}
        </Button>
      )}
      <Link to={`/shop/orders/${claim.orderId}`}>{t('claims.order')}</Link>
    </Space>
  );
}

/** The shopper's claims, newest first. */
export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const [claims, setClaims] = useState<Claim[] | null>(null);
  useEffect(() => {
    void api<{ items: Claim[] }>('GET', '/api/shop/claims').then(
      (r) => setClaims(r.items),
      () => setClaims([]),
    );
  }, []);
  if (!claims) return <Skeleton active />;
  return (
    <List
      header={<strong>{t('claims.mine')}</strong>}
      locale={{ emptyText: t('claims.none') }}
      dataSource={claims}
      renderItem={(c) => (
        <Card size="small" style={{ marginBottom: 8 }}>
          <Link to={`/shop/claims/${c.id}`} data-testid="claim-link">
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <span>
                {formatTime(c.createdAt, i18n.language)} · {t(`claims.kinds.${c.kind}`)}
              </span>
              <Tag color={statusColor(c.status)}>{t(`claims.statuses.${c.status}`)}</Tag>
              <strong>{formatFen(c.refundFen + c.compensatedFen)}</strong>
            </Space>
          </Link>
        </Card>
      )}
    />
  );
}
