import { Button, Card, Empty, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFen, localName } from '../shared/format';
import { useList } from '../shared/use-list';
import { useShop } from './state';

export type ShopProduct = {
  id: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  category: string;
  images: string[];
  flagship: boolean;
  optionNames: string[];
  fromPrice: number;
  sellable: boolean;
  skus: Array<{
    skuId: string;
    code: string;
    options: Record<string, string>;
    listPrice: number;
    sellingPrice: number;
    sellable: boolean;
    refusal: string | null;
  }>;
};

/** A tile for a product without a picture: the product's initials on its brand colour. */
export function ProductArt({ name, size = 120 }: { name: string; size?: number }) {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <div
      style={{
        height: size,
        background: `linear-gradient(135deg, hsl(${hue} 60% 88%), hsl(${(hue + 40) % 360} 60% 75%))`,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: size / 4,
        fontWeight: 600,
        color: `hsl(${hue} 40% 30%)`,
      }}
    >
      {name
        .replace(/[^A-Za-z0-9\u4e00-\u9fa5 ]/g, '')
        .split(' ')
        .slice(0, 2)
        .join(' ')}
    </div>
  );
}

export function ShopHome() {
  const { t, i18n } = useTranslation();
  const { shops, shopId, setShopId } = useShop();
  const [q, setQ] = useState('');
  // A page of products at a time, 20 to a page; the shopper asks for more at the bottom.
  const list = useList<ShopProduct>(
    shopId ? `/api/shop/shops/${shopId}/products?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}` : null,
  );
  const products = list.loading && list.items.length === 0 ? null : list.items;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          value={shopId ?? undefined}
          style={{ width: 150 }}
          onChange={setShopId}
          options={shops.map((s) => ({
            value: s.id,
            label: i18n.language === 'en' && s.brandNameEn ? s.brandNameEn : s.brandName,
          }))}
        />
        <Input.Search placeholder={t('store.searchPlaceholder')} allowClear onSearch={setQ} />
      </Space.Compact>
      {products?.length === 0 && <Empty />}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
        {(products ?? []).map((p) => (
          <Link
            key={p.id}
            to={`/shop/products/${p.id}?${new URLSearchParams(q ? { from: 'search', q } : { from: 'shop' })}`}
            data-testid="product-tile"
          >
            <Card
              size="small"
              cover={<ProductArt name={localName(p, i18n.language)} />}
              styles={{ body: { padding: 10 } }}
            >
              <Typography.Text strong ellipsis style={{ display: 'block' }}>
                {localName(p, i18n.language)}
              </Typography.Text>
              <Space size={4} wrap>
                <Typography.Text style={{ color: '#e4572e' }}>
                  {t('store.from', { price: formatFen(p.fromPrice) })}
                </Typography.Text>
                {!p.sellable && (
                  <Tag>
                    {p.skus.some((s) => s.refusal === 'before_launch')
                      ? t('store.notYet')
                      : t('store.soldOut')}
                  </Tag>
                )}
              </Space>
            </Card>
          </Link>
        ))}
      </div>
      {list.hasMore && (
        <Button block loading={list.loading} onClick={list.more} data-testid="more-products">
          {t('store.more')}
        </Button>
      )}
    </Space>
  );
}
