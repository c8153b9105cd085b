import { CarOutlined, ClockCircleOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Segmented, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Decision } from '../../src/modules/fulfilment/domain/routing';
import { ApiError, api, problemText } from '../shared/api';
import { formatFen, type HourGap, hourGapText, localName, localNames, soonText } from '../shared/format';
import { AddressPicker } from './AddressPicker';
import { colourOf, ProductArt } from './ProductArt';
import type { ShopProduct } from './ShopHome';
import { rememberSource } from './source';
import { clock, useNow, useShop } from './state';
import { TrustBadge } from './TrustBadge';

type Estimate = {
  sellable: boolean;
  refusal: string | null;
  district: string;
  hour: { etaMinutes: number; from: string[]; fromEn: Array<string | null> } | null;
  standard: { days: number } | null;
  pickup: Decision['pickup'];
  hourGap: HourGap | null;
};

export function ProductPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  // `?sku=` opens the page on one SKU (a link shared from a live room or by a creator).
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { shopId, shops, address, addToCart } = useShop();
  const brandId = shops.find((s) => s.id === shopId)?.brandId;
  const [product, setProduct] = useState<ShopProduct | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [quantity, setQuantity] = useState(1);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  // Once per product page: the address it was opened at says how the shopper came.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the product id alone marks a new visit
  useEffect(() => rememberSource(), [id]);
  // Loaded again when a launch comes: the SKU is on sale from then. Once in ten seconds at most,
  // should this device's clock run ahead of the server's.
  const [loads, setLoads] = useState(0);
  // How far this device's clock is from the server's: a launch's countdown runs on the server's.
  const [skew, setSkew] = useState(0);
  const lastLoad = useRef(0);
  const reload = useCallback(() => {
    if (Date.now() - lastLoad.current < 10_000) return;
    lastLoad.current = Date.now();
    setLoads((n) => n + 1);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `loads` asks for the product again
  useEffect(() => {
    if (!shopId) return;
    void api<{ items: ShopProduct[]; serverTime: string }>(
      'GET',
      `/api/shop/shops/${shopId}/products?productId=${id}`,
    ).then((r) => {
      setSkew(new Date(r.serverTime).getTime() - Date.now());
      const p = r.items[0] ?? null;
      setProduct(p);
      const first =
        p?.skus.find((s) => s.skuId === search.get('sku')) ?? p?.skus.find((s) => s.sellable) ?? p?.skus[0];
      if (first) setChosen(first.options);
    });
  }, [shopId, id, search, loads]);
  const sku = useMemo(
    () => product?.skus.find((s) => Object.entries(chosen).every(([k, v]) => s.options[k] === v)) ?? null,
    [product, chosen],
  );
  useEffect(() => {
    if (!sku || !shopId) return;
    const params = new URLSearchParams({
      channelId: shopId,
      skuId: sku.skuId,
      quantity: String(quantity),
      province: address.province,
      city: address.city,
      district: address.district,
      ...(address.lat !== undefined && address.lng !== undefined
        ? { lat: String(address.lat), lng: String(address.lng) }
        : {}),
    });
    setEstimate(null);
    void api<Estimate>('GET', `/api/shop/estimate?${params}`).then(setEstimate);
  }, [sku, shopId, address, quantity]);

  if (!product) return <Skeleton active />;
  const add = async (then: 'stay' | 'cart') => {
    try {
      // A guest signs in first and comes back here (or to the cart) with the item added.
      const here = `${location.pathname}?sku=${sku!.skuId}`;
      const done = await addToCart({ skuId: sku!.skuId, quantity }, then === 'cart' ? '/shop/cart' : here);
      if (done === 'sign-in') {
        message.info(t('store.signInToKeep'));
        navigate('/shop/me');
      } else if (then === 'cart') navigate('/shop/cart');
      else message.success(t('store.added'));
    } catch (e) {
      if (e instanceof ApiError) message.error(problemText(t, e.problem));
      else throw e;
    }
  };
  const values = (name: string) => [...new Set(product.skus.map((s) => s.options[name]))];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        cover={
          <ProductArt
            name={localName(product, i18n.language)}
            category={product.category}
            colour={colourOf(product.optionNames, sku?.options ?? product.skus[0]?.options ?? {})}
            image={product.images[0]}
            size={200}
          />
        }
        styles={{ body: { padding: 14 } }}
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="product-name">
          {localName(product, i18n.language)}
        </Typography.Title>
        {sku && (
          <Space align="baseline">
            <Typography.Text
              style={{ color: '#e4572e', fontSize: 24, fontWeight: 600 }}
              data-testid="product-price"
            >
              {formatFen(sku.sellingPrice)}
            </Typography.Text>
            {sku.listPrice > sku.sellingPrice && (
              <Typography.Text delete type="secondary">
                {formatFen(sku.listPrice)}
              </Typography.Text>
            )}
          </Space>
        )}
        {product.description && (
          <Typography.Paragraph type="secondary">{product.description}</Typography.Paragraph>
        )}
      </Card>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          {product.optionNames.map((name) => (
            <div key={name}>
              <Typography.Text type="secondary">
                {t(`store.option.${name}`, { defaultValue: name })}
              </Typography.Text>
              <div>
                <Segmented
                  options={values(name)}
                  value={chosen[name]}
                  onChange={(v) => setChosen({ ...chosen, [name]: String(v) })}
                />
              </div>
            </div>
          ))}
          <Space>
            <Typography.Text type="secondary">{t('store.quantity')}</Typography.Text>
            <InputNumber
              min={1}
              max={10}
              value={quantity}
              onChange={(v) => setQuantity(v ?? 1)}
              size="small"
            />
          </Space>
        </Space>
      </Card>
      {brandId && <TrustBadge brandId={brandId} at="product" />}
      <Card size="small" data-testid="delivery-promise">
        <AddressPicker compact />
        {!estimate && <Skeleton active paragraph={{ rows: 1 }} />}
        {estimate && !estimate.sellable && (
          <div style={{ marginTop: 6 }}>
            {sku?.launchAt ? (
              <LaunchNote at={sku.launchAt} skew={skew} onLaunched={reload} />
            ) : (
              <Typography.Text type="warning">
                {estimate.refusal === 'before_launch' ? t('store.notYet') : t('store.soldOut')}
              </Typography.Text>
            )}
          </div>
        )}
        {estimate?.hour && (
          <div style={{ marginTop: 6 }}>
            <Typography.Text strong style={{ color: '#e4572e' }}>
              <ClockCircleOutlined /> {t('store.hourPromise', { district: estimate.district })}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('store.hourDetail', {
                  minutes: estimate.hour.etaMinutes,
                  store: localNames(estimate.hour.from, estimate.hour.fromEn, i18n.language).join(' + '),
                })}
              </Typography.Text>
            </div>
          </div>
        )}
        {estimate?.hourGap && (
          <div style={{ marginTop: 6 }}>
            <Typography.Text type="secondary" data-testid="hour-gap">
              {t('store.modes.hour')}: {hourGapText(estimate.hourGap, i18n.language, t)}
            </Typography.Text>
          </div>
        )}
        {estimate && !estimate.hour && estimate.standard && (
          <div style={{ marginTop: 6 }}>
            <CarOutlined /> {t('store.standardPromise', { days: estimate.standard.days })}
          </div>
        )}
        {estimate?.sellable && !estimate.hour && !estimate.standard && (
          <Typography.Text type="danger">
            {t('store.noDelivery', { district: estimate.district })}
          </Typography.Text>
        )}
        {estimate?.pickup[0] && (
          <div>
            <Typography.Text type="secondary">
              <ShopOutlined />{' '}
              <span data-testid="pickup-estimate">
                {t('store.pickupNear', {
                  store: estimate.pickup[0].name,
                  km: (estimate.pickup[0].distanceM / 1000).toFixed(1),
                  when: soonText(estimate.pickup[0].readyAt, i18n.language, t),
                })}
              </span>
            </Typography.Text>
          </div>
        )}
      </Card>
      <Space.Compact block>
        <Button block size="large" disabled={!sku?.sellable} onClick={() => add('stay')}>
          {sku && !sku.sellable
            ? sku.refusal === 'before_launch'
              ? t('store.notYet')
              : t('store.soldOut')
            : t('store.addToCart')}
        </Button>
        <Button block size="large" type="primary" disabled={!sku?.sellable} onClick={() => add('cart')}>
          {t('store.buyNow')}
        </Button>
      </Space.Compact>
    </Space>
  );
}

/**
 * When a SKU not launched yet goes on sale, and within its last day a countdown (开售倒计时); at
 * the hour the page asks for the product again, and it can be bought.
 */
function LaunchNote({ at, skew, onLaunched }: { at: string; skew: number; onLaunched: () => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const left = new Date(at).getTime() - (now + skew);
  const launched = left <= 0;
  useEffect(() => {
    if (launched) onLaunched();
  }, [launched, onLaunched]);
  return (
    <Space direction="vertical" size={0} data-testid="launch-note">
      <Typography.Text type="warning" strong>
        {t('store.onSaleFrom', { when: soonText(at, i18n.language, t) })}
      </Typography.Text>
      {left > 0 && left < 86_400_000 && (
        <Typography.Text type="secondary" data-testid="launch-countdown">
          {t('store.launchIn', { time: clock(left) })}
        </Typography.Text>
      )}
    </Space>
  );
}
