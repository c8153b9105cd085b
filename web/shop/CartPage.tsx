import { DeleteOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Decision } from '../../src/modules/fulfilment/domain/routing';
import { ApiError, api, problemText } from '../shared/api';
import { formatFen, type HourGap, hourGapText, localName, localNames, soonText } from '../shared/format';
import { usePlaceName } from '../shared/places';
import { AddressPicker } from './AddressPicker';
import { forgetSource, placementSource } from './source';
import { type SavedAddress, toAddress, useShop } from './state';
import { TrustBadge } from './TrustBadge';

type Mode = 'hour' | 'standard' | 'pickup';
export type Cart = {
  id: string;
  status: string;
  lines: Array<{
    skuId: string;
    name: string | null;
    nameEn: string | null;
    options: Record<string, string>;
    quantity: number;
    unitPrice: number | null;
    lineTotal: number | null;
    refusal: string | null;
  }>;
  subtotal: number;
  /** The price adjusters' lines (a live price, a coupon): signed fen, in `total`. */
  adjustments: Array<{ source: string; reason: string; skuId: string | null; amount: number }>;
  deliveryFee: number;
  total: number;
  delivery: Mode | null;
  pickupLocationId: string | null;
  quote: {
    mode: Mode | null;
    available: boolean;
    kind: string;
    etaMinutes: number | null;
    standardDays: number | null;
    from: string[];
    fromEn: Array<string | null>;
    /** The stores to collect from, as routing answers them. */
    pickup: Decision['pickup'];
    hourGap: HourGap | null;
  } | null;
};

export function CartPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me, shopId, shops, cartId, address, setAddress, addresses, forgetCart, guestLines } = useShop();
  const brandId = shops.find((s) => s.id === shopId)?.brandId;
  const [saveToBook, setSaveToBook] = useState(true);
  const placeName = usePlaceName();
  const [cart, setCart] = useState<Cart | null>(null);
  const [mode, setMode] = useState<Mode>('hour');
  const [pickupAt, setPickupAt] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);

  const [fellBack, setFellBack] = useState<Mode | null>(null);
  const requote = useCallback(
    async (id: string, m: Mode, at?: string): Promise<Cart> => {
      const body = { mode: m, address, ...(m === 'pickup' && at ? { pickupLocationId: at } : {}) };
      if (m === 'pickup' && !at) {
        // Ask with hour delivery to learn the stores that could hand it over.
        const probe = await api<Cart>('POST', `/api/shop/carts/${id}/delivery`, { mode: 'hour', address });
        const shown: Cart = {
          ...probe,
          delivery: 'pickup',
          quote: probe.quote && { ...probe.quote, mode: 'pickup', available: false },
        };
        setCart(shown);
        return shown;
      }
      const c = await api<Cart>('POST', `/api/shop/carts/${id}/delivery`, body);
      setCart(c);
      return c;
    },
    [address],
  );
  const quote = useCallback(
    async (id: string, m: Mode, at?: string, chosen = false) => {
      try {
        const c = await requote(id, m, at);
        setError(null);
        // No store delivers within the hour now: the best mode that is on offer, not a dead button.
        if (!chosen && m === 'hour' && c.quote?.hourGap) {
          const store = c.quote.pickup[0]?.locationId;
          // A warehouse parcel if there is one, else the nearest store to collect from; else
          // nothing is on offer, and the hour's reason stays on screen.
          const next: Mode | null = c.quote.kind === 'standard' ? 'standard' : store ? 'pickup' : null;
          if (!next) return;
          setMode(next);
          if (next === 'pickup') setPickupAt(store);
          setFellBack(next);
          await requote(id, next, store);
        }
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        setError(problemText(t, e.problem));
      }
    },
    [requote, t],
  );
  // Loads the cart on sign-in and quotes again when the address changes; mode and store are read
  // as they are then (changing them quotes by itself).
  // biome-ignore lint/correctness/useExhaustiveDependencies: mode and pickupAt must not reload the cart
  useEffect(() => {
    // The cart is the shop's: wait for the shops to load (a page opened straight after sign-in).
    if (!me || !shopId) return;
    void (async () => {
      const id = await cartId();
      const c = await api<Cart>('GET', `/api/shop/carts/${id}`);
      // The way the cart was left (on this device or another) is the one shown and quoted.
      const held = c.delivery ?? mode;
      const at = c.pickupLocationId ?? pickupAt;
      setMode(held);
      setPickupAt(at);
      if (c.lines.length) await quote(id, held, at);
      else setCart(c);
    })();
  }, [me, shopId, cartId, quote]);

  if (me === null)
    return (
      <Card>
        <Space direction="vertical">
          {guestLines.length > 0 && (
            <Typography.Text strong data-testid="guest-cart">
              {t('store.guestCart', { count: guestLines.reduce((n, l) => n + l.quantity, 0) })}
            </Typography.Text>
          )}
          <Typography.Text>{t('store.signInFirst')}</Typography.Text>
          <Link to="/shop/me">{t('shop.signIn')}</Link>
        </Space>
      </Card>
    );
  if (!cart) return null;
  if (cart.lines.length === 0) return <Empty description={t('store.cartEmpty')} />;

  const setLine = async (skuId: string, quantity: number) => {
    try {
      const c = await api<Cart>('POST', `/api/shop/carts/${cart.id}/lines`, { skuId, quantity });
      if (c.lines.length) await quote(cart.id, mode, pickupAt);
      else setCart(c);
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
    }
  };
  const place = async () => {
    setError(null);
    setPlacing(true);
    try {
      const order = await api<{ id: string; payment: { payUrl: string } }>(
        'POST',
        '/api/shop/orders',
        { ...placementSource(), cartId: cart.id },
        { 'idempotency-key': `place-${cart.id}` },
      );
      forgetCart();
      forgetSource();
      // Kept for next time; a full address book keeps the order all the same.
      if (saveToBook && !savedMatch && address.line && address.name && address.phone)
        await api('POST', '/api/shop/addresses', {
          ...address,
          line: address.line,
          name: address.name,
          phone: address.phone,
        }).catch(() => {});
      // The provider's page, on this site's origin so the shopper comes back signed in.
      const pay = new URL(order.payment.payUrl, window.location.href);
      window.location.assign(`${pay.pathname}${pay.search}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(problemText(t, e.problem));
      setPlacing(false);
    }
  };
  const q = cart.quote;
  const savedMatch = addresses.find((a) => sameAddress(a, address));
  const modeNote = (m: Mode) => {
    if (!q) return '';
    if (m === 'hour' && q.hourGap) return hourGapText(q.hourGap, i18n.language, t);
    if (m === 'hour')
      return q.kind === 'hour' || q.kind === 'split'
        ? mode === 'hour' && q.etaMinutes
          ? t('store.hourQuote', {
              minutes: q.etaMinutes,
              store: localNames(q.from, q.fromEn, i18n.language).join(' + '),
            })
          : ''
        : t('store.modeUnavailable');
    if (m === 'standard')
      return mode === 'standard' && q.standardDays ? t('store.standardQuote', { days: q.standardDays }) : '';
    return q.pickup.length ? '' : t('store.modeUnavailable');
  };
  // A courier needs the door, the recipient and a phone; a pick-up needs its store.
  const addressMissing =
    mode !== 'pickup' && !(address.line?.trim() && address.name?.trim() && address.phone?.trim());
  const ready = q?.available && (mode !== 'pickup' || pickupAt) && !addressMissing;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small">
        <List
          dataSource={cart.lines}
          renderItem={(l) => (
            <List.Item
              actions={[
                <InputNumber
                  key="q"
                  size="small"
                  min={1}
                  max={10}
                  value={l.quantity}
                  onChange={(v) => v && setLine(l.skuId, v)}
                />,
                <Button
                  key="d"
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => setLine(l.skuId, 0)}
                />,
              ]}
            >
              <List.Item.Meta
                title={localName(l, i18n.language)}
                description={`${Object.values(l.options).join(' · ')}  ${l.unitPrice !== null ? formatFen(l.unitPrice) : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('store.delivery')}>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            setMode(e.target.value);
            setFellBack(null);
            void quote(cart.id, e.target.value, pickupAt, true);
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        >
          {(['hour', 'standard', 'pickup'] as const).map((m) => (
            <Radio key={m} value={m} disabled={m === 'hour' && !!q?.hourGap}>
              <span data-testid={`mode-${m}`}>
                {t(`store.modes.${m}`)} <Typography.Text type="secondary">{modeNote(m)}</Typography.Text>
              </span>
            </Radio>
          ))}
        </Radio.Group>
        {fellBack && (
          <Alert
            data-testid="fell-back"
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            message={t('store.fellBack', { mode: t(`store.modes.${fellBack}`) })}
          />
        )}
        {mode === 'pickup' && (
          <Select
            style={{ width: '100%', marginTop: 8 }}
            placeholder={t('store.pickupStore')}
            value={pickupAt}
            onChange={(v) => {
              setPickupAt(v);
              void quote(cart.id, 'pickup', v);
            }}
            options={(q?.pickup ?? []).map((p) => ({
              value: p.locationId,
              label: `${localName(p, i18n.language)} · ${(p.distanceM / 1000).toFixed(1)} km · ${t('store.readyFrom', { when: soonText(p.readyAt, i18n.language, t) })}`,
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t('store.address')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {addresses.length > 0 && (
            <Select
              data-testid="saved-addresses"
              style={{ width: '100%' }}
              placeholder={t('shop.savedAddress')}
              value={savedMatch?.id}
              onChange={(id) => {
                const a = addresses.find((x) => x.id === id);
                if (a) setAddress(toAddress(a));
              }}
              options={addresses.map((a) => ({
                value: a.id,
                label: `${a.name} ${a.phone} · ${placeName(a.district)} ${a.line}${a.isDefault ? ` · ${t('shop.defaultAddress')}` : ''}`,
              }))}
            />
          )}
          <AddressPicker />
          <Input
            placeholder={t('store.line')}
            value={address.line}
            onChange={(e) => setAddress({ ...address, line: e.target.value })}
          />
          <Space.Compact block>
            <Input
              placeholder={t('store.recipient')}
              value={address.name}
              onChange={(e) => setAddress({ ...address, name: e.target.value })}
            />
            <Input
              placeholder={t('store.phone')}
              value={address.phone}
              onChange={(e) => setAddress({ ...address, phone: e.target.value })}
            />
          </Space.Compact>
          {!savedMatch && address.line && address.name && address.phone && (
            <Checkbox
              data-testid="save-to-book"
              checked={saveToBook}
              onChange={(e) => setSaveToBook(e.target.checked)}
            >
              {t('shop.saveToBook')}
            </Checkbox>
          )}
        </Space>
      </Card>
      <Card size="small">
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{t('store.subtotal')}</span>
          <span>{formatFen(cart.subtotal)}</span>
        </div>
        {cart.adjustments.map((a) => (
          <div
            key={`${a.source}:${a.skuId ?? 'cart'}:${a.reason}`}
            style={{ display: 'flex', justifyContent: 'space-between' }}
            data-testid="adjustment"
          >
            <span>{a.reason}</span>
            <span style={{ color: '#e4572e' }}>{formatFen(a.amount)}</span>
          </div>
        ))}
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>{t('store.deliveryFee')}</span>
          <span>{formatFen(cart.deliveryFee)}</span>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 18, fontWeight: 600 }}>
          <span>{t('store.total')}</span>
          <span style={{ color: '#e4572e' }} data-testid="cart-total">
            {formatFen(cart.total)}
          </span>
        </div>
      </Card>
      {brandId && <TrustBadge brandId={brandId} at="checkout" />}
      {error && <Alert type="error" showIcon message={error} />}
      {q?.available && addressMissing && (
        <Typography.Text type="secondary" data-testid="address-missing">
          {t('store.addressMissing')}
        </Typography.Text>
      )}
      <Button type="primary" size="large" block disabled={!ready} loading={placing} onClick={place}>
        {t('store.placeOrder')}
      </Button>
      <Button type="link" block onClick={() => navigate('/shop')}>
        {t('store.home')}
      </Button>
    </Space>
  );
}

/** Whether the cart's address is this saved one (as typed: the same place, street and person). */
function sameAddress(a: SavedAddress, b: { district: string; line?: string; name?: string; phone?: string }) {
  return a.district === b.district && a.line === b.line && a.name === b.name && a.phone === b.phone;
}
