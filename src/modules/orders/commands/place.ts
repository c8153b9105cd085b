import { iso } from '../../../platform/clock.js';
import type { Config } from '../../../platform/config.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { ShopperPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import {
  createShipments,
  type Group,
  type Located,
  type NewShipment,
  type Plan,
  recordDecision,
} from '../../fulfilment/index.js';
import { releaseReservation, reserveStock } from '../../inventory/index.js';
import { createPayment, providerFor } from '../../payments/index.js';
import type { DeliveryMode } from '../domain/pricing.js';
import type { OrderExtensions, PlacedOrder } from '../extensions.js';
import { type CartContents, type CartRow, cartContents, cartPlan, findCart } from '../queries/carts.js';
import { orderDetail } from '../queries/orders.js';
import { completePlacement, saveOrder } from './lifecycle.js';

/** A hold outlasts the time to pay, so the order's own expiry releases it first. */
const holdMarginMinutes = 5;

/**
 * Places the cart as an order, in one transaction: checks that the shop may sell every line now
 * (channel, launch, agreement), prices it, routes it, holds the stock of every fulfilment group
 * until the payment deadline and opens the payment. The cart is claimed first, so one cart makes
 * one order however often the request is sent.
 */
export async function placeOrder(
  ctx: WriteCtx,
  deps: { config: Config; ext: OrderExtensions },
  p: ShopperPrincipal,
  input: { cartId: string } & Record<string, unknown>,
) {
  const { config, ext } = deps;
  const cart = await findCart(ctx.trx, p, input.cartId);
  const orderId = newId('ord');
  const claimed = await ctx.trx
    .updateTable('orders_cart')
    .set({ status: 'ordered', order_id: orderId, updated_at: iso(ctx.now) })
    .where('id', '=', cart.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0)
    throw new DomainError('orders.cart_closed', 'this cart became an order already', {
      orderId: cart.order_id,
    });

  const c = await cartContents(ctx.trx, ext, cart, ctx.now);
  if (c.lines.length === 0) throw new DomainError('orders.cart_empty', 'the cart is empty');
  const refused = c.lines.flatMap((l, i) =>
    !l.offer || l.offer.refusal
      ? [{ field: `lines.${i}.skuId`, message: l.offer?.refusal ?? 'not_listed' }]
      : [],
  );
  if (refused.length > 0)
    throw new DomainError('orders.not_sellable', 'the shop cannot sell every line now', { errors: refused });
  if (c.priced.problems.length > 0)
    throw new DomainError('orders.cart_invalid', 'the cart cannot be ordered as it is', {
      errors: c.priced.problems,
    });
  const mode = cart.delivery;
  if (!mode || !cart.address)
    throw new DomainError('orders.delivery_missing', 'choose delivery or pick-up and give the address', {
      errors: [{ field: 'delivery', message: 'required' }],
    });
  if (mode !== 'pickup') {
    // A courier needs a door, a name and a number: a quote needs only the district.
    const address = JSON.parse(cart.address) as Partial<Record<'line' | 'name' | 'phone', string>>;
    const missing = (['line', 'name', 'phone'] as const).filter((f) => !address[f]?.trim());
    if (missing.length > 0)
      throw new DomainError(
        'orders.address_incomplete',
        'a delivery needs the street, the recipient and a phone',
        {
          errors: missing.map((f) => ({ field: `address.${f}`, message: 'required for a delivery' })),
        },
      );
  }
  const payMinutes = config.orderPayMinutes;
  const offers = new Map(c.lines.map((l) => [l.skuId, l.offer!]));
  const { plan, shipments } = await holdStock(ctx, c, cart, orderId, (payMinutes + holdMarginMinutes) * 60);
  const locationOf = new Map(shipments.flatMap((s) => s.lines.map((l) => [l.skuId, s.location.id] as const)));
  await recordDecision(ctx, {
    orgId: c.channel.org_id,
    orderId,
    address: plan.address,
    decision: plan.decision,
    rules: plan.rules,
  });
  await createShipments(ctx, {
    orgId: c.channel.org_id,
    orderId,
    address: mode === 'pickup' ? null : JSON.parse(cart.address),
    shipments,
  });
  const payment = await createPayment(ctx, providerFor(config), {
    orgId: c.channel.org_id,
    shopperId: p.shopperId,
    orderId,
    amount: c.priced.total,
    ttlMinutes: payMinutes,
    description: c.lines
      .map((l) => l.offer!.name)
      .join(', ')
      .slice(0, 120),
    // Back from paying: the order page waits for the provider's word rather than say "unpaid".
    returnUrl: `/shop/orders/${orderId}?paying=1`,
  });
  const order = await saveOrder(
    ctx,
    {
      id: orderId,
      orgId: c.channel.org_id,
      shopperId: p.shopperId,
      channelId: c.channel.id,
      cartId: cart.id,
      delivery: mode,
      address: cart.address,
      pickupLocationId: cart.pickup_location_id,
      priced: c.priced,
      payment,
    },
    offers,
    locationOf,
  );
  const placed: PlacedOrder = {
    id: order.id,
    orgId: order.org_id,
    shopperId: order.shopper_id,
    channelId: order.channel_id,
    channelKind: c.channel.kind,
    delivery: order.delivery,
    subtotal: c.priced.subtotal,
    total: c.priced.total,
    lines: c.priced.lines,
    adjustments: c.priced.adjustments,
    sentFrom: shipments.map((s) => ({ locationId: s.location.id, retailerId: s.location.retailer_id })),
    via: 'storefront',
  };
  await completePlacement(ctx, ext, placed, input, { routing: plan.decision.kind });
  return orderDetail(ctx.trx, order, { withRouting: false });
}

/**
 * Routes the order and holds the stock of each of its groups. Routing reads stock before the
 * holds take it, so a concurrent order (PostgreSQL runs them side by side) may take the units
 * first; the hold then fails cleanly and the order is routed again, at most three times.
 */
async function holdStock(
  ctx: WriteCtx,
  c: CartContents,
  cart: CartRow,
  orderId: string,
  ttlSeconds: number,
): Promise<{ plan: Plan & { address: Located }; shipments: NewShipment[] }> {
  const mode = cart.delivery!;
  for (let attempt = 1; ; attempt++) {
    const plan = (await cartPlan(ctx.trx, c, ctx.now))!;
    const groups = groupsFor(mode, plan.decision, cart.pickup_location_id, c.lines);
    const shipments: NewShipment[] = [];
    try {
      for (const g of groups) {
        const location = plan.locations.get(g.locationId)!;
        const held = await reserveStock(ctx, location, {
          lines: g.lines,
          ttlSeconds,
          ref: orderId,
          channelId: c.channel.id,
        });
        shipments.push({
          location,
          mode: mode === 'pickup' ? 'pickup' : g.etaMinutes !== null ? 'hour' : 'standard',
          lines: g.lines,
          reservationIds: held.items.map((r) => r.id),
          etaMinutes: mode === 'pickup' ? location.prepMinutes : g.etaMinutes,
          standardDays: g.standardDays,
          travelMinutes: mode === 'pickup' ? null : g.travelMinutes,
        });
      }
      return { plan, shipments };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'inventory.insufficient_stock' || attempt === 3)
        throw error;
      for (const s of shipments) for (const id of s.reservationIds) await releaseReservation(ctx, 'all', id);
    }
  }
}

/** The fulfilment groups of the order, or why the chosen way cannot be kept now. */
function groupsFor(
  mode: DeliveryMode,
  decision: { kind: string; groups: Group[]; pickup: Array<{ locationId: string }> },
  pickupLocationId: string | null,
  lines: Array<{ skuId: string; quantity: number }>,
): Group[] {
  if (mode === 'pickup') {
    if (!decision.pickup.some((p) => p.locationId === pickupLocationId))
      throw new DomainError('orders.pickup_unavailable', 'that store cannot hand over this order now', {
        errors: [{ field: 'pickupLocationId', message: 'the store lacks stock or is not in an agreement' }],
      });
    return [
      { locationId: pickupLocationId!, lines, etaMinutes: null, travelMinutes: null, standardDays: null },
    ];
  }
  if (mode === 'hour' && decision.kind !== 'hour' && decision.kind !== 'split')
    throw new DomainError(
      'orders.hour_unavailable',
      decision.kind === 'standard'
        ? 'no store can deliver within the hour now; choose standard delivery'
        : 'no location holds these items',
      { alternative: decision.kind === 'standard' ? 'standard' : null },
    );
  if (decision.kind === 'none')
    throw new DomainError('orders.out_of_stock', 'no location holds these items now');
  return decision.groups;
}
