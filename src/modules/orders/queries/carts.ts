import type { Executor } from '../../../platform/db/database.js';
import { prepared } from '../../../platform/db/prepared.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { ShopperPrincipal } from '../../../platform/principal.js';
import { type ChannelRow, channelById, type Offer, offersBySku } from '../../catalog/index.js';
import {
  type AddressInput,
  type Decision,
  type Located,
  locate,
  type Plan,
  planRoute,
} from '../../fulfilment/index.js';
import { type DeliveryMode, type Priced, price, withAdjustments } from '../domain/pricing.js';
import type { OrderExtensions } from '../extensions.js';
import type { OrdersTables } from '../repo.js';

export type CartRow = OrdersTables['orders_cart'];

export async function findCart(db: Executor, p: ShopperPrincipal, id: string): Promise<CartRow> {
  const [cart] = await cartOf(db, { id, shopperId: p.shopperId });
  if (!cart) throw notFound('cart', id)();
  return cart;
}

// Read by every cart and order call: built once (see `prepared`).
const cartOf = prepared((db: Executor, p: { id: string; shopperId: string }) =>
  new TenantScope(db, { shopperId: p.shopperId })
    .selectFrom('orders_cart')
    .selectAll()
    .where('id', '=', p.id),
);
const cartLinesOf = prepared((db: Executor, p: { cartId: string }) =>
  db
    .selectFrom('orders_cart_line')
    .select(['sku_id', 'quantity'])
    .where('cart_id', '=', p.cartId)
    .orderBy('added_at')
    .orderBy('sku_id'),
);

export type CartContents = {
  cart: CartRow;
  channel: ChannelRow;
  lines: Array<{ skuId: string; quantity: number; offer: Offer | undefined }>;
  priced: Priced;
};

/** A cart with its lines at the channel's prices now, and whether each can be sold. */
export async function cartContents(
  db: Executor,
  ext: OrderExtensions,
  cart: CartRow,
  now: Date,
  /** The cart's channel when the caller has it already. */
  known?: ChannelRow,
): Promise<CartContents> {
  const [channel, rows] = await Promise.all([
    known ?? channelById(db, cart.channel_id),
    cartLinesOf(db, { cartId: cart.id }),
  ]);
  if (!channel) throw notFound('channel', cart.channel_id)();
  const offers = await offersBySku(
    db,
    channel,
    rows.map((r) => r.sku_id),
    now,
  );
  const lines = rows.map((r) => ({
    skuId: r.sku_id,
    quantity: Number(r.quantity),
    offer: offers.get(r.sku_id),
  }));
  const base = price(
    lines.map((l) => ({
      skuId: l.skuId,
      quantity: l.quantity,
      prices: l.offer?.refusal ? null : (l.offer?.prices ?? null),
    })),
    cart.delivery,
  );
  const adjustments =
    ext.adjusters.length === 0 || base.lines.length === 0
      ? []
      : await ext.adjust({
          db,
          now,
          shopperId: cart.shopper_id,
          channel: { id: channel.id, orgId: channel.org_id, kind: channel.kind },
          lines: base.lines,
          subtotal: base.subtotal,
        });
  return { cart, channel, lines, priced: withAdjustments(base, adjustments) };
}

/** Where the cart's order would go now: the routing plan for its address or its pick-up store. */
export async function cartPlan(
  db: Executor,
  c: CartContents,
  now: Date,
): Promise<(Plan & { address: Located }) | null> {
  const { cart } = c;
  if (!cart.address || c.lines.length === 0 || c.lines.some((l) => !l.offer || l.offer.refusal)) return null;
  const address = locate(JSON.parse(cart.address) as AddressInput);
  const plan = await planRoute(db, {
    channel: c.channel,
    address,
    lines: c.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, productLine: l.offer!.productLine })),
    now,
    standardOnly: cart.delivery === 'standard',
  });
  return { ...plan, address };
}

export type Quote = {
  mode: DeliveryMode | null;
  /** Whether the chosen mode can be kept now. */
  available: boolean;
  kind: Decision['kind'];
  /** Minutes to the door for hour delivery (the later of a split's two stores). */
  etaMinutes: number | null;
  standardDays: number | null;
  from: string[];
  fromEn: Array<string | null>;
  pickup: Decision['pickup'];
  hourGap: Decision['hourGap'];
};

/** The locations a plan ships from, by name in Chinese and in English (null where it has none). */
export function shippedFrom(plan: Plan) {
  const at = plan.decision.groups.map((g) => plan.locations.get(g.locationId));
  return {
    from: at.map((l, i) => l?.name ?? plan.decision.groups[i].locationId),
    fromEn: at.map((l) => l?.nameEn ?? null),
  };
}

export function quoteOf(mode: DeliveryMode | null, plan: Plan, pickupLocationId: string | null): Quote {
  const d = plan.decision;
  const etas = d.groups.flatMap((g) => (g.etaMinutes === null ? [] : [g.etaMinutes]));
  const available =
    mode === 'hour'
      ? d.kind === 'hour' || d.kind === 'split'
      : mode === 'standard'
        ? d.kind === 'standard'
        : mode === 'pickup'
          ? d.pickup.some((p) => p.locationId === pickupLocationId)
          : false;
  return {
    mode,
    available,
    kind: d.kind,
    etaMinutes: etas.length ? Math.max(...etas) : null,
    standardDays: d.groups[0]?.standardDays ?? null,
    ...shippedFrom(plan),
    pickup: d.pickup.slice(0, 10),
    hourGap: d.hourGap,
  };
}

export function cartView(c: CartContents, quote: Quote | null) {
  return {
    id: c.cart.id,
    channelId: c.cart.channel_id,
    brandId: c.cart.org_id,
    status: c.cart.status,
    orderId: c.cart.order_id,
    lines: c.lines.map((l) => {
      const p = c.priced.lines.find((x) => x.skuId === l.skuId);
      return {
        skuId: l.skuId,
        code: l.offer?.code ?? null,
        name: l.offer?.name ?? null,
        nameEn: l.offer?.nameEn ?? null,
        options: l.offer?.options ?? {},
        quantity: l.quantity,
        listPrice: p?.listPrice ?? null,
        unitPrice: p?.unitPrice ?? null,
        lineTotal: p?.lineTotal ?? null,
        refusal: l.offer ? l.offer.refusal : 'not_listed',
      };
    }),
    subtotal: c.priced.subtotal,
    adjustments: c.priced.adjustments,
    deliveryFee: c.priced.deliveryFee,
    total: c.priced.total,
    problems: c.priced.problems,
    delivery: c.cart.delivery,
    address: c.cart.address ? (JSON.parse(c.cart.address) as AddressInput) : null,
    pickupLocationId: c.cart.pickup_location_id,
    quote,
    updatedAt: c.cart.updated_at,
  };
}

/**
 * The shopper's open carts, the newest first, in one shop or all: the same on every device, so
 * the storefront picks up the cart another device filled.
 */
export async function openCarts(
  db: Executor,
  p: ShopperPrincipal,
  q: { channelId?: string; limit?: number; cursor?: string },
) {
  let carts = new TenantScope(db, { shopperId: p.shopperId })
    .selectFrom('orders_cart')
    .select(['id', 'channel_id', 'org_id', 'updated_at'])
    .where('status', '=', 'open');
  if (q.channelId) carts = carts.where('channel_id', '=', q.channelId);
  const page = await paginate(carts, 'id', q);
  const counts = page.items.length
    ? await db
        .selectFrom('orders_cart_line')
        .select((eb) => ['cart_id', eb.fn.sum<number>('quantity').as('n')])
        .where(
          'cart_id',
          'in',
          page.items.map((c) => c.id),
        )
        .groupBy('cart_id')
        .execute()
    : [];
  return {
    items: page.items.map((c) => ({
      id: c.id,
      channelId: c.channel_id,
      brandId: c.org_id,
      items: Number(counts.find((n) => n.cart_id === c.id)?.n ?? 0),
      updatedAt: c.updated_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The cart as the storefront shows it, with the delivery quote when an address is set. */
export async function getCart(
  db: Executor,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  id: string,
  now: Date,
) {
  const c = await cartContents(db, ext, await findCart(db, p, id), now);
  const plan = await cartPlan(db, c, now);
  return cartView(c, plan ? quoteOf(c.cart.delivery, plan, c.cart.pickup_location_id) : null);
}
