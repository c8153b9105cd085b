import { Alert, App, Button, Card, Descriptions, List, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, problemText } from '../shared/api';
import { formatFen, formatTime, localName } from '../shared/format';
import type { OrderView } from '../shared/orders';
import { clock, stages, useNow, useShop } from './state';
import { OrderRightsCard } from './TrustBadge';

export type ShopOrder = OrderView;

/**
 * The steps of an order to its shopper, delivered or collected, and the one under way for each
 * status: the steps before it are done; a delivered order has every step done.
 */
const deliverySteps = ['placed', 'paid', 'picking', 'onTheWay', 'delivered'] as const;
const collectSteps = ['placed', 'paid', 'picking', 'ready', 'pickedUp'] as const;
const stepOf: Record<string, number> = {
  pending_payment: 1,
  paid: 2,
  routed: 2,
  picking: 2,
  ready: 3,
  out_for_delivery: 3,
  partially_delivered: 3,
  delivered: 4,
  completed: 4,
};

/** The reasons the system gives, in the shopper's language; one a person typed, as typed. */
const systemReasons: Record<string, string> = {
  'not paid in time': 'store.reasons.unpaid',
  'cancelled by the shopper': 'store.reasons.shopper',
  'the stock hold lapsed before the payment came': 'store.reasons.holdLapsed',
};

/** Order tracking: the steps, a live countdown to the promise, each shipment, the pick-up code. */
export function OrderPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { id } = useParams();
  const now = useNow();
  const [order, setOrder] = useState<ShopOrder | null>(null);
  // Back from the pay page: the provider tells the shop in a moment, so the page says it is
  // confirming (and asks every second) instead of showing "awaiting payment", for 20 s at most.
  const [params, setParams] = useSearchParams();
  const [confirming, setConfirming] = useState(params.get('paying') === '1');
  useEffect(() => {
    if (!confirming) return;
    const stop = setTimeout(() => setConfirming(false), 20_000);
    return () => clearTimeout(stop);
  }, [confirming]);
  useEffect(() => {
    if (confirming && order && order.status !== 'pending_payment') {
      setConfirming(false);
      setParams({}, { replace: true });
    }
  }, [confirming, order, setParams]);
  const waiting = confirming && order?.status === 'pending_payment';
  // How far this device's clock is from the server's: the countdown runs on the server's time.
  const [skew, setSkew] = useState(0);
  const load = useCallback(
    () =>
      api<ShopOrder>('GET', `/api/shop/orders/${id}`).then((o) => {
        if (o.serverTime) setSkew(new Date(o.serverTime).getTime() - Date.now());
        setOrder(o);
      }),
    [id],
  );
  const { me } = useShop();
  useEffect(() => {
    if (!me) return;
    void load();
    // Follow the store and the courier: the page refreshes itself until the order is done.
    const timer = setInterval(() => void load(), waiting ? 1000 : 3000);
    return () => clearInterval(timer);
  }, [load, me, waiting]);
  if (me === null) return <SignInToSee />;
  if (!order) return <Skeleton active />;
  const done = order.status === 'delivered' || order.status === 'completed' || order.status === 'cancelled';
  const promise =
    order.shipments
      .map((s) => s.promiseAt)
      .filter(Boolean)
      .sort()
      .at(-1) ?? null;
  const pay = new URL(order.payment.payUrl, window.location.href);
  const cancel = async () => {
    try {
      setOrder(await api<ShopOrder>('POST', `/api/shop/orders/${order.id}/cancel`, {}));
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
    }
  };
  const confirmReceipt = async () => {
    try {
      setOrder(await api<ShopOrder>('POST', `/api/shop/orders/${order.id}/receipt`, {}));
      message.success(t('store.receiptConfirmed'));
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
    }
  };
  // Asked first: a paid order says what comes back and where it goes.
  const paid = order.payment.amount - order.payment.refunded;
  const confirmCancel = () =>
    modal.confirm({
      title: t('store.cancelAsk'),
      content: order.payment.paidAt
        ? t('store.cancelRefund', { amount: formatFen(paid) })
        : t('store.cancelUnpaid'),
      okText: t('store.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('store.keepOrder'),
      onOk: cancel,
    });
  const left = promise ? new Date(promise).getTime() - (now + skew) : 0;
  const cancelReason = (reason: string | null) =>
    reason ? (systemReasons[reason] ? t(systemReasons[reason]) : reason) : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text type="secondary">
              {t('store.orderTitle', { id: order.id.slice(-8) })}
            </Typography.Text>
            <Tag
              color={
                order.status === 'cancelled' ? 'default' : order.status === 'delivered' ? 'green' : 'orange'
              }
              data-testid="order-status"
            >
              {waiting ? t('store.confirmingPayment') : t(`order.status.${order.status}`)}
            </Tag>
          </Space>
          {order.status !== 'cancelled' && (
            <Steps
              size="small"
              responsive={false}
              labelPlacement="vertical"
              current={stepOf[order.status] ?? 0}
              status={done ? 'finish' : 'process'}
              data-testid="order-steps"
              items={(order.delivery === 'pickup' ? collectSteps : deliverySteps).map((k) => ({
                title: t(`store.steps.${k}`),
              }))}
            />
          )}
          {promise && !done && (
            <div data-testid="countdown" style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary">
                {t('store.promise', { time: formatTime(promise, i18n.language) })}
              </Typography.Text>
              <div style={{ fontSize: 32, fontWeight: 600, color: left >= 0 ? '#e4572e' : '#cf1322' }}>
                {left >= 0
                  ? t('store.remaining', { time: clock(left) })
                  : t('store.late', { time: clock(-left) })}
              </div>
            </div>
          )}
          {order.status === 'cancelled' && (
            <Alert type="info" message={t('store.cancelled', { reason: cancelReason(order.cancelReason) })} />
          )}
          {waiting && (
            <Alert
              type="info"
              showIcon
              data-testid="confirming-payment"
              message={t('store.confirmingNote')}
            />
          )}
          {order.status === 'pending_payment' && !waiting && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('store.payBy', { time: formatTime(order.payBy, i18n.language) })}
              </Typography.Text>
              <Button type="primary" block href={`${pay.pathname}${pay.search}`}>
                {t('store.payNow')}
              </Button>
            </Space>
          )}
        </Space>
      </Card>
      {order.shipments.map((s) => (
        <Card
          key={s.id}
          size="small"
          title={t('store.shipmentFrom', {
            store: localName({ name: s.locationName, nameEn: s.locationNameEn }, i18n.language),
          })}
          extra={<Tag>{t(`order.shipmentStatus.${s.status}`)}</Tag>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('store.delivery')}>{t(`order.mode.${s.mode}`)}</Descriptions.Item>
            {/* The code opens the pick-up: shown while there is one to make. */}
            {s.pickupCode && s.status !== 'pending' && s.status !== 'cancelled' && (
              <Descriptions.Item label={t('store.pickupCode')}>
                <Typography.Text strong style={{ fontSize: 22, letterSpacing: 4 }} data-testid="pickup-code">
                  {s.pickupCode}
                </Typography.Text>
              </Descriptions.Item>
            )}
            {s.courier?.name && (
              <Descriptions.Item label={t('store.courier')}>
                {s.courier.name} {s.courier.phone ?? ''}
              </Descriptions.Item>
            )}
            {s.deliveredAt && (
              <Descriptions.Item label={t('store.deliveredTime')}>
                {formatTime(s.deliveredAt, i18n.language)}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      ))}
      <Card size="small">
        <List
          size="small"
          dataSource={order.lines}
          renderItem={(l) => (
            <List.Item>
              <span>
                {localName(l, i18n.language)} · {Object.values(l.options).join(' · ')} × {l.quantity}
              </span>
              <span style={{ marginLeft: 12, whiteSpace: 'nowrap' }}>{formatFen(l.lineTotal)}</span>
            </List.Item>
          )}
        />
        <div style={{ display: 'flex', justifyContent: 'space-between', fontWeight: 600 }}>
          <span>{t('store.total')}</span>
          <span>{formatFen(order.total)}</span>
        </div>
      </Card>
      <OrderRightsCard orderId={order.id} />
      {['pending_payment', 'paid', 'routed'].includes(order.status) && (
        <Button danger block onClick={confirmCancel}>
          {t('store.cancel')}
        </Button>
      )}
      {order.status === 'delivered' && (
        <Button type="primary" block data-testid="confirm-receipt" onClick={confirmReceipt}>
          {t('store.confirmReceipt')}
        </Button>
      )}
      {['out_for_delivery', 'partially_delivered', 'delivered', 'completed'].includes(order.status) && (
        <Link to={`/shop/orders/${order.id}/claim`} data-testid="apply-claim">
          <Button block>{t('claims.apply')}</Button>
        </Link>
      )}
      <Link to="/shop/orders">{t('shop.orders')}</Link>
    </Space>
  );
}

/** Orders are the account's: a guest is asked to sign in, not shown an empty list. */
function SignInToSee() {
  const { t } = useTranslation();
  return (
    <Card data-testid="sign-in-to-see">
      <Space direction="vertical">
        <Typography.Text>{t('store.signInForOrders')}</Typography.Text>
        <Link to="/shop/me">{t('shop.signIn')}</Link>
      </Space>
    </Card>
  );
}

export function OrdersPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? 'all';
  const [orders, setOrders] = useState<ShopOrder[] | null>(null);
  const { me } = useShop();
  useEffect(() => {
    if (!me) return;
    setOrders(null);
    void api<{ items: ShopOrder[] }>('GET', `/api/shop/orders${stage === 'all' ? '' : `?stage=${stage}`}`)
      .then((r) => setOrders(r.items))
      .catch(() => setOrders([]));
  }, [stage, me]);
  // Every stage in view on a phone, scrolled sideways when they do not fit (tabs fold some away).
  const tabs = (
    <div role="tablist" className="fw-chips" data-testid="stage-tabs">
      {['all', ...stages].map((s) => (
        <button
          key={s}
          type="button"
          role="tab"
          aria-selected={s === stage}
          className={s === stage ? 'fw-chip fw-chip-on' : 'fw-chip'}
          onClick={() => setParams(s === 'all' ? {} : { stage: s })}
        >
          {t(`shop.stages.${s}`)}
        </button>
      ))}
    </div>
  );
  if (me === null) return <SignInToSee />;
  if (!orders)
    return (
      <>
        {tabs}
        <Skeleton active />
      </>
    );
  return (
    <>
      {tabs}
      <List
        locale={{ emptyText: t('store.noOrders') }}
        dataSource={orders}
        renderItem={(o) => (
          <Card size="small" style={{ marginBottom: 8 }}>
            <Link to={`/shop/orders/${o.id}`}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <span>
                  {formatTime(o.placedAt, i18n.language)} · {t(`order.mode.${o.delivery}`)}
                </span>
                <Tag>{t(`order.status.${o.status}`)}</Tag>
                <strong>{formatFen(o.total)}</strong>
              </Space>
            </Link>
          </Card>
        )}
      />
    </>
  );
}
