import { iso } from '../../../platform/clock.js';
import type { Config } from '../../../platform/config.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { offersBySku, storeChannelOf } from '../../catalog/index.js';
import { createShipments, moveShipment, shipmentsOf } from '../../fulfilment/index.js';
import { reserveStock } from '../../inventory/index.js';
import { agreementTerms, coverageGap } from '../../partnership/index.js';
import { createPayment, providerFor } from '../../payments/index.js';
import { price } from '../domain/pricing.js';
import type { OrderExtensions } from '../extensions.js';
import { completePlacement, moveOrder, type OrderRow, saveOrder } from './lifecycle.js';

/** Who buys at the counter without an account. */
export const walkIn = 'walk_in';

/**
 * A sale at the store's counter (POS): the staff ring up a brand's items from the store's own
 * stock at the store channel's prices and scan the shopper's payment code. This write records
 * the sale with its units held and the code to take; the provider takes it once the write has
 * committed (`takePaymentCode`), and the payment taken hands the goods over (`handOverAtCounter`).
 * A missing unit or an item the store may not sell changes nothing; a code the provider refuses
 * leaves the sale cancelled, its units back on the shelf.
 */
export async function sellAtCounter(
  ctx: WriteCtx,
  { config, ext }: { config: Config; ext: OrderExtensions },
  p: MemberPrincipal,
  input: { brandId: string; lines: Array<{ skuId: string; quantity: number }>; authCode: string },
): Promise<{ id: string; paymentId: string }> {
  // The counter sells from the brand's stock kept in this store (the staff's own location).
  const location = await TenantScope.of(ctx.trx, p)
    .selectFrom('inventory_location_view')
    .selectAll()
    .where('org_id', '=', input.brandId)
    .where('kind', '=', 'store')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!location?.retailer_id)
    throw new DomainError('orders.pos_not_here', 'this store keeps none of the brand’s stock', {
      errors: [{ field: 'brandId', message: 'no stock of this brand in the store' }],
    });
  const channel = await storeChannelOf(ctx.trx, input.brandId, location.retailer_id);
  if (!channel)
    throw new DomainError('orders.pos_not_here', 'the brand has no channel for this retailer’s stores', {
      errors: [{ field: 'brandId', message: 'no store channel' }],
    });
  const skuIds = input.lines.map((l) => l.skuId);
  const offers = await offersBySku(ctx.trx, channel, skuIds, ctx.now);
  const agreements = await agreementTerms(ctx.trx, input.brandId, [location.retailer_id]);
  const refused = input.lines.flatMap((l, i) => {
    const o = offers.get(l.skuId);
    const why = !o
      ? 'not_listed'
      : (o.refusal ??
        coverageGap(
          agreements,
          { retailerId: location.retailer_id!, province: location.province },
          o.productLine,
          ctx.now,
        ));
    return why ? [{ field: `lines.${i}.skuId`, message: why }] : [];
  });
  if (refused.length > 0)
    throw new DomainError('orders.not_sellable', 'the store cannot sell every line now', { errors: refused });
  // Priced as collected at the store: no delivery fee.
  const priced = price(
    input.lines.map((l) => ({ ...l, prices: offers.get(l.skuId)!.prices })),
    'pickup',
  );
  if (priced.problems.length > 0)
    throw new DomainError('orders.cart_invalid', 'the sale cannot be rung up as it is', {
      errors: priced.problems,
    });

  const orderId = newId('ord');
  const cartId = newId('crt');
  const now = iso(ctx.now);
  // The counter's basket, kept as a cart so that every order has one.
  await ctx.trx
    .insertInto('orders_cart')
    .values({
      id: cartId,
      shopper_id: walkIn,
      org_id: input.brandId,
      channel_id: channel.id,
      address: null,
      delivery: 'pickup',
      pickup_location_id: location.id,
      status: 'ordered',
      order_id: orderId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const held = await reserveStock(ctx, location, {
    lines: priced.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
    ttlSeconds: 300,
    ref: orderId,
    channelId: channel.id,
  });
  await createShipments(ctx, {
    orgId: input.brandId,
    orderId,
    address: null,
    shipments: [
      {
        location,
        mode: 'counter',
        lines: priced.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
        reservationIds: held.items.map((r) => r.id),
        etaMinutes: 0,
        standardDays: null,
        travelMinutes: null,
      },
    ],
  });
  const provider = providerFor(config);
  const payment = await createPayment(ctx, provider, {
    orgId: input.brandId,
    shopperId: walkIn,
    orderId,
    amount: priced.total,
    ttlMinutes: 5,
    description: `${location.name} POS`,
    returnUrl: '/',
    authCode: input.authCode,
  });
  const order = await saveOrder(
    ctx,
    {
      id: orderId,
      orgId: input.brandId,
      shopperId: walkIn,
      channelId: channel.id,
      cartId,
      delivery: 'counter',
      address: null,
      pickupLocationId: location.id,
      priced,
      payment,
    },
    offers,
    new Map(priced.lines.map((l) => [l.skuId, location.id])),
  );
  // Counter sales are at the store channel's own prices: no price adjuster runs on them.
  await completePlacement(
    ctx,
    ext,
    {
      id: order.id,
      orgId: order.org_id,
      shopperId: walkIn,
      channelId: channel.id,
      channelKind: channel.kind,
      delivery: 'counter',
      subtotal: priced.subtotal,
      total: priced.total,
      lines: priced.lines,
      adjustments: [],
      sentFrom: [{ locationId: location.id, retailerId: location.retailer_id }],
      via: 'counter',
    },
    {},
    { pos: true, storeOrgId: location.store_org_id },
  );
  return { id: orderId, paymentId: payment.id };
}

/** Whether an order was sold at a store's counter, to a walk-in shopper. */
export function soldAtCounter(order: OrderRow): boolean {
  return order.shopper_id === walkIn;
}

/**
 * A counter sale's payment was taken (inside the write that took it, after `payOrder`): the
 * goods go across the counter and the order is completed.
 */
export async function handOverAtCounter(ctx: WriteCtx, orderId: string): Promise<void> {
  const [shipment] = await shipmentsOf(ctx.trx, [orderId]);
  for (const to of ['picking', 'ready', 'picked_up'] as const)
    await moveShipment(ctx, null, shipment.id, { to });
  const delivered = await ctx.trx
    .selectFrom('orders_order')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  await moveOrder(ctx, delivered, 'completed', { note: 'sold at the counter' });
}
