import {
  callDueProviders,
  type NoticeSender,
  providerFor,
  sendSandboxNotices,
} from '../../src/modules/payments/index.js';
import { givenMember, givenOrg, givenShopper } from './builders.js';
import type { TestClient } from './client.js';
import type { TestFlywheel } from './harness.js';
import { givenAgreement, givenProduct, givenStoreLocation, givenWarehouse, receive } from './stock.js';

/** Where the test shoppers live and the stores stand (real Beijing coordinates). */
export const places = {
  sanlitun: { lat: 39.9334, lng: 116.4553 },
  guomao: { lat: 39.9087, lng: 116.4605 },
  zhongguancun: { lat: 39.9837, lng: 116.3164 },
  /** A shopper's flat near Sanlitun. */
  home: { lat: 39.9366, lng: 116.4472 },
};

export const homeAddress = {
  province: '北京',
  city: '北京',
  district: '朝阳区',
  line: '工体北路 8 号',
  ...places.home,
  name: '王小明',
  phone: '13800000000',
};

export type Shop = {
  brand: TestClient & { email: string };
  retailer: TestClient & { email: string };
  retailerId: string;
  channelId: string;
  skus: string[];
  price: number;
  stores: Record<'sanlitun' | 'guomao' | 'zhongguancun', { orgId: string; locationId: string }>;
  warehouse: string;
};

/**
 * A brand selling online with three partner stores in Beijing under an agreement, a warehouse
 * in Hebei, one active product of two SKUs listed at ¥2,999 and `stock` units everywhere.
 */
export async function givenShop(
  fw: TestFlywheel,
  opts: { stock?: number; storeStock?: number; settlement?: { model: string; rateBp: number } } = {},
): Promise<Shop> {
  const brand = await givenMember(fw, await givenOrg(fw, 'brand', { name: 'OPPO' }), 'admin');
  const retailerId = await givenOrg(fw, 'retailer', { name: 'JD Home' });
  const retailer = await givenMember(fw, retailerId, 'admin');
  await givenAgreement(brand, retailer, retailerId, {
    provinces: ['北京'],
    ...(opts.settlement ? { settlement: opts.settlement } : {}),
  });
  const stores = {} as Shop['stores'];
  for (const key of ['sanlitun', 'guomao', 'zhongguancun'] as const) {
    const orgId = await givenOrg(fw, 'store', {
      parentId: retailerId,
      name: `JD Home ${key}`,
      profile: { province: '北京', city: '北京', district: '朝阳区', ...places[key] },
    });
    stores[key] = { orgId, locationId: await givenStoreLocation(brand, orgId) };
  }
  const warehouse = await givenWarehouse(brand);
  const { skus } = await givenProduct(brand, 'Find X', { colours: 2, flagship: true });
  const channelId = (await brand.post('/api/channels', { kind: 'online', name: 'OPPO online' })).json().id;
  const price = 299_900;
  const listed = await brand.post(`/api/channels/${channelId}/listings`, {
    items: skus.map((skuId) => ({ skuId, listPrice: price + 20_000, sellingPrice: price })),
  });
  if (listed.statusCode !== 200) throw new Error(`listing: ${listed.statusCode} ${listed.body}`);
  const lines = (n: number) => skus.map((skuId) => ({ skuId, quantity: n }));
  await receive(brand, warehouse, lines(opts.stock ?? 20));
  for (const s of Object.values(stores))
    await receive(brand, s.locationId, lines(opts.storeStock ?? opts.stock ?? 20));
  return { brand, retailer, retailerId, channelId, skus, price, stores, warehouse };
}

/**
 * The brand's channel for the retailer's stores, its first SKU listed at the online price (a
 * flagship keeps price parity): what the stores' counters sell.
 */
export async function givenStoreChannel(shop: Shop) {
  const channel = (
    await shop.brand.post('/api/channels', {
      kind: 'store',
      name: 'JD Home stores',
      retailerId: shop.retailerId,
    })
  ).json().id;
  return shop.brand.post(`/api/channels/${channel}/listings`, {
    items: [{ skuId: shop.skus[0], listPrice: 319_900, sellingPrice: shop.price }],
  });
}

export type CheckoutInput = {
  channelId: string;
  lines: Array<{ skuId: string; quantity: number }>;
  mode?: 'hour' | 'standard' | 'pickup';
  address?: Record<string, unknown>;
  pickupLocationId?: string;
  key?: string;
  /** More fields of the placement request (those its contributors read: `source`, …). */
  placement?: Record<string, unknown>;
};

/** The storefront's calls, one per step: cart, lines, delivery with its quote, then the order. */
export async function checkout(shopper: TestClient, input: CheckoutInput) {
  const cart = await shopper.post('/api/shop/carts', { channelId: input.channelId });
  if (cart.statusCode !== 201) throw new Error(`cart: ${cart.statusCode} ${cart.body}`);
  const cartId = cart.json().id;
  for (const l of input.lines) {
    const r = await shopper.post(`/api/shop/carts/${cartId}/lines`, l);
    if (r.statusCode !== 200) throw new Error(`line: ${r.statusCode} ${r.body}`);
  }
  const quote = await shopper.post(`/api/shop/carts/${cartId}/delivery`, {
    mode: input.mode ?? 'hour',
    address: input.address ?? homeAddress,
    ...(input.pickupLocationId ? { pickupLocationId: input.pickupLocationId } : {}),
  });
  if (quote.statusCode !== 200) throw new Error(`delivery: ${quote.statusCode} ${quote.body}`);
  const order = await shopper.post(
    '/api/shop/orders',
    { ...input.placement, cartId },
    { 'idempotency-key': input.key ?? `place-${cartId}` },
  );
  return { cartId, quote: quote.json(), order };
}

/** Sends the sandbox's due notifications into the app over `inject`, as the provider would over HTTP. */
export function injectSender(fw: TestFlywheel): NoticeSender {
  return async (url, headers, body) =>
    (await fw.app.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body })).statusCode;
}

/** The shopper pays on the sandbox page and the provider's notifications (all copies) arrive. */
export async function payInSandbox(fw: TestFlywheel, paymentId: string, opts: { late?: boolean } = {}) {
  const provider = providerFor(fw.rt.config);
  const result = await provider.pay(fw.rt.db, paymentId, fw.rt.clock.now(), opts);
  await deliverAllNotices(fw);
  return result;
}

/** Makes the provider calls committed writes decided on (refunds, closes), as the worker would. */
export async function callProviders(fw: TestFlywheel): Promise<number> {
  return callDueProviders(fw.rt);
}

/** Delivers every queued sandbox notification, however far in the future it was due. */
export async function deliverAllNotices(fw: TestFlywheel) {
  // What the provider was asked for (a refund) comes first: its notice is among those queued.
  await callDueProviders(fw.rt);
  const provider = providerFor(fw.rt.config);
  const now = fw.rt.clock.now();
  const dueBy = new Date(now.getTime() + 3_600_000);
  return sendSandboxNotices({ db: fw.rt.db, now, dueBy }, provider, injectSender(fw));
}

/** A notification signed with the sandbox key: what the provider sends, or a forger without the key. */
export function signedNotice(
  fw: TestFlywheel,
  body: Record<string, unknown>,
  opts: { key?: string; at?: Date } = {},
) {
  const raw = JSON.stringify(body);
  const provider = providerFor(opts.key ? { ...fw.rt.config, sandboxPayKey: opts.key } : fw.rt.config);
  return { raw, headers: provider.sign(raw, opts.at ?? fw.rt.clock.now()) };
}

export function successNotice(
  payment: { id: string; amount: number },
  id = `sbn_${Math.random().toString(36).slice(2)}`,
) {
  return {
    id,
    create_time: new Date().toISOString(),
    event_type: 'TRANSACTION.SUCCESS',
    resource: {
      out_trade_no: payment.id,
      transaction_id: `4200${Date.now()}`,
      amount: { total: payment.amount, currency: 'CNY' },
      success_time: new Date().toISOString(),
    },
  };
}

export async function notify(fw: TestFlywheel, notice: { raw: string; headers: Record<string, string> }) {
  return fw.app.inject({
    method: 'POST',
    url: '/api/payments/notify/sandbox',
    headers: notice.headers,
    payload: notice.raw,
  });
}

export { givenShopper };
