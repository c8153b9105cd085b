import { addMs, ManualClock } from '../../platform/clock.js';
import { type DemoWorld, type Runtime, systemWrite } from '../../platform/module.js';
import type { ShopperPrincipal } from '../../platform/principal.js';
import { channelById, channelOffers } from '../catalog/index.js';
import { moveShipment } from '../fulfilment/index.js';
import { applyNotification, callProvider, providerFor } from '../payments/index.js';
import { createCart, setCartLine, setDelivery } from './commands/carts.js';
import { placeOrder } from './commands/place.js';
import type { OrderExtensions } from './extensions.js';

/** Shoppers' flats around JD Home's Beijing stores. */
const homes = [
  {
    province: '北京',
    city: '北京',
    district: '朝阳区',
    line: '工体北路 8 号院 3 号楼',
    lat: 39.9366,
    lng: 116.4472,
    name: '王小明',
    phone: '13800000000',
  },
  {
    province: '北京',
    city: '北京',
    district: '朝阳区',
    line: '望京街 10 号',
    lat: 39.9925,
    lng: 116.4707,
    name: '王小明',
    phone: '13800000000',
  },
  {
    province: '北京',
    city: '北京',
    district: '海淀区',
    line: '中关村大街 27 号',
    lat: 39.9788,
    lng: 116.3175,
    name: '王小明',
    phone: '13800000000',
  },
];

/**
 * The demo shopper's orders: a week of one-hour deliveries in Beijing, picked, handed over and
 * delivered (one of them late, so the promise-kept rate is not a flat 100%), and today's order
 * waiting in JD Home Sanlitun's task queue. Paid through the sandbox; the books follow.
 */
export async function seedOrders(rt: Runtime, ext: OrderExtensions, world: DemoWorld): Promise<void> {
  const online = (world.channels as Record<string, Record<string, string>> | undefined)?.oppo?.online;
  const shopperId = world.users.shopper;
  const sanlitun = (world.locations as Record<string, string> | undefined)?.['oppo:bj-sanlitun'];
  if (!online || !shopperId || !sanlitun) return;
  const shopper: ShopperPrincipal = { type: 'shopper', shopperId, via: 'session', credentialId: 'demo' };
  const provider = providerFor(rt.config);
  const channel = (await channelById(rt.db, online))!;
  // SKUs the shop sells now that Sanlitun holds: the stores' bestsellers.
  const held = await rt.db
    .selectFrom('inventory_level_view')
    .select('sku_id')
    .where('location_id', '=', sanlitun)
    .where((eb) => eb('on_hand', '-', eb.ref('reserved')), '>=', 3)
    .execute();
  const sellable = (
    await channelOffers(
      rt.db,
      channel,
      held.map((h) => h.sku_id),
      rt.clock.now(),
    )
  )
    .filter((o) => o.refusal === null)
    .map((o) => o.skuId);
  if (sellable.length === 0) return;

  const now = rt.clock.now();
  const at = (t: Date) => new ManualClock(t);
  async function order(placedAt: Date, home: (typeof homes)[number], skuId: string, mode: 'hour' | 'pickup') {
    const clock = at(placedAt);
    const cart = await systemWrite(
      rt,
      'orders.cart.create',
      (ctx) => createCart(ctx, ext, shopper, { channelId: online! }),
      clock,
    );
    await systemWrite(
      rt,
      'orders.cart.line',
      (ctx) => setCartLine(ctx, ext, shopper, cart.id, { skuId, quantity: 1 }),
      clock,
    );
    await systemWrite(
      rt,
      'orders.cart.delivery',
      (ctx) =>
        setDelivery(ctx, ext, shopper, cart.id, {
          mode,
          address: home,
          ...(mode === 'pickup' ? { pickupLocationId: sanlitun } : {}),
        }),
      clock,
    );
    const placed = await systemWrite(
      rt,
      'orders.order.place',
      (ctx) => placeOrder(ctx, { config: rt.config, ext }, shopper, { cartId: cart.id }),
      clock,
    );
    await callProvider(rt, placed.payment.id);
    clock.advance(60_000);
    await systemWrite(
      rt,
      'payments.notification',
      async (ctx) => applyNotification(ctx, provider, await provider.takeNow(ctx, placed.payment.id), '{}'),
      clock,
    );
    return { placed, clock };
  }

  const chinaTwoPm = (daysAgo: number, minutes: number) => {
    const d = new Date(now.getTime() - daysAgo * 86_400_000);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 6, minutes));
  };
  let n = 0;
  for (let daysAgo = 6; daysAgo >= 1; daysAgo--) {
    for (const [i, home] of homes.entries()) {
      const skuId = sellable[n++ % sellable.length];
      const { placed, clock } = await order(chinaTwoPm(daysAgo, i * 47), home, skuId, 'hour').catch(() => ({
        placed: null,
        clock: null,
      }));
      if (!placed || !clock) continue;
      for (const s of placed.shipments) {
        for (const [to, minutes] of [
          ['picking', 1],
          ['ready', 6],
          ['out_for_delivery', 1],
        ] as const) {
          clock.advance(minutes * 60_000);
          await systemWrite(
            rt,
            'fulfilment.shipment.move',
            (ctx) =>
              moveShipment(ctx, null, s.id, {
                to,
                ...(to === 'out_for_delivery' ? { courier: { name: '李师傅', phone: '13900000000' } } : {}),
              }),
            clock,
          );
        }
        // One ride in eighteen meets traffic: that promise is broken.
        const ride = Math.max(3, (s.etaMinutes ?? 30) - 10) + (n % 18 === 5 ? 25 : 0);
        clock.set(addMs(clock.now(), ride * 60_000));
        await systemWrite(
          rt,
          'fulfilment.courier.deliver',
          (ctx) => moveShipment(ctx, null, s.id, { to: 'delivered' }),
          clock,
        );
      }
    }
  }
  // Today's order, waiting for the Sanlitun staff: within the hour when the stores are open, else a pick-up.
  const today = await order(now, homes[0], sellable[0], 'hour').catch(() =>
    order(now, homes[0], sellable[0], 'pickup'),
  );
  world.orders = { today: today.placed.id };
}
