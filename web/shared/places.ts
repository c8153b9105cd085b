import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';

export type District = {
  province: string;
  provinceEn: string;
  city: string;
  cityEn: string;
  district: string;
  districtEn: string;
};

/** Place names in English, by their Chinese name: provinces, cities and districts. */
const english = new Map<string, string>();
let loading: Promise<District[]> | null = null;

/** The districts one-hour delivery knows, with the English names of every place (asked once a page load). */
export function districts(): Promise<District[]> {
  loading ??= api<{ items: District[]; provinces: Array<{ name: string; nameEn: string }> }>(
    'GET',
    '/api/shop/districts',
  ).then((r) => {
    for (const p of r.provinces) english.set(p.name, p.nameEn);
    for (const d of r.items) {
      english.set(d.city, d.cityEn);
      english.set(d.district, d.districtEn);
    }
    return r.items;
  });
  return loading;
}

/**
 * Names a place (北京, 朝阳区) in the UI's language: in English its English name once the names
 * have loaded (the component renders again then), else as it is written.
 */
export function usePlaceName(): (name: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const [, setLoaded] = useState(english.size > 0);
  useEffect(() => {
    if (english.size === 0) void districts().then(() => setLoaded(true));
  }, []);
  return (name) => (!name ? '' : i18n.language === 'en' ? (english.get(name) ?? name) : name);
}
