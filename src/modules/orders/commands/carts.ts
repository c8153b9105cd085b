import { iso } from '../../../platform/clock.js';
import { insertRows } from '../../../platform/db/prepared.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { ShopperPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type ChannelRow, channelById, channelOffers } from '../../catalog/index.js';
import { type AddressInput, locate } from '../../fulfilment/index.js';
import { isActiveStoreOf } from '../../inventory/index.js';
import { type DeliveryMode, quantityLimits } from '../domain/pricing.js';
import type { OrderExtensions } from '../extensions.js';
import {
  type CartContents,
  type CartRow,
  cartContents,
  cartPlan,
  cartView,
  findCart,
  quoteOf,
} from '../queries/carts.js';

/** Channels a shopper buys on directly: the brand's online shop and a partner's store channel. */
const shopChannels = ['online', 'store'];

export async function createCart(
  ctx: WriteCtx,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  input: { channelId: string },
) {
  const channel = await channelById(ctx.trx, input.channelId);
  if (!channel || !shopChannels.includes(channel.kind))
    throw new DomainError('orders.channel_not_shop', 'not a shop that sells to shoppers', {
      errors: [{ field: 'channelId', message: 'no such shop' }],
    });
  const now = iso(ctx.now);
  const cart: CartRow = {
    id: newId('crt'),
    shopper_id: p.shopperId,
    org_id: channel.org_id,
    channel_id: channel.id,
    address: null,
    delivery: null,
    pickup_location_id: null,
    status: 'open',
    order_id: null,
    created_at: now,
    updated_at: now,
  };
  await insertRows(ctx.trx, 'orders_cart', [cart]);
  return cartView(await cartContents(ctx.trx, ext, cart, ctx.now, channel), null);
}

async function openCart(ctx: WriteCtx, p: ShopperPrincipal, id: string): Promise<CartRow> {
  const cart = await findCart(ctx.trx, p, id);
  if (cart.status !== 'open')
    throw new DomainError('orders.cart_closed', 'this cart became an order already');
  return cart;
}

type LineChange = { skuId: string; quantity: number };

/** Sets how many of an SKU the cart holds; 0 takes it out. An SKU the shop cannot sell now is refused. */
export function setCartLine(
  ctx: WriteCtx,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  cartId: string,
  input: LineChange,
) {
  return changeLine(ctx, ext, p, cartId, input, async (cart, now) => {
    if (input.quantity === 0)
      await ctx.trx
        .deleteFrom('orders_cart_line')
        .where('cart_id', '=', cart.id)
        .where('sku_id', '=', input.skuId)
        .execute();
    else
      await ctx.trx
        .insertInto('orders_cart_line')
        .values({ cart_id: cart.id, sku_id: input.skuId, quantity: input.quantity, added_at: now })
        .onConflict((oc) => oc.columns(['cart_id', 'sku_id']).doUpdateSet({ quantity: input.quantity }))
        .execute();
  });
}

/**
 * Adds some of an item to what the cart holds ("add to cart" tapped twice is two): one statement
 * adds to the line, so two taps at once on two devices both count; past the most of one item the
 * addition is refused whole.
 */
export function addCartItem(
  ctx: WriteCtx,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  cartId: string,
  input: LineChange,
) {
  return changeLine(ctx, ext, p, cartId, input, async (cart, now) => {
    const line = await ctx.trx
      .insertInto('orders_cart_line')
      .values({ cart_id: cart.id, sku_id: input.skuId, quantity: input.quantity, added_at: now })
      .onConflict((oc) =>
        oc.columns(['cart_id', 'sku_id']).doUpdateSet((eb) => ({
          quantity: eb(eb.ref('orders_cart_line.quantity'), '+', eb.ref('excluded.quantity')),
        })),
      )
      .returning('quantity')
      .executeTakeFirstOrThrow();
    if (Number(line.quantity) > quantityLimits.perSku)
      throw new DomainError('orders.cart_invalid', `at most ${quantityLimits.perSku} of one item`, {
        errors: [
          {
            field: 'quantity',
            message: `the cart would hold ${line.quantity}; at most ${quantityLimits.perSku}`,
          },
        ],
      });
  });
}

/** A change to one line of the shopper's open cart, of an item the shop sells; the cart quoted after it. */
async function changeLine(
  ctx: WriteCtx,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  cartId: string,
  input: LineChange,
  write: (cart: CartRow, now: string) => Promise<void>,
) {
  const cart = await openCart(ctx, p, cartId);
  const channel = await channelById(ctx.trx, cart.channel_id);
  if (input.quantity > 0) await assertSellable(ctx, channel, input.skuId, input.quantity);
  const now = iso(ctx.now);
  await write(cart, now);
  return touched(ctx, ext, cart, channel, now);
}

/** Refuses an item the shop does not sell now, or more of it than one cart may hold. */
async function assertSellable(
  ctx: WriteCtx,
  channel: ChannelRow | undefined,
  skuId: string,
  quantity: number,
) {
  const [offer] = channel ? await channelOffers(ctx.trx, channel, [skuId], ctx.now) : [];
  if (!offer)
    throw new DomainError('orders.cart_invalid', 'this shop has no such item', {
      errors: [{ field: 'skuId', message: 'not an item of this shop' }],
    });
  if (offer.refusal)
    throw new DomainError('orders.not_sellable', `the shop cannot sell this item now: ${offer.refusal}`, {
      errors: [{ field: 'skuId', message: offer.refusal }],
    });
  if (quantity > quantityLimits.perSku)
    throw new DomainError('orders.cart_invalid', `at most ${quantityLimits.perSku} of one item`, {
      errors: [{ field: 'quantity', message: `at most ${quantityLimits.perSku}` }],
    });
}

/** The cart after a change to its lines: dated, held to the most items, quoted again. */
async function touched(
  ctx: WriteCtx,
  ext: OrderExtensions,
  cart: CartRow,
  channel: ChannelRow | undefined,
  now: string,
) {
  const updated = { ...cart, updated_at: now };
  await ctx.trx.updateTable('orders_cart').set({ updated_at: now }).where('id', '=', cart.id).execute();
  const c = await cartContents(ctx.trx, ext, updated, ctx.now, channel);
  if (c.lines.length > quantityLimits.lines)
    throw new DomainError('orders.cart_invalid', `at most ${quantityLimits.lines} different items`, {
      errors: [{ field: 'skuId', message: `the cart holds ${quantityLimits.lines} items already` }],
    });
  return quoted(ctx, c);
}

/** Where and how the order goes: delivery within the hour, a standard parcel, or pick-up at a store. */
export async function setDelivery(
  ctx: WriteCtx,
  ext: OrderExtensions,
  p: ShopperPrincipal,
  cartId: string,
  input: { mode: DeliveryMode; address: AddressInput; pickupLocationId?: string },
) {
  const cart = await openCart(ctx, p, cartId);
  if (input.mode === 'pickup' && !input.pickupLocationId)
    throw new DomainError('orders.delivery_missing', 'pick-up needs the store to collect from', {
      errors: [{ field: 'pickupLocationId', message: 'required for pick-up' }],
    });
  // A store the shopper cannot collect from is named now, not when the order is placed.
  if (input.mode === 'pickup' && !(await isActiveStoreOf(ctx.trx, cart.org_id, input.pickupLocationId!)))
    throw new DomainError('orders.pickup_unavailable', 'no store of this shop has that id', {
      errors: [{ field: 'pickupLocationId', message: 'not a store of this shop' }],
    });
  locate(input.address);
  const now = iso(ctx.now);
  const changes = {
    address: JSON.stringify(input.address),
    delivery: input.mode,
    pickup_location_id: input.mode === 'pickup' ? (input.pickupLocationId ?? null) : null,
    updated_at: now,
  };
  await ctx.trx.updateTable('orders_cart').set(changes).where('id', '=', cart.id).execute();
  return withQuote(ctx, ext, { ...cart, ...changes });
}

async function withQuote(ctx: WriteCtx, ext: OrderExtensions, cart: CartRow) {
  return quoted(ctx, await cartContents(ctx.trx, ext, cart, ctx.now));
}

async function quoted(ctx: WriteCtx, c: CartContents) {
  const plan = await cartPlan(ctx.trx, c, ctx.now);
  return cartView(c, plan ? quoteOf(c.cart.delivery, plan, c.cart.pickup_location_id) : null);
}
