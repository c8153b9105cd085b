import { useEffect, useState } from 'react';
import { api, type Page } from '../../../shared/api';

type ProductWithSkus = {
  id: string;
  name: string;
  skus?: Array<{ id: string; code: string; options: Record<string, string> }>;
};

/** Every SKU of the brand as select options ("product · options (code)"), loaded once `load` is true. */
export function useSkuOptions(load: boolean) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  useEffect(() => {
    if (!load) return;
    void (async () => {
      const products = await api<Page<ProductWithSkus>>('GET', '/api/catalog/products?limit=200');
      const full = await Promise.all(
        products.items.map((p) => api<ProductWithSkus>('GET', `/api/catalog/products/${p.id}`)),
      );
      setOptions(
        full.flatMap((p) =>
          (p.skus ?? []).map((s) => ({
            value: s.id,
            label: `${p.name} · ${Object.values(s.options).join(' / ')} (${s.code})`,
          })),
        ),
      );
    })();
  }, [load]);
  return options;
}
