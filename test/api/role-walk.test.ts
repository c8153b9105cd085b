import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newClaim } from '../../src/modules/aftersales/commands/new-claim.js';
import type { Access } from '../../src/platform/http/access.js';
import { type OrgKind, type Role, roleAtLeast, roles } from '../../src/platform/principal.js';
import { givenMember, givenOrg, givenShopper } from '../support/builders.js';
import { TestClient } from '../support/client.js';
import { exampleBody } from '../support/examples.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

type Persona = {
  name: string;
  client: TestClient;
  kind: OrgKind | 'shopper' | 'anonymous';
  role?: Role;
  own: Objects;
};
type Objects = {
  org: string;
  member: string;
  apiKey: string;
  webhook: string;
  delivery: string;
  product: string;
  sku: string;
  agreement: string;
  channel: string;
  location: string;
  transfer: string;
  reservation: string;
  zone: string;
  cart: string;
  order: string;
  shipment: string;
  rule: string;
  address: string;
  /** The brand whose shops' Trust Card the persona reads. */
  brand: string;
  tier: string;
  /** An after-sales claim on the persona brand's order, by the persona shopper. */
  claim: string;
};

/** What the access rule says this persona gets, before any object is looked at. */
function expectedAuth(acc: Access, p: Persona): 401 | 403 | 'allowed' {
  if (acc.kind === 'public') return 'allowed';
  if (p.kind === 'anonymous') return 401;
  if (acc.kind === 'signed_in') return 'allowed';
  if (acc.kind === 'shopper') return p.kind === 'shopper' ? 'allowed' : 403;
  if (p.kind === 'shopper') return 403;
  if (acc.orgKinds && !acc.orgKinds.includes(p.kind)) return 403;
  return roleAtLeast(p.role!, acc.minRole) ? 'allowed' : 403;
}

function fill(url: string, objects: Objects): string {
  const id = url.startsWith('/api/orgs/')
    ? objects.org
    : url.startsWith('/api/members/')
      ? objects.member
      : url.startsWith('/api/api-keys/')
        ? objects.apiKey
        : url.startsWith('/api/webhooks/')
          ? objects.webhook
          : url.startsWith('/api/webhook-deliveries/')
            ? objects.delivery
            : url.startsWith('/api/catalog/products/')
              ? objects.product
              : url.startsWith('/api/catalog/skus/')
                ? objects.sku
                : url.startsWith('/api/agreements/')
                  ? objects.agreement
                  : url.startsWith('/api/channels/')
                    ? objects.channel
                    : url.startsWith('/api/inventory/locations/')
                      ? objects.location
                      : url.startsWith('/api/inventory/transfers/')
                        ? objects.transfer
                        : url.startsWith('/api/inventory/reservations/')
                          ? objects.reservation
                          : url.startsWith('/api/inventory/zones/')
                            ? objects.zone
                            : url.startsWith('/api/shop/carts/')
                              ? objects.cart
                              : url.startsWith('/api/shop/addresses/')
                                ? objects.address
                                : url.startsWith('/api/shop/orders/') ||
                                    url.startsWith('/api/orders/') ||
                                    url.startsWith('/api/growth/order-sources/')
                                  ? objects.order
                                  : url.startsWith('/api/fulfilment/shipments/')
                                    ? objects.shipment
                                    : url.startsWith('/api/fulfilment/rules/')
                                      ? objects.rule
                                      : url.startsWith('/api/trust/shops/') ||
                                          url.startsWith('/api/shop/brands/')
                                        ? objects.brand
                                        : url.startsWith('/api/trust/tiers/')
                                          ? objects.tier
                                          : url.startsWith('/api/trust/orders/')
                                            ? objects.order
                                            : url.startsWith('/api/shop/claims/') ||
                                                url.startsWith('/api/aftersales/claims/')
                                              ? objects.claim
                                              : '';
  return url.replace(':id', id);
}

describe('every route as every role (generated from the route table)', () => {
  let fw: TestFlywheel;
  const personas: Persona[] = [];
  let foreign: Objects;
  const agreements = new Map<string, string>();
  const channels = new Map<string, string>();
  const stocks = new Map<string, Pick<Objects, 'location' | 'transfer' | 'reservation' | 'zone'>>();
  const warehouses = new Map<string, string>();

  /**
   * A shopper's order from a brand's online shop: a pick-up at `pickupAt` (so the store and its
   * retailer see it) or a standard parcel from the brand's warehouse.
   */
  async function givenOrder(
    brand: TestClient,
    shopper: TestClient,
    objects: Objects,
    pickupAt: string | null,
  ): Promise<{ cart: string; order: string; shipment: string; rule: string; address: string }> {
    await brand.post(`/api/catalog/products/${objects.product}/status`, { status: 'active' });
    const channel = (await brand.post('/api/channels', { kind: 'online', name: 'Online shop' })).json().id;
    await brand.post(`/api/channels/${channel}/listings`, {
      items: [{ skuId: objects.sku, listPrice: 10_000, sellingPrice: 9_000 }],
    });
    if (pickupAt)
      await brand.post('/api/inventory/receipts', {
        locationId: pickupAt,
        lines: [{ skuId: objects.sku, quantity: 3 }],
      });
    const address = (
      await shopper.post('/api/shop/addresses', exampleBody('POST', '/api/shop/addresses'))
    ).json().id;
    const cart = (await shopper.post('/api/shop/carts', { channelId: channel })).json().id;
    await shopper.post(`/api/shop/carts/${cart}/lines`, { skuId: objects.sku, quantity: 1 });
    await shopper.post(`/api/shop/carts/${cart}/delivery`, {
      mode: pickupAt ? 'pickup' : 'standard',
      address: {
        province: '北京',
        city: '北京',
        district: '朝阳区',
        line: '工体北路 8 号',
        name: '王小明',
        phone: '13800000000',
      },
      ...(pickupAt ? { pickupLocationId: pickupAt } : {}),
    });
    const order = await shopper.post('/api/shop/orders', { cartId: cart });
    if (order.statusCode !== 201) throw new Error(`order: ${order.statusCode} ${order.body}`);
    const rule = (await brand.post('/api/fulfilment/rules', { kind: 'same_province' })).json().id;
    return { cart, order: order.json().id, shipment: order.json().shipments[0].id, rule, address };
  }

  /** A claim waiting for the merchant on `orderId`, written as the claim command would leave it. */
  async function givenClaim(orderId: string): Promise<string> {
    const o = await fw.rt.db
      .selectFrom('orders_order')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const id = `clm_${orderId.slice(4)}`;
    const now = new Date().toISOString();
    await fw.rt.db
      .insertInto('aftersales_claim')
      .values({
        ...newClaim({
          id,
          org_id: o.org_id,
          shopper_id: o.shopper_id,
          order_id: o.id,
          payment_id: o.payment_id,
          kind: 'refund_only',
          reason: 'damaged',
          description: null,
          refund_fen: 0,
          rights_id: 'trg_00000000000000000000000000',
          rights: '{}',
          now,
        }),
        status: 'awaiting_merchant',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return id;
  }

  async function objectsOf(
    orgId: string,
    owner: TestClient & { userId: string },
    kind: OrgKind,
    retailerId: string,
    storeId: string,
  ): Promise<Objects> {
    // Only brands own products; other personas are pointed at the foreign brand's.
    const product =
      kind === 'brand'
        ? (await owner.post('/api/catalog/products', exampleBody('POST', '/api/catalog/products'))).json()
        : null;
    // A brand drafts an agreement with the retailer; the retailer is its other party.
    const agreement =
      kind === 'brand'
        ? (
            await owner.post('/api/agreements', {
              ...(exampleBody('POST', '/api/agreements') as object),
              retailerId,
            })
          ).json()
        : null;
    if (agreement) agreements.set(retailerId, agreement.id);
    const channel =
      kind === 'brand'
        ? (await owner.post('/api/channels', { kind: 'store', name: 'Partner stores', retailerId })).json()
        : null;
    if (channel) channels.set(retailerId, channel.id);
    // Stock: a warehouse, the persona store as a location, a hold, a transfer to the store, a zone.
    let stock: Pick<Objects, 'location' | 'transfer' | 'reservation' | 'zone'> | null = null;
    if (kind === 'brand') {
      const skuId = product.skus[0].id;
      const post = async (url: string, body: unknown) => (await owner.post(url, body)).json();
      const wh = await post('/api/inventory/locations', exampleBody('POST', '/api/inventory/locations'));
      warehouses.set(orgId, wh.id);
      const store = await post('/api/inventory/locations', { kind: 'store', storeOrgId: storeId });
      await post('/api/inventory/receipts', { locationId: wh.id, lines: [{ skuId, quantity: 10 }] });
      const hold = await post('/api/inventory/reservations', {
        locationId: wh.id,
        lines: [{ skuId, quantity: 1 }],
        ttlSeconds: 600,
      });
      const transfer = await post('/api/inventory/transfers', {
        fromLocationId: wh.id,
        toLocationId: store.id,
        lines: [{ skuId, quantity: 1 }],
      });
      const zone = await post('/api/inventory/zones', {
        locationId: store.id,
        areaM2: 20,
        fixtureStandard: 'Experience zone',
      });
      stock = { location: store.id, transfer: transfer.id, reservation: hold.items[0].id, zone: zone.id };
      stocks.set(retailerId, stock);
      stocks.set(storeId, stock);
    }
    const seen = stock ?? stocks.get(orgId);
    const key = (await owner.post('/api/api-keys', { name: 'walk', role: 'viewer' })).json();
    const hook = (
      await owner.post('/api/webhooks', { url: 'http://127.0.0.1:9/walk', eventTypes: ['*'] })
    ).json();
    const delivery = (await owner.post(`/api/webhooks/${hook.id}/ping`)).json();
    const member = await fw.rt.db
      .selectFrom('identity_membership')
      .select('id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', owner.userId)
      .executeTakeFirstOrThrow();
    return {
      org: orgId,
      member: member.id,
      apiKey: key.id,
      webhook: hook.id,
      delivery: delivery.id,
      product: product?.id ?? foreign?.product ?? '',
      sku: product?.skus[0].id ?? foreign?.sku ?? '',
      agreement: agreement?.id ?? agreements.get(orgId) ?? foreign?.agreement ?? '',
      channel: channel?.id ?? channels.get(orgId) ?? foreign?.channel ?? '',
      location: seen?.location ?? foreign?.location ?? '',
      transfer: seen?.transfer ?? foreign?.transfer ?? '',
      reservation: seen?.reservation ?? foreign?.reservation ?? '',
      zone: seen?.zone ?? foreign?.zone ?? '',
      // Orders come once every persona exists (the retailer accepts the agreement first).
      cart: '',
      order: '',
      shipment: '',
      rule: '',
      address: '',
      brand: kind === 'brand' ? orgId : (foreign?.brand ?? ''),
      tier: foreign?.tier ?? '',
      claim: foreign?.claim ?? '',
    };
  }

  beforeAll(async () => {
    fw = await startFlywheel({ config: { loginRatePerMinute: 100_000 } });
    const retailer = await givenOrg(fw, 'retailer');
    const orgs: Record<OrgKind, string> = {
      platform: (
        await fw.rt.db
          .selectFrom('identity_org')
          .select('id')
          .where('kind', '=', 'platform')
          .executeTakeFirstOrThrow()
      ).id,
      brand: await givenOrg(fw, 'brand'),
      retailer,
      store: await givenOrg(fw, 'store', { parentId: retailer }),
      creator: await givenOrg(fw, 'creator'),
      provider: await givenOrg(fw, 'provider'),
    };
    const foreignBrand = await givenOrg(fw, 'brand', { name: 'Foreign brand' });
    const foreignRetailer = await givenOrg(fw, 'retailer', { name: 'Foreign retailer' });
    const foreignStore = await givenOrg(fw, 'store', { parentId: foreignRetailer });
    const foreignOwner = await givenMember(fw, foreignBrand, 'owner');
    foreign = await objectsOf(foreignBrand, foreignOwner, 'brand', foreignRetailer, foreignStore);
    // The platform's Trust Card tiers are everyone's: one for the operator's routes to work on.
    const tierBody = exampleBody('POST', '/api/trust/tiers');
    foreign.tier = (
      await (await givenMember(fw, orgs.platform, 'admin')).post('/api/trust/tiers', tierBody)
    ).json().id;
    Object.assign(foreign, await givenOrder(foreignOwner, await givenShopper(fw), foreign, null));
    foreign.claim = await givenClaim(foreign.order);
    for (const kind of Object.keys(orgs) as OrgKind[]) {
      const owner = await givenMember(fw, orgs[kind], 'owner');
      const own = await objectsOf(orgs[kind], owner, kind, retailer, orgs.store);
      for (const role of roles) {
        const client = role === 'owner' ? owner : await givenMember(fw, orgs[kind], role);
        personas.push({ name: `${kind}/${role}`, client, kind, role, own });
      }
    }
    const shopper = await givenShopper(fw);
    // The persona brand's pick-up order at the persona store, under an agreement the retailer accepted.
    const ownerOf = (kind: string) => personas.find((p) => p.name === `${kind}/owner`)!;
    const brandOwn = ownerOf('brand').own;
    await ownerOf('brand').client.post(`/api/agreements/${brandOwn.agreement}/moves`, { move: 'propose' });
    await ownerOf('retailer').client.post(`/api/agreements/${brandOwn.agreement}/moves`, { move: 'accept' });
    const own = await givenOrder(ownerOf('brand').client, shopper, brandOwn, brandOwn.location);
    const claim = await givenClaim(own.order);
    for (const p of personas) Object.assign(p.own, own, { claim });
    const none = {
      org: '',
      member: '',
      apiKey: '',
      webhook: '',
      delivery: '',
      product: '',
      sku: '',
      agreement: '',
    };
    personas.push(
      { name: 'shopper', client: shopper, kind: 'shopper', own: { ...foreign, ...own, claim } },
      {
        name: 'anonymous',
        client: new TestClient(fw.app),
        kind: 'anonymous',
        own: { ...foreign, ...none, org: foreign.org },
      },
    );
  }, 120_000);
  afterAll(() => fw.cleanup());

  it('answers 401, 403, 2xx or 404 exactly as each route’s access rule and tenant say', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of fw.app.routeTable) {
      if (route.url === '/api/auth/logout') continue; // would end the persona's session; tested in auth.test.ts
      for (const p of personas) {
        const expected = expectedAuth(route.access, p);
        const body = route.body ? exampleBody(route.method, route.url) : undefined;
        const hasId = route.url.includes(':id');
        // Public routes (sign-in, register) would replace the persona's session: call them afresh.
        const client = route.access.kind === 'public' ? new TestClient(fw.app) : p.client;
        const check = async (url: string, want: (s: number, code?: string) => boolean, label: string) => {
          const res = await client.request(
            route.method,
            url,
            body,
            body === undefined ? {} : { 'content-type': route.contentType },
          );
          checked++;
          const code = res.statusCode >= 400 ? res.json().code : undefined;
          if (!want(res.statusCode, code))
            failures.push(
              `${p.name} ${route.method} ${url} (${label}): got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        };
        if (expected !== 'allowed') {
          await check(fill(route.url, p.own), (s) => s === expected, `expected ${expected}`);
          continue;
        }
        if (route.access.kind === 'public') {
          // A public route may still refuse the example's credentials (401), never for lack of a role.
          await check(route.url, (s) => s !== 403 && s < 500, 'public');
          continue;
        }
        if (hasId && p.kind !== 'platform') {
          // Another brand's object does not exist for this persona, for reads and writes alike.
          await check(fill(route.url, foreign), (s) => s === 404, 'foreign object -> 404');
        }
        if (route.method === 'GET')
          await check(fill(route.url, p.own), (s) => s === 200, 'own object -> 200');
        // Past the access rule, a domain rule may still refuse (a retailer creating a brand), but never auth.
        else if (!hasId && route.body)
          await check(route.url, (s, code) => s < 500 && !code?.startsWith('auth.'), 'allowed write');
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});
