import { EnvironmentOutlined } from '@ant-design/icons';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { type Address, useShop } from './state';

type District = { province: string; city: string; district: string };
type Option = { value: string; label: string; children?: Option[] };
export type Place = Pick<Address, 'province' | 'city' | 'district'>;

let districts: Promise<Option[]> | null = null;
/** Province → city → district, from the districts routing knows (asked once a page load). */
function districtOptions(): Promise<Option[]> {
  districts ??= api<{ items: District[] }>('GET', '/api/shop/districts').then((r) => {
    const tree = new Map<string, Map<string, string[]>>();
    for (const d of r.items) {
      const cities = tree.get(d.province) ?? new Map<string, string[]>();
      cities.set(d.city, [...(cities.get(d.city) ?? []), d.district]);
      tree.set(d.province, cities);
    }
    return [...tree].map(([province, cities]) => ({
      value: province,
      label: province,
      children: [...cities].map(([city, ds]) => ({
        value: city,
        label: city,
        children: ds.map((d) => ({ value: d, label: d })),
      })),
    }));
  });
  return districts;
}

/** A district chooser: province, city and district in one control. */
export function DistrictPicker({
  value,
  onChange,
  compact,
  testId = 'district-picker',
}: {
  value?: Place;
  onChange?: (p: Place) => void;
  compact?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void districtOptions().then(setOptions);
  }, []);
  return (
    <Cascader
      data-testid={testId}
      options={options}
      value={value ? [value.province, value.city, value.district] : undefined}
      allowClear={false}
      size={compact ? 'small' : 'middle'}
      variant={compact ? 'borderless' : 'outlined'}
      prefix={<EnvironmentOutlined />}
      placeholder={t('store.chooseAddress')}
      displayRender={(labels) =>
        compact ? `${t('store.deliverTo')} ${labels.slice(1).join('')}` : labels.join(' / ')
      }
      onChange={(v) => {
        const [province, city, district] = v as string[];
        onChange?.({ province, city, district });
      }}
      style={{ minWidth: compact ? 150 : '100%' }}
    />
  );
}

/** Where the shopper is shopping for: the district the promises are quoted to. */
export function AddressPicker({ compact }: { compact?: boolean }) {
  const { address, setAddress } = useShop();
  return (
    <DistrictPicker
      testId="address-picker"
      compact={compact}
      value={address}
      // A new district: the old street and coordinates no longer apply.
      onChange={(p) => setAddress({ ...p, name: address.name, phone: address.phone })}
    />
  );
}
