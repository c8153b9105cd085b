import { EnvironmentOutlined } from '@ant-design/icons';
import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { type Address, useShop } from './state';

type District = { province: string; city: string; district: string };
type Option = { value: string; label: string; children?: Option[] };

/** Province → city → district, from the districts routing knows. */
export function AddressPicker({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { address, setAddress } = useShop();
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    void api<{ items: District[] }>('GET', '/api/shop/districts').then((r) => {
      const tree = new Map<string, Map<string, string[]>>();
      for (const d of r.items) {
        const cities = tree.get(d.province) ?? new Map<string, string[]>();
        cities.set(d.city, [...(cities.get(d.city) ?? []), d.district]);
        tree.set(d.province, cities);
      }
      setOptions(
        [...tree].map(([province, cities]) => ({
          value: province,
          label: province,
          children: [...cities].map(([city, districts]) => ({
            value: city,
            label: city,
            children: districts.map((d) => ({ value: d, label: d })),
          })),
        })),
      );
    });
  }, []);
  return (
    <Cascader
      data-testid="address-picker"
      options={options}
      value={[address.province, address.city, address.district]}
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
        // A new district: the old street and coordinates no longer apply.
        const next: Address = { province, city, district, name: address.name, phone: address.phone };
        setAddress(next);
      }}
      style={{ minWidth: compact ? 150 : '100%' }}
    />
  );
}
