import { Pool } from 'undici';
import { sandboxSignature } from '../../src/modules/payments/domain/payment.js';
import { configDefaults } from '../../src/platform/config.js';
import { signIn } from './http.js';

/**
 * The storefront's calls over real HTTP, one per step as the web app makes them: for the crash
 * test and the `checkout` benchmark, which talk to a server in another process.
 */
export class ShopHttp {
  readonly pool: Pool;
  constructor(
    readonly base: string,
    connections = 32,
  ) {
    this.pool = new Pool(base, { connections, pipelining: 1 });
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<{ status: number; json: any }> {
    const res = await this.pool.request({
      method,
      path,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, json: text ? JSON.parse(text) : null };
  }

  /** Signs a shopper in; returns the headers the shopper's writes need. */
  signInShopper(email: string, password = 'flywheel-demo'): Promise<Record<string, string>> {
    return signIn(this.base, email, password, '/api/shop/auth/login');
  }

  /** Registers `n` new shoppers and signs each in. */
  async newShoppers(n: number): Promise<Array<Record<string, string>>> {
    const signedIn: Array<Record<string, string>> = [];
    for (let i = 0; i < n; i++) {
      const email = `shopper-${i}-${Date.now()}@shop.test`;
      const r = await fetch(`${this.base}/api/shop/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'shopper-password-1', name: `Shopper ${i}` }),
      });
      if (!r.ok) throw new Error(`register: ${r.status}`);
      signedIn.push(await this.signInShopper(email, 'shopper-password-1'));
    }
    return signedIn;
  }

  /** Create a cart, add a line, set the address (the quote comes back), place the order. */
  async checkout(
    h: Record<string, string>,
    input: {
      channelId: string;
      skuId: string;
      quantity?: number;
      mode: 'hour' | 'standard' | 'pickup';
      address: Record<string, unknown>;
      key: string;
    },
  ): Promise<{ status: number; order: any; step: string; cartId: string | null }> {
    const cart = await this.call('POST', '/api/shop/carts', h, { channelId: input.channelId });
    if (cart.status !== 201) return { status: cart.status, order: cart.json, step: 'cart', cartId: null };
    const line = await this.call('POST', `/api/shop/carts/${cart.json.id}/lines`, h, {
      skuId: input.skuId,
      quantity: input.quantity ?? 1,
    });
    if (line.status !== 200)
      return { status: line.status, order: line.json, step: 'line', cartId: cart.json.id };
    const quote = await this.call('POST', `/api/shop/carts/${cart.json.id}/delivery`, h, {
      mode: input.mode,
      address: input.address,
    });
    if (quote.status !== 200)
      return { status: quote.status, order: quote.json, step: 'delivery', cartId: cart.json.id };
    const order = await this.call(
      'POST',
      '/api/shop/orders',
      { ...h, 'idempotency-key': input.key },
      {
        cartId: cart.json.id,
      },
    );
    return { status: order.status, order: order.json, step: 'order', cartId: cart.json.id };
  }

  /** The payment provider's notification, signed with the sandbox key as the provider signs it. */
  async notifyPaid(
    payment: { id: string; amount: number },
    notificationId: string,
    key = configDefaults.sandboxPayKey,
  ): Promise<number> {
    const now = new Date();
    const body = JSON.stringify({
      id: notificationId,
      create_time: now.toISOString(),
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        out_trade_no: payment.id,
        transaction_id: `4200${notificationId}`,
        amount: { total: payment.amount, currency: 'CNY' },
        success_time: now.toISOString(),
      },
    });
    const ts = String(Math.floor(now.getTime() / 1000));
    const nonce = Math.random().toString(36).slice(2);
    const res = await this.call(
      'POST',
      '/api/payments/notify/sandbox',
      {
        'content-type': 'application/json',
        'sandbox-pay-timestamp': ts,
        'sandbox-pay-nonce': nonce,
        'sandbox-pay-signature': sandboxSignature(key, ts, nonce, body),
      },
      body,
    );
    return res.status;
  }

  close() {
    return this.pool.close();
  }
}

/** The demo world's OPPO online shop and the SKUs it sells now. */
export async function demoShop(
  base: string,
): Promise<{ channelId: string; skus: Array<{ skuId: string; price: number }> }> {
  const brand = await signIn(base, 'brand@oppo.demo');
  const channels = (await (await fetch(`${base}/api/channels`, { headers: brand })).json()) as {
    items: Array<{ id: string; kind: string }>;
  };
  const channelId = channels.items.find((c) => c.kind === 'online')!.id;
  const listings = (await (
    await fetch(`${base}/api/channels/${channelId}/listings?limit=200`, { headers: brand })
  ).json()) as {
    items: Array<{ skuId: string; sellable: boolean; sellingPrice: number }>;
  };
  return {
    channelId,
    skus: listings.items.filter((l) => l.sellable).map((l) => ({ skuId: l.skuId, price: l.sellingPrice })),
  };
}

/** A shopper's address in Beijing's Chaoyang district, near the Sanlitun store. */
export const beijingAddress = {
  province: '北京',
  city: '北京',
  district: '朝阳区',
  line: '工体北路 8 号',
  lat: 39.9366,
  lng: 116.4472,
  name: '王小明',
  phone: '13800000000',
};
