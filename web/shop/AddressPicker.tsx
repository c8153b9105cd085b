import { EnvironmentOutlined } from '@ant-design/icons';
import { Cascader } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type District, districts, usePlaceName } from '../shared/places';
import { type Address, useShop } from './state';

type Option = { value: string; label: string; children?: Option[] };
export type Place = Pick<Address, 'province' | 'city' | 'district'>;

/** Province → city → district, from the districts routing knows, named in the UI's language. */
function districtOptions(items: District[], name: (zh: string) => string): Option[] {
  const tree = new Map<string, Map<string, string[]>>();
  for (const d of items) {
    const cities = tree.get(d.province) ?? new Map<string, string[]>();
    cities.set(d.city, [...(cities.get(d.city) ?? []), d.district]);
    tree.set(d.province, cities);
  }
  return [...tree].map(([province, cities]) => ({
    value: province,
    label: name(province),
    children: [...cities].map(([city, ds]) => ({
      value: city,
      label: name(city),
      children: ds.map((d) => ({ value: d, label: name(d) })),
    })),
  }));
}

/** A district chooser: province, city and district in one control. */
export function DistrictPicker({
  value,
  onChange,
  compact,
  defaultOpen = false,
  testId = 'district-picker',
}: {
  value?: Place;
  onChange?: (p: Place) => void;
  compact?: boolean;
  /** Open on arrival: the header's chooser, loaded when the shopper tapped the address. */
  defaultOpen?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const { t, i18n } = useTranslation();
  const name = usePlaceName();
  const [items, setItems] = useState<District[]>([]);
  useEffect(() => {
    void districts().then(setItems);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names change with the language
  const options = useMemo(() => districtOptions(items, name), [items, i18n.language]);
  return (
    <Cascader
      data-testid={testId}
      options={options}
      value={value ? [value.province, value.city, value.district] : undefined}
      allowClear={false}
      open={open}
      onOpenChange={setOpen}
      size={compact ? 'small' : 'middle'}
      variant={compact ? 'borderless' : 'outlined'}
      prefix={<EnvironmentOutlined />}
      classNames={{ popup: { root: 'fw-cascader' } }}
      // Below the field, slid sideways as far as it takes to stay on the screen (a phone's).
      placement="bottomLeft"
      builtinPlacements={{
        bottomLeft: { points: ['tl', 'bl'], offset: [0, 4], overflow: { adjustY: true, shiftX: true } },
      }}
      placeholder={t('store.chooseAddress')}
      displayRender={(labels) =>
        compact
          ? `${t('store.deliverTo')} ${labels.slice(1).join(i18n.language === 'en' ? ', ' : '')}`
          : labels.join(' / ')
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
export function AddressPicker({ compact, defaultOpen }: { compact?: boolean; defaultOpen?: boolean }) {
  const { address, setAddress } = useShop();
  return (
    <DistrictPicker
      testId="address-picker"
      compact={compact}
      defaultOpen={defaultOpen}
      value={address}
      // A new district: the old street and coordinates no longer apply.
      onChange={(p) => setAddress({ ...p, name: address.name, phone: address.phone })}
    />
  );
}
