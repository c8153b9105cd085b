import {
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Input,
  InputNumber,
  List,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, problemText } from '../../../shared/api';
import { formatFen, localName } from '../../../shared/format';
import { usePhone } from '../../Layout';

type Item = {
  skuId: string;
  code: string;
  name: string;
  nameEn: string | null;
  options: Record<string, string>;
  sellingPrice: number;
  available: number;
};
type Catalog = { brands: Array<{ id: string; name: string }>; items: Item[] };

/** The store's counter: ring up a brand's items from the shelf, scan the shopper's payment code. */
export function Pos() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const phone = usePhone();
  const [basketOpen, setBasketOpen] = useState(false);
  const [brandId, setBrandId] = useState<string | undefined>();
  const [catalog, setCatalog] = useState<Catalog>({ brands: [], items: [] });
  const [basket, setBasket] = useState<Record<string, number>>({});
  const [code, setCode] = useState('');
  const [receipt, setReceipt] = useState<{ id: string; total: number; status: string } | null>(null);
  const load = useCallback(async (brand?: string) => {
    const c = await api<Catalog>('GET', `/api/pos/catalog${brand ? `?brandId=${brand}` : ''}`);
    setCatalog(c);
    setBrandId((b) => b ?? c.brands[0]?.id);
  }, []);
  useEffect(() => {
    void load(brandId);
  }, [load, brandId]);
  const label = (i: Item) => `${localName(i, i18n.language)} · ${Object.values(i.options).join(' · ')}`;
  const lines = Object.entries(basket).filter(([, q]) => q > 0);
  const total = lines.reduce(
    (sum, [skuId, q]) => sum + (catalog.items.find((i) => i.skuId === skuId)?.sellingPrice ?? 0) * q,
    0,
  );
  const charge = async () => {
    try {
      const order = await api<{ id: string; total: number; status: string }>(
        'POST',
        '/api/pos/sales',
        { brandId, lines: lines.map(([skuId, quantity]) => ({ skuId, quantity })), authCode: code },
        { 'idempotency-key': crypto.randomUUID() },
      );
      setReceipt(order);
      setBasket({});
      setCode('');
      await load(brandId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // The provider's answers in the staff's words, with what it means for the sale.
      const known: Record<string, string> = {
        'payments.payment_refused': t('pos.declined'),
        'payments.auth_code_invalid': t('pos.codeNotTaken'),
      };
      const field = e.problem.errors?.find((f) => f.field === 'authCode');
      message.error(known[e.problem.code] ?? (field ? t('pos.codeInvalid') : problemText(t, e.problem)));
      await load(brandId);
    }
  };
  const shelf = (
    <Card
      title={t('pos.title')}
      extra={
        <Select
          style={{ width: phone ? 140 : 180 }}
          value={brandId}
          onChange={(b) => {
            setBrandId(b);
            setBasket({});
          }}
          options={catalog.brands.map((b) => ({ value: b.id, label: b.name }))}
        />
      }
    >
      <List
        grid={{ gutter: 8, xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }}
        dataSource={catalog.items}
        locale={{ emptyText: <Empty /> }}
        renderItem={(i) => (
          <List.Item>
            <Card
              size="small"
              hoverable
              data-testid="pos-item"
              onClick={() =>
                setBasket({ ...basket, [i.skuId]: Math.min(i.available, (basket[i.skuId] ?? 0) + 1) })
              }
            >
              <Typography.Text strong>{label(i)}</Typography.Text>
              <div>
                {formatFen(i.sellingPrice)} · {t('pos.onShelf', { n: i.available })}
                {basket[i.skuId] ? (
                  <Typography.Text type="success" strong style={{ float: 'right' }}>
                    × {basket[i.skuId]}
                  </Typography.Text>
                ) : null}
              </div>
            </Card>
          </List.Item>
        )}
      />
    </Card>
  );
  const sale = receipt ? (
    <Result
      status={receipt.status === 'completed' ? 'success' : 'info'}
      title={t(receipt.status === 'completed' ? 'pos.paid' : 'pos.waiting', {
        total: formatFen(receipt.total),
      })}
      subTitle={receipt.status === 'completed' ? receipt.id : `${t('pos.waitingHint')} ${receipt.id}`}
      extra={
        <Button
          onClick={() => {
            setReceipt(null);
            setBasketOpen(false);
          }}
        >
          {t('pos.next')}
        </Button>
      }
    />
  ) : (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        dataSource={lines}
        locale={{ emptyText: t('pos.empty') }}
        renderItem={([skuId, q]) => {
          const i = catalog.items.find((x) => x.skuId === skuId)!;
          return (
            <List.Item
              extra={
                <InputNumber
                  min={0}
                  max={i.available}
                  value={q}
                  size={phone ? 'middle' : 'small'}
                  onChange={(v) => setBasket({ ...basket, [skuId]: v ?? 0 })}
                />
              }
            >
              {label(i)}
            </List.Item>
          );
        }}
      />
      <Typography.Title level={3} style={{ textAlign: 'right', margin: 0 }}>
        {formatFen(total)}
      </Typography.Title>
      <Input
        placeholder={t('pos.scan')}
        inputMode="numeric"
        size="large"
        maxLength={18}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
      <Button
        type="primary"
        size="large"
        block
        disabled={lines.length === 0 || code.length !== 18}
        onClick={charge}
      >
        {t('pos.charge')}
      </Button>
    </Space>
  );
  if (phone) {
    // On a phone the shelf fills the screen; the sale waits in a bar at the bottom and opens as a sheet.
    const count = lines.reduce((n, [, q]) => n + q, 0);
    return (
      <>
        <div style={{ paddingBottom: 72 }}>{shelf}</div>
        <div
          data-testid="pos-bar"
          style={{
            position: 'fixed',
            left: 0,
            right: 0,
            bottom: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            padding: '10px 12px',
            background: '#fff',
            boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
          }}
        >
          <span>
            {t('pos.items', { count })} · <Typography.Text strong>{formatFen(total)}</Typography.Text>
          </span>
          <Button type="primary" size="large" disabled={count === 0} onClick={() => setBasketOpen(true)}>
            {t('pos.toCharge')}
          </Button>
        </div>
        <Drawer
          open={basketOpen || receipt !== null}
          placement="bottom"
          rootClassName="pos-sheet"
          height="auto"
          title={t('pos.basket')}
          onClose={() => {
            setBasketOpen(false);
            setReceipt(null);
          }}
          styles={{ body: { paddingBottom: 24 } }}
        >
          {sale}
        </Drawer>
      </>
    );
  }
  return (
    <Row gutter={16}>
      <Col span={14}>{shelf}</Col>
      <Col span={10}>
        <Card title={t('pos.basket')}>{sale}</Card>
      </Col>
    </Row>
  );
}
