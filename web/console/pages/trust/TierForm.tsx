import { Divider, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryNames } from '../../../../src/modules/catalog/domain/categories.js';
import { api } from '../../../shared/api';
import { FormModal } from '../../../shared/FormModal';
import type { Rights } from '../../../shared/trust';

export type Qualification = {
  minDepositFen: number;
  minScore: number | null;
  maxDisputeRateBp: number | null;
};
export type Tier = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  rank: number;
  rights: Rights;
  qualification: Qualification;
  active: boolean;
  shops: number;
  updatedAt: string;
};

const yuan = (fen: number) => fen / 100;
const fen = (y: number) => Math.round(y * 100);

/** What the form edits: each right switched on or off with its figures in yuan and percent. */
type Values = {
  code?: string;
  name: string;
  nameEn: string;
  rank: number;
  active: boolean;
  on: Record<keyof Rights, boolean>;
  days: number;
  excluded: string[];
  shippingCap: number;
  withoutReturnMax: number;
  multiple: number;
  fastMax: number;
  lateMode: 'fixed' | 'share';
  lateAmount: number;
  lateShare: number;
  minDeposit: number;
  minScore: number | null;
  maxDispute: number | null;
};

function valuesOf(t: Tier | null): Partial<Values> {
  const r = t?.rights;
  const late = r?.lateDelivery;
  return {
    code: t?.code,
    name: t?.name,
    nameEn: t?.nameEn,
    rank: t?.rank,
    active: t?.active ?? true,
    on: {
      noReasonReturn: r ? r.noReasonReturn !== null : true,
      returnShipping: !!r?.returnShipping,
      refundWithoutReturn: !!r?.refundWithoutReturn,
      fakeOnePayTen: !!r?.fakeOnePayTen,
      fastRefund: !!r?.fastRefund,
      lateDelivery: !!late,
    },
    days: r?.noReasonReturn?.days ?? 7,
    excluded: r?.noReasonReturn?.excludedCategories ?? [],
    shippingCap: yuan(r?.returnShipping?.capFen ?? 1_200),
    withoutReturnMax: yuan(r?.refundWithoutReturn?.maxOrderFen ?? 10_000),
    multiple: r?.fakeOnePayTen?.multiple ?? 10,
    fastMax: yuan(r?.fastRefund?.maxFen ?? 20_000),
    lateMode: late && 'feeShareBp' in late ? 'share' : 'fixed',
    lateAmount: yuan(late && 'fixedFen' in late ? late.fixedFen : 1_000),
    lateShare: late && 'feeShareBp' in late ? late.feeShareBp / 100 : 50,
    minDeposit: yuan(t?.qualification.minDepositFen ?? 0),
    minScore: t?.qualification.minScore ?? null,
    maxDispute: t?.qualification.maxDisputeRateBp == null ? null : t.qualification.maxDisputeRateBp / 100,
  };
}

function bodyOf(v: Values) {
  const rights: Rights = {
    noReasonReturn: v.on.noReasonReturn ? { days: v.days, excludedCategories: v.excluded ?? [] } : null,
    returnShipping: v.on.returnShipping ? { capFen: fen(v.shippingCap) } : null,
    refundWithoutReturn: v.on.refundWithoutReturn ? { maxOrderFen: fen(v.withoutReturnMax) } : null,
    fakeOnePayTen: v.on.fakeOnePayTen ? { multiple: v.multiple } : null,
    fastRefund: v.on.fastRefund ? { maxFen: fen(v.fastMax) } : null,
    lateDelivery: v.on.lateDelivery
      ? v.lateMode === 'share'
        ? { feeShareBp: Math.round(v.lateShare * 100) }
        : { fixedFen: fen(v.lateAmount) }
      : null,
  };
  return {
    ...(v.code ? { code: v.code } : {}),
    name: v.name,
    nameEn: v.nameEn,
    rank: v.rank,
    active: v.active,
    rights,
    qualification: {
      minDepositFen: fen(v.minDeposit ?? 0),
      minScore: v.minScore ?? null,
      maxDisputeRateBp: v.maxDispute == null ? null : Math.round(v.maxDispute * 100),
    },
  };
}

/** One right: a switch, and its figures once it is on. */
function RightItem(props: { right: keyof Rights; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 8 }}>
      <Space wrap align="center">
        <Form.Item name={['on', props.right]} valuePropName="checked" noStyle>
          <Switch size="small" data-testid={`right-${props.right}`} />
        </Form.Item>
        <Typography.Text strong>{t(`rights.name.${props.right}`)}</Typography.Text>
      </Space>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue(['on', props.right]) && props.children ? (
            <div style={{ paddingLeft: 36, paddingTop: 6 }}>{props.children}</div>
          ) : null
        }
      </Form.Item>
    </div>
  );
}

/** The operator's dialog for a tier: names, rank, each right with its figures, and what a shop needs. */
export function TierForm(props: {
  tier: Tier | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const categories = categoryNames(i18n.language === 'en' ? 'en' : 'zh-CN');
  const editing = props.tier !== null;
  return (
    <FormModal<Values>
      open={props.open}
      title={t(editing ? 'trust.edit' : 'trust.create')}
      okText={t(editing ? 'trust.save' : 'common.create')}
      initialValues={valuesOf(props.tier)}
      onClose={props.onClose}
      submit={async (v) => {
        const body = bodyOf(v);
        if (editing) await api('PATCH', `/api/trust/tiers/${props.tier!.id}`, body);
        else await api('POST', '/api/trust/tiers', body);
        props.onSaved();
      }}
    >
      {!editing && (
        <Form.Item name="code" label={t('trust.code')} rules={[{ required: true }]}>
          <Input placeholder="gold" />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="name" label={t('trust.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('trust.nameEn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item
          name="rank"
          label={t('trust.rank')}
          tooltip={t('trust.rankHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('trust.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Divider titlePlacement="start" plain>
        {t('trust.give')}
      </Divider>
      <RightItem right="noReasonReturn">
        <Space wrap>
          <Form.Item name="days" label={t('trust.days')}>
            <InputNumber min={7} max={90} precision={0} />
          </Form.Item>
          <Form.Item name="excluded" label={t('trust.excluded')}>
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              options={Object.entries(categories).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Space>
      </RightItem>
      <RightItem right="returnShipping">
        <Form.Item name="shippingCap" label={t('trust.cap')}>
          <InputNumber min={0} max={1000} precision={2} />
        </Form.Item>
      </RightItem>
      <RightItem right="refundWithoutReturn">
        <Form.Item name="withoutReturnMax" label={t('trust.maxOrder')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </RightItem>
      <RightItem right="fakeOnePayTen">
        <Form.Item name="multiple" label={t('trust.multiple')}>
          <InputNumber min={1} max={10} precision={0} />
        </Form.Item>
      </RightItem>
      <RightItem right="fastRefund">
        <Form.Item name="fastMax" label={t('trust.maxClaim')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
      </RightItem>
      <RightItem right="lateDelivery">
        <Form.Item name="lateMode" label={t('trust.lateMode')}>
          <Radio.Group
            options={(['fixed', 'share'] as const).map((m) => ({
              value: m,
              label: t(`trust.lateModes.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            getFieldValue('lateMode') === 'share' ? (
              <Form.Item name="lateShare" label={t('trust.lateShare')}>
                <InputNumber min={0.01} max={100} precision={2} />
              </Form.Item>
            ) : (
              <Form.Item name="lateAmount" label={t('trust.lateAmount')}>
                <InputNumber min={0} max={1000} precision={2} />
              </Form.Item>
            )
          }
        </Form.Item>
      </RightItem>
      <Divider titlePlacement="start" plain>
        {t('trust.asks')}
      </Divider>
      <Space wrap>
        <Form.Item name="minDeposit" label={t('trust.minDeposit')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="minScore" label={t('trust.minScore')} tooltip={t('trust.noRule')}>
          <InputNumber min={0} max={5} step={0.1} precision={2} />
        </Form.Item>
        <Form.Item name="maxDispute" label={t('trust.maxDispute')} tooltip={t('trust.noRule')}>
          <InputNumber min={0} max={100} precision={2} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
