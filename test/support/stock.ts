import { ean } from './builders.js';
import type { TestClient } from './client.js';

let serial = 0;

/** An active product of `line` with `colours` SKUs, through the API; returns the product and SKU ids. */
export async function givenProduct(
  brand: TestClient,
  line: string,
  opts: { colours?: number; flagship?: boolean; name?: string } = {},
): Promise<{ id: string; skus: string[] }> {
  const n = ++serial;
  const colours = Array.from({ length: opts.colours ?? 1 }, (_, i) => `Colour ${i + 1}`);
  const res = await brand.post('/api/catalog/products', {
    name: opts.name ?? `${line} product ${n}`,
    category: 'phone',
    productLine: line,
    flagship: opts.flagship ?? false,
    optionNames: ['colour'],
    skus: colours.map((c, i) => ({
      code: `P${n}-${i}-${Date.now() % 100000}`,
      gtin: ean(50_000 + n * 20 + i),
      options: { colour: c },
    })),
  });
  if (res.statusCode !== 201) throw new Error(`product: ${res.statusCode} ${res.body}`);
  const p = res.json();
  await brand.post(`/api/catalog/products/${p.id}/status`, { status: 'active' });
  return { id: p.id, skus: p.skus.map((s: { id: string }) => s.id) };
}

export async function givenWarehouse(brand: TestClient, name = 'Langfang DC'): Promise<string> {
  const res = await brand.post('/api/inventory/locations', {
    kind: 'warehouse',
    name,
    province: '河北',
    city: '廊坊',
    lat: 39.52,
    lng: 116.7,
  });
  if (res.statusCode !== 201) throw new Error(`warehouse: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function givenStoreLocation(brand: TestClient, storeOrgId: string): Promise<string> {
  const res = await brand.post('/api/inventory/locations', { kind: 'store', storeOrgId });
  if (res.statusCode !== 201) throw new Error(`store location: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function receive(
  brand: TestClient,
  locationId: string,
  lines: Array<{ skuId: string; quantity: number }>,
) {
  const res = await brand.post('/api/inventory/receipts', { locationId, lines });
  if (res.statusCode !== 200) throw new Error(`receipt: ${res.statusCode} ${res.body}`);
}

/** Agreement drafted by the brand and accepted by the retailer. */
export async function givenAgreement(
  brand: TestClient,
  retailer: TestClient,
  retailerId: string,
  terms: Record<string, unknown> = {},
) {
  const a = (
    await brand.post('/api/agreements', {
      retailerId,
      level: 'nka',
      title: 'NKA',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      ...terms,
    })
  ).json();
  await brand.post(`/api/agreements/${a.id}/moves`, { move: 'propose' });
  const accepted = await retailer.post(`/api/agreements/${a.id}/moves`, { move: 'accept' });
  if (accepted.statusCode !== 200) throw new Error(`agreement: ${accepted.statusCode} ${accepted.body}`);
  return a.id as string;
}
