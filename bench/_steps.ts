import { withServer } from './support.js';
import { demoShop, ShopHttp } from '../test/support/shop-http.js';
import { signIn } from '../test/support/http.js';
await withServer(async ({ base }) => {
  const { channelId, skus } = await demoShop(base);
  const brand = await signIn(base, 'brand@oppo.demo');
  const locations = (await (await fetch(`${base}/api/inventory/locations?kind=warehouse`, { headers: brand })).json()) as any;
  for (const w of locations.items) await fetch(`${base}/api/inventory/receipts`, { method: 'POST', headers: brand, body: JSON.stringify({ locationId: w.id, lines: skus.slice(0, 8).map((s) => ({ skuId: s.skuId, quantity: 5000 })) }) });
  const http = new ShopHttp(base, 64);
  const email = `load-${Date.now()}@shop.test`;
  await fetch(`${base}/api/shop/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-1', name: 'L' }) });
  const h = await http.signInShopper(email, 'bench-password-1');
  const total = 3000;
  const run = async (name: string, f: (i: number) => Promise<number>) => {
    let next = 0; const t = performance.now(); const codes = new Map();
    await Promise.all(Array.from({ length: 64 }, async () => { while (next < total) { const i = next++; const s = await f(i); codes.set(s, (codes.get(s) ?? 0) + 1); } }));
    const ms = performance.now() - t;
    console.log(name.padEnd(12), Math.round(total / (ms / 1000)), 'req/s', (ms / total * 1000).toFixed(0), 'us/req', JSON.stringify([...codes]));
  };
  const carts: string[] = []; const orders: any[] = [];
  const address = { province: '北京', city: '北京', district: '朝阳区', lat: 39.9366, lng: 116.4472 };
  await run('cart', async (i) => { const r = await http.call('POST', '/api/shop/carts', h, { channelId }); carts[i] = r.json.id; return r.status; });
  await run('line', async (i) => (await http.call('POST', `/api/shop/carts/${carts[i]}/lines`, h, { skuId: skus[i % 8].skuId, quantity: 1 })).status);
  await run('delivery', async (i) => (await http.call('POST', `/api/shop/carts/${carts[i]}/delivery`, h, { mode: 'standard', address })).status);
  await run('place', async (i) => { const r = await http.call('POST', '/api/shop/orders', { ...h, 'idempotency-key': `k${i}` }, { cartId: carts[i] }); orders[i] = r.json; return r.status; });
  await run('notify', async (i) => http.notifyPaid(orders[i].payment, `sbn_${i}`));
  await http.close();
});
