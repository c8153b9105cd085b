import {
  CarOutlined,
  CheckCircleOutlined,
  InboxOutlined,
  PlusOutlined,
  RollbackOutlined,
  SmileOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  List,
  Popconfirm,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, fieldText, problemText } from '../shared/api';
import { FormModal } from '../shared/FormModal';
import { usePlaceName } from '../shared/places';
import { DistrictPicker, type Place } from './AddressPicker';
import { type SavedAddress, type Stage, stages, toAddress, useShop } from './state';

type Mode = 'signIn' | 'register';

const stageIcons: Record<Stage, ReactNode> = {
  toPay: <WalletOutlined />,
  toShip: <InboxOutlined />,
  toReceive: <CarOutlined />,
  done: <CheckCircleOutlined />,
  refunds: <RollbackOutlined />,
};

/** The account page (me): signed out, sign-in or registration; signed in, the orders by stage and the address book. */
export function MePage() {
  const { me } = useShop();
  if (me === undefined) return null;
  return me ? <Account /> : <SignIn />;
}

function SignIn() {
  const { t } = useTranslation();
  const { refreshMe } = useShop();
  const [mode, setMode] = useState<Mode>('signIn');
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      if (mode === 'register')
        await api('POST', '/api/shop/auth/register', v, { 'idempotency-key': crypto.randomUUID() });
      else await api('POST', '/api/shop/auth/login', { email: v.email, password: v.password });
      await refreshMe();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(
        (e.problem.errors ?? []).map((f) => ({ name: f.field, errors: [fieldText(t, e.problem, f)] })),
      );
      setError(problemText(t, e.problem));
    }
  };
  return (
    <Card title={t('shop.guest')}>
      <Segmented<Mode>
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'signIn', label: t('shop.signIn') },
          { value: 'register', label: t('shop.register') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        {mode === 'register' && (
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
            <Input maxLength={80} />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, min: mode === 'register' ? 8 : 1 }]}
        >
          <Input.Password autoComplete={mode === 'register' ? 'new-password' : 'current-password'} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t(mode === 'register' ? 'shop.register' : 'shop.signIn')}
        </Button>
      </Form>
    </Card>
  );
}

function Account() {
  const { t } = useTranslation();
  const { me, refreshMe } = useShop();
  const [counts, setCounts] = useState<Record<Stage, number> | null>(null);
  useEffect(() => {
    void api<Record<Stage, number>>('GET', '/api/shop/orders/stages').then(setCounts);
  }, []);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <SmileOutlined style={{ color: '#e4572e', fontSize: 32 }} />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="hello">
              {t('shop.hello', { name: me?.shopper?.name })}
            </Typography.Title>
            <Typography.Text type="secondary" ellipsis>
              {me?.shopper?.email}
            </Typography.Text>
          </div>
          <Button
            size="small"
            onClick={async () => {
              await api('POST', '/api/auth/logout');
              await refreshMe();
            }}
          >
            {t('app.logout')}
          </Button>
        </div>
      </Card>
      <Card
        size="small"
        title={t('shop.myOrders')}
        extra={
          <Space>
            <Link to="/shop/claims" data-testid="my-claims">
              {t('claims.mine')}
            </Link>
            <Link to="/shop/orders">{t('shop.allOrders')}</Link>
          </Space>
        }
      >
        <div style={{ display: 'flex', justifyContent: 'space-between' }}>
          {stages.map((s) => (
            <Link
              key={s}
              to={`/shop/orders?stage=${s}`}
              data-stage={s}
              style={{ textAlign: 'center', color: '#333', flex: 1, fontSize: 12 }}
            >
              {/* A flex box, so that an icon with a count sits level with those without. */}
              <div style={{ height: 30, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                <Badge count={s === 'done' ? 0 : (counts?.[s] ?? 0)} size="small" color="#e4572e">
                  <span style={{ fontSize: 22, display: 'block', lineHeight: 1 }}>{stageIcons[s]}</span>
                </Badge>
              </div>
              <div>{t(`shop.stages.${s}`)}</div>
            </Link>
          ))}
        </div>
      </Card>
      <AddressBook />
    </Space>
  );
}

type AddressForm = Omit<SavedAddress, 'id' | 'lat' | 'lng' | 'province' | 'city' | 'district'> & {
  place: Place;
};

/** The address book: the addresses kept on the server, the default first; each can be changed or removed. */
function AddressBook() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { addresses, reloadAddresses, address, setAddress } = useShop();
  const place = usePlaceName();
  const [editing, setEditing] = useState<SavedAddress | 'new' | null>(null);
  const save = async ({ place, name, phone, line, isDefault }: AddressForm) => {
    const body = { name, phone, line, ...place };
    const before = editing === 'new' ? null : editing;
    const saved =
      editing === 'new'
        ? await api<SavedAddress>('POST', '/api/shop/addresses', { ...body, isDefault: !!isDefault })
        : await api<SavedAddress>('PATCH', `/api/shop/addresses/${(editing as SavedAddress).id}`, {
            ...body,
            isDefault: isDefault || undefined,
          });
    await reloadAddresses();
    // The cart delivering to the address as it was now delivers to it as it is.
    const wasChosen =
      before &&
      before.district === address.district &&
      before.line === address.line &&
      before.name === address.name &&
      before.phone === address.phone;
    if (wasChosen || (saved.isDefault && !address.line)) setAddress(toAddress(saved));
    message.success(t('shop.addressSaved'));
  };
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      await reloadAddresses();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      message.error(problemText(t, e.problem));
    }
  };
  return (
    <Card
      size="small"
      title={t('shop.addresses')}
      extra={
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="add-address"
        >
          {t('shop.addAddress')}
        </Button>
      }
    >
      <List
        locale={{ emptyText: t('shop.noAddresses') }}
        dataSource={addresses}
        renderItem={(a) => (
          <List.Item data-testid="saved-address" style={{ display: 'block' }}>
            <List.Item.Meta
              title={
                <Space size={6} wrap>
                  <span>{a.name}</span>
                  <Typography.Text type="secondary">{a.phone}</Typography.Text>
                  {a.isDefault && <Tag color="volcano">{t('shop.defaultAddress')}</Tag>}
                </Space>
              }
              description={`${place(a.province)} ${place(a.city)} ${place(a.district)} ${a.line}`}
            />
            <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 4 }}>
              {!a.isDefault && (
                <Button
                  type="link"
                  size="small"
                  data-testid="make-default"
                  onClick={() => act(() => api('PATCH', `/api/shop/addresses/${a.id}`, { isDefault: true }))}
                >
                  {t('shop.makeDefault')}
                </Button>
              )}
              <Button type="link" size="small" onClick={() => setEditing(a)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('shop.removeAddress')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => api('DELETE', `/api/shop/addresses/${a.id}`))}
              >
                <Button type="link" size="small" danger data-testid="remove-address">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </div>
          </List.Item>
        )}
      />
      <FormModal<AddressForm>
        key={editing === 'new' ? 'new' : editing?.id}
        open={editing !== null}
        title={t(editing === 'new' ? 'shop.addAddress' : 'shop.editAddress')}
        okText={t('common.save')}
        initialValues={
          editing && editing !== 'new'
            ? {
                name: editing.name,
                phone: editing.phone,
                line: editing.line,
                place: { province: editing.province, city: editing.city, district: editing.district },
              }
            : { place: { province: address.province, city: address.city, district: address.district } }
        }
        onClose={() => setEditing(null)}
        submit={save}
      >
        <Form.Item name="name" label={t('store.recipient')} rules={[{ required: true, max: 60 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('store.phone')}
          rules={[{ required: true, pattern: /^[0-9+ -]{5,20}$/, message: t('shop.phoneInvalid') }]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="place" label={t('shop.district')} rules={[{ required: true }]}>
          <DistrictPicker />
        </Form.Item>
        <Form.Item name="line" label={t('store.line')} rules={[{ required: true, max: 200 }]}>
          <Input autoComplete="street-address" />
        </Form.Item>
        {(editing === 'new' || (editing && !editing.isDefault)) && (
          <Form.Item name="isDefault" valuePropName="checked">
            <Checkbox>{t('shop.makeDefault')}</Checkbox>
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
