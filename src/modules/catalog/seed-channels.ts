import type { Clock } from '../../platform/clock.js';
import { TenantScope } from '../../platform/db/tenant.js';
import { type DemoWorld, type Runtime, systemWrite } from '../../platform/module.js';
import { type ChannelInput, createChannel, setExclusive, setListings } from './commands/channels.js';
import { scheduleLaunch } from './commands/launches.js';
import { addSku } from './commands/products.js';
import type { ChannelKind } from './domain/channels.js';
import { gtinCheckDigit } from './domain/gtin.js';
import { demoCatalog } from './seed-data.js';

const yuan = (n: number) => n * 100;
/** A promotional price: 95% (or 90% live) of the list price, ending in 9 yuan, as Chinese shops price. */
const promo = (listYuan: number, share: number) => {
  const x = Math.floor(listYuan * share);
  return yuan(Math.min(x - (x % 10) + 9, listYuan));
};

/**
 * Channels of the demo brands with their assortments and prices: OPPO sells online, in JD Home
 * stores (flagships at the online price), in its live room (with a live-exclusive A55) and
 * through creators; the Find X3 series launched on 11 March on all three; the Find X5 Pro
 * launches three days after the demo world is made.
 */
export async function seedChannels(rt: Runtime, world: DemoWorld): Promise<void> {
  const plans: Record<string, Array<{ kind: ChannelKind; name: string; retailer?: string }>> = {
    oppo: [
      { kind: 'online', name: 'OPPO 官方商城 Official shop' },
      { kind: 'store', name: '京东之家门店 JD Home stores', retailer: 'jdhome' },
      { kind: 'live', name: 'OPPO 品牌直播间 Brand live room' },
      { kind: 'distribution', name: '达人分销 Creator distribution' },
    ],
    heilan: [
      { kind: 'online', name: '海澜之家官方商城 Official shop' },
      { kind: 'live', name: '海澜之家直播间 Live room' },
    ],
    qingyan: [
      { kind: 'online', name: '青妍官方商城 Official shop' },
      { kind: 'live', name: '青妍直播间 Live room' },
    ],
  };
  const channelIds: Record<string, Record<string, string>> = {};
  for (const [brandKey, channels] of Object.entries(plans)) {
    const brandId = world.orgs[brandKey];
    if (!brandId) continue;
    const scope = new TenantScope(rt.db, { orgIds: [brandId], orgKind: 'brand' });
    channelIds[brandKey] = {};
    for (const c of channels) {
      const input: ChannelInput = {
        kind: c.kind,
        name: c.name,
        ...(c.retailer ? { retailerId: world.orgs[c.retailer] } : {}),
      };
      channelIds[brandKey][c.kind] = (
        await systemWrite(rt, 'catalog.channel.create', (ctx) => createChannel(ctx, scope, brandId, input))
      ).id;
    }
    const ids = channelIds[brandKey];
    const skus = await rt.db
      .selectFrom('catalog_sku')
      .innerJoin('catalog_product', 'catalog_product.id', 'catalog_sku.product_id')
      .select([
        'catalog_sku.id',
        'catalog_sku.code',
        'catalog_sku.options',
        'catalog_product.id as product_id',
        'catalog_product.name',
      ])
      .where('catalog_sku.org_id', '=', brandId)
      .orderBy('catalog_sku.id')
      .execute();
    const products = demoCatalog[brandKey];
    const priced = skus.map((s) => {
      const p = products.find((x) => x.name === s.name)!;
      const storage = (JSON.parse(s.options) as Record<string, string>).storage;
      const step = storage ? (p.options.storage ?? []).indexOf(storage) : 0;
      const list = p.price + step * 500;
      return { sku: s, product: p, list };
    });
    const listOn = (kind: ChannelKind, share: number, floor?: number) =>
      ids[kind]
        ? systemWrite(rt, 'catalog.listings.set', (ctx) =>
            setListings(
              ctx,
              scope,
              ids[kind],
              priced.map(({ sku, product, list }) => ({
                skuId: sku.id,
                listPrice: yuan(list),
                sellingPrice: product.flagship ? yuan(list) : promo(list, share),
                floorPrice: floor ? yuan(Math.floor(list * floor)) : null,
              })),
            ),
          )
        : null;
    await listOn('online', 0.95);
    await listOn('store', 0.95);
    await listOn('live', 0.9, 0.85);
    await listOn('distribution', 0.95, 0.9);

    // Launches: by the clock of the day they were scheduled.
    for (const when of ['past', 'upcoming'] as const) {
      const launching = products.filter((p) => p.launch === when);
      const now = rt.clock.now();
      const startsAt =
        when === 'past'
          ? '2026-03-11T02:00:00.000Z'
          : new Date(
              Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3, 2),
            ).toISOString();
      const scheduledOn: Clock = when === 'past' ? { now: () => new Date('2026-03-01T02:00:00Z') } : rt.clock;
      for (const p of launching) {
        const productId = priced.find((x) => x.product === p)?.sku.product_id;
        if (!productId) continue;
        const channelIdsOfLaunch = ['online', 'store', 'live'].flatMap((k) => (ids[k] ? [ids[k]] : []));
        await systemWrite(
          rt,
          'catalog.launch.schedule',
          (ctx) => scheduleLaunch(ctx, scope, productId, { startsAt, channelIds: channelIdsOfLaunch }),
          scheduledOn,
        );
      }
    }

    // Specify supply: an A55 colourway made for the live room only.
    const a55 = priced.find((x) => x.product.codePrefix === 'A55');
    if (a55 && ids.live) {
      const body = '693216900001';
      const sku = await systemWrite(rt, 'catalog.sku.create', (ctx) =>
        addSku(ctx, scope, a55.sku.product_id, {
          code: 'A55-LIVE-VIOLET',
          gtin: body + gtinCheckDigit(body),
          options: { colour: '直播专供 Live Violet' },
        }),
      );
      await systemWrite(rt, 'catalog.sku.exclusive', (ctx) => setExclusive(ctx, scope, sku.id, ids.live));
      await systemWrite(rt, 'catalog.listings.set', (ctx) =>
        setListings(ctx, scope, ids.live, [
          { skuId: sku.id, listPrice: yuan(1299), sellingPrice: yuan(1099), floorPrice: yuan(1049) },
        ]),
      );
    }
  }
  world.channels = channelIds;
}
