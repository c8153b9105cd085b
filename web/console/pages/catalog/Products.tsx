import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, allPages, api, problemText } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import { formatTime, localName } from '../../../shared/format';
import { useList } from '../../../shared/use-list';
import { useMe } from '../../Layout';
import { ImportCatalog } from './ImportCatalog';

type Sku = {
  id: string;
  code: string;
  gtin: string | null;
  images: string[];
  options: Record<string, string>;
  status: string;
  exclusiveChannelId: string | null;
};
type Product = {
  id: string;
  name: string;
  nameEn: string | null;
  category: string;
  productLine: string;
  optionNames: string[];
  description: string | null;
  images: string[];
  flagship: boolean;
  status: 'draft' | 'active' | 'discontinued';
  updatedAt: string;
  skus?: Sku[];
};

/** What a product is called and where it sits: the same fields when it is made and changed. */
function ProductFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('catalog.nameEn')}>
        <Input maxLength={120} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="productLine" label={t('catalog.productLine')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="category" label={t('catalog.category')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="flagship" label={t('catalog.flagship')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </>
  );
}

/** Image addresses, one a line, as the API keeps them (a list of http(s) URLs). */
const imageLines = (images: string[] | undefined) => (images ?? []).join('\n');
const linesToImages = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function ImagesField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="images" label={t('catalog.images')} extra={t('catalog.imagesHint')}>
      <Input.TextArea rows={3} />
    </Form.Item>
  );
}

const statusColor = { draft: 'default', active: 'green', discontinued: 'red' } as const;
/** The moves the API allows from each status (its transition table). */
const nextStatuses: Record<Product['status'], Product['status'][]> = {
  draft: ['active', 'discontinued'],
  active: ['discontinued'],
  discontinued: ['active'],
};

function ProductDetail({
  id,
  canWrite,
  onChanged,
}: {
  id: string;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [product, setProduct] = useState<Product | null>(null);
  const [channels, setChannels] = useState<Array<{ id: string; name: string }>>([]);
  const load = () => void api<Product>('GET', `/api/catalog/products/${id}`).then(setProduct);
  const [editing, setEditing] = useState<'product' | Sku | null>(null);
  useEffect(load, [id]);
  useEffect(() => void allPages<{ id: string; name: string }>('/api/channels').then(setChannels), []);
  if (!product) return null;
  return (
    <>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label={t('catalog.productLine')}>{product.productLine}</Descriptions.Item>
        <Descriptions.Item label={t('catalog.category')}>
          {t(`catalog.categories.${product.category}`, { defaultValue: product.category })}
        </Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          <Tag color={statusColor[product.status]}>{t(`catalog.status.${product.status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.flagship')}>{product.flagship ? '✓' : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.updated')} span={2}>
          {formatTime(product.updatedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      {canWrite && (
        <Space style={{ margin: '16px 0' }} wrap>
          <Button onClick={() => setEditing('product')} data-testid="edit-product">
            {t('catalog.edit')}
          </Button>
          {nextStatuses[product.status].map((to) => (
            <Button
              key={to}
              type={to === 'active' ? 'primary' : 'default'}
              danger={to === 'discontinued'}
              data-testid={`status-${to}`}
              onClick={async () => {
                await api('POST', `/api/catalog/products/${product.id}/status`, { status: to });
                load();
                onChanged();
              }}
            >
              {t(`catalog.to.${to}`)}
            </Button>
          ))}
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={product.skus}
        columns={[
          { title: t('catalog.skuCode'), dataIndex: 'code', render: (c) => <code>{c}</code> },
          ...product.optionNames.map((name) => ({
            title: t(`store.option.${name}`, { defaultValue: name }),
            render: (_: unknown, s: Sku) => s.options[name],
          })),
          { title: 'GTIN', dataIndex: 'gtin', render: (g) => g ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s) => <Tag>{t(`catalog.status.${s}`)}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  render: (_: unknown, s: Sku) => (
                    <Button size="small" onClick={() => setEditing(s)} data-testid="edit-sku">
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
          {
            title: t('channels.exclusive'),
            render: (_: unknown, s: Sku) =>
              canWrite ? (
                <Select
                  size="small"
                  style={{ width: 200 }}
                  value={s.exclusiveChannelId ?? ''}
                  options={[
                    { value: '', label: t('channels.none') },
                    ...channels.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  onChange={async (channelId) => {
                    try {
                      await api('POST', `/api/catalog/skus/${s.id}/exclusive`, {
                        channelId: channelId || null,
                      });
                    } catch (e) {
                      if (e instanceof ApiError) message.error(problemText(t, e.problem));
                      else throw e;
                    }
                    load();
                  }}
                />
              ) : (
                (channels.find((c) => c.id === s.exclusiveChannelId)?.name ?? '—')
              ),
          },
        ]}
      />
      <FormModal<Record<string, any>>
        key={editing === 'product' ? 'product' : 'sku'}
        open={editing === 'product'}
        title={`${t('catalog.edit')} · ${product.name}`}
        okText={t('common.save')}
        initialValues={{
          ...product,
          description: product.description ?? '',
          images: imageLines(product.images),
        }}
        onClose={() => setEditing(null)}
        submit={async (v) => {
          await api('PATCH', `/api/catalog/products/${product.id}`, {
            name: v.name,
            ...(v.nameEn ? { nameEn: v.nameEn } : {}),
            ...(v.description ? { description: v.description } : {}),
            productLine: v.productLine,
            category: v.category,
            flagship: !!v.flagship,
            images: linesToImages(v.images),
          });
          load();
          onChanged();
        }}
      >
        <ProductFields />
        <Form.Item name="description" label={t('catalog.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <ImagesField />
      </FormModal>
      {editing && editing !== 'product' && (
        <FormModal<Record<string, any>>
          key={editing.id}
          open
          title={`${t('common.edit')} · ${editing.code}`}
          okText={t('common.save')}
          initialValues={{
            gtin: editing.gtin ?? '',
            images: imageLines(editing.images),
            status: editing.status,
          }}
          onClose={() => setEditing(null)}
          submit={async (v) => {
            await api('PATCH', `/api/catalog/skus/${editing.id}`, {
              ...(v.gtin ? { gtin: v.gtin } : {}),
              images: linesToImages(v.images),
              status: v.status,
            });
            load();
          }}
        >
          <Form.Item name="gtin" label="GTIN">
            <Input maxLength={14} inputMode="numeric" />
          </Form.Item>
          <ImagesField />
          <Form.Item name="status" label={t('common.status')}>
            <Select
              options={(['active', 'discontinued'] as const).map((s) => ({
                value: s,
                label: t(`catalog.status.${s}`),
              }))}
            />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

export function Products() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const list = useList<Product>(
    `/api/catalog/products?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}${status ? `&status=${status}` : ''}`,
  );
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<Product | null>(null);
  const canWrite = me.org?.kind === 'brand' && me.role !== 'viewer';
  const name = (p: Product) => localName(p, i18n.language);

  return (
    <Card
      title={t('menu.products')}
      extra={
        <Space>
          <Select
            allowClear
            placeholder={t('common.status')}
            style={{ width: 130 }}
            value={status}
            onChange={setStatus}
            options={(['draft', 'active', 'discontinued'] as const).map((s) => ({
              value: s,
              label: t(`catalog.status.${s}`),
            }))}
          />
          <Input.Search allowClear placeholder={t('catalog.search')} onSearch={setQ} style={{ width: 260 }} />
          <Button href={`/api/catalog/export${status ? `?status=${status}` : ''}`} data-testid="export">
            {t('catalog.export')}
          </Button>
          {canWrite && (
            <Button onClick={() => setImporting(true)} data-testid="import">
              {t('catalog.import.button')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('catalog.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        onRow={(p) => ({ onClick: () => setSelected(p), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('common.name'),
            render: (_, p) =>
              p.flagship ? (
                <Space>
                  {name(p)}
                  <Tag color="gold">{t('catalog.flagship')}</Tag>
                </Space>
              ) : (
                name(p)
              ),
          },
          { title: t('catalog.productLine'), dataIndex: 'productLine' },
          {
            title: t('catalog.category'),
            dataIndex: 'category',
            render: (c: string) => t(`catalog.categories.${c}`, { defaultValue: c }),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Product['status']) => <Tag color={statusColor[s]}>{t(`catalog.status.${s}`)}</Tag>,
          },
          { title: t('common.updated'), dataIndex: 'updatedAt', render: (v) => formatTime(v, i18n.language) },
        ]}
      />
      {list.hasMore && (
        <Button onClick={list.more} style={{ marginTop: 12 }}>
          {t('common.more')}
        </Button>
      )}
      <Drawer
        width={880}
        open={!!selected}
        title={selected ? name(selected) : ''}
        onClose={() => setSelected(null)}
        destroyOnHidden
      >
        {selected && <ProductDetail id={selected.id} canWrite={canWrite} onChanged={list.reload} />}
      </Drawer>
      <ImportCatalog open={importing} onClose={() => setImporting(false)} onImported={list.reload} />
      <FormModal
        open={open}
        title={t('catalog.create')}
        initialValues={{ optionNames: 'colour', skus: [{}] }}
        onClose={() => setOpen(false)}
        submit={async (v: Record<string, any>) => {
          const optionNames = String(v.optionNames ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          const skus = (v.skus ?? []).map((s: Record<string, string>) => ({
            code: s.code,
            ...(s.gtin ? { gtin: s.gtin } : {}),
            options: Object.fromEntries(
              String(s.options ?? '')
                .split(',')
                .map((x, i) => [optionNames[i], x.trim()])
                .filter(([k, x]) => k && x),
            ),
          }));
          await api(
            'POST',
            '/api/catalog/products',
            {
              name: v.name,
              nameEn: v.nameEn || undefined,
              category: v.category,
              productLine: v.productLine,
              flagship: !!v.flagship,
              optionNames,
              skus,
            },
            { 'idempotency-key': crypto.randomUUID() },
          );
          list.reload();
        }}
      >
        <ProductFields />
        <Form.Item name="optionNames" label={t('catalog.optionNames')} extra={t('catalog.optionNamesHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.List name="skus">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'code']}
                    rules={[{ required: true }]}
                    messageVariables={{ label: t('catalog.skuCode') }}
                  >
                    <Input placeholder={t('catalog.skuCode')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'options']}>
                    <Input placeholder={t('catalog.optionValues')} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'gtin']}>
                    <Input placeholder="GTIN / EAN" style={{ width: 150 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                {t('catalog.addSku')}
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
