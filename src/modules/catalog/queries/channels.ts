import type { Executor } from '../../../platform/db/database.js';
import { referenceCache } from '../../../platform/db/reference.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { englishNameOf } from '../../identity/index.js';
import { agreementTerms, linesCovered } from '../../partnership/index.js';
import { type SellRefusal, sellRefusal } from '../domain/channels.js';
import type { CatalogTables } from '../repo.js';

export type ChannelRow = CatalogTables['catalog_channel'];

export function channelView(
  row: ChannelRow & {
    retailer_name?: string | null;
    retailer_attributes?: string | null;
    listings?: unknown;
  },
) {
  return {
    id: row.id,
    brandId: row.org_id,
    kind: row.kind,
    name: row.name,
    retailerId: row.retailer_id,
    retailerName: row.retailer_name ?? null,
    retailerNameEn: englishNameOf(row.retailer_attributes),
    priceParity: row.price_parity === 1,
    status: row.status,
    listings: Number(row.listings ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The channels a member sees, with their retailer's name and listing count. */
function channels(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p)
    .selectFrom('catalog_channel')
    .leftJoin('identity_org_view as retailer', 'retailer.id', 'catalog_channel.retailer_id')
    .selectAll('catalog_channel')
    .select(['retailer.name as retailer_name', 'retailer.attributes as retailer_attributes'])
    .select((eb) =>
      eb
        .selectFrom('catalog_listing')
        .select(eb.fn.countAll().as('n'))
        .whereRef('catalog_listing.channel_id', '=', 'catalog_channel.id')
        .as('listings'),
    );
}

export async function listChannels(
  db: Executor,
  p: MemberPrincipal,
  q: { brandId?: string; limit?: number; cursor?: string },
) {
  // A brand's channels; a retail partner reads the store channel it sells through (visibility.ts).
  let query = channels(db, p);
  if (q.brandId) query = query.where('catalog_channel.org_id', '=', q.brandId);
  const page = await paginate(query, 'catalog_channel.id', q, 'asc');
  const byKind = page.items.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return { items: byKind.map(channelView), nextCursor: page.nextCursor };
}

/** The brand's channel for a retail partner's stores, if it has one. */
export async function storeChannelOf(
  db: Executor,
  brandId: string,
  retailerId: string,
): Promise<ChannelRow | undefined> {
  return db
    .selectFrom('catalog_channel')
    .selectAll()
    .where('org_id', '=', brandId)
    .where('kind', '=', 'store')
    .where('retailer_id', '=', retailerId)
    .executeTakeFirst();
}

const channelRows = referenceCache<ChannelRow | undefined>(async (db, ids) => {
  const rows = await db.selectFrom('catalog_channel').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
});

/** A channel by id, for the shopper's side (a cart names the shop's channel). */
export async function channelById(db: Executor, id: string): Promise<ChannelRow | undefined> {
  return channelRows.get(db, id);
}

export async function findChannel(db: Executor, p: MemberPrincipal, id: string) {
  return channels(db, p)
    .where('catalog_channel.id', '=', id)
    .executeTakeFirstOrThrow(notFound('channel', id));
}

/** The product lines a channel may carry now: a store channel's come from its agreements. */
export async function coveredLines(db: Executor, channel: ChannelRow, now: Date): Promise<string[] | 'all'> {
  if (channel.kind !== 'store' || !channel.retailer_id) return 'all';
  return linesCovered(
    await agreementTerms(db, channel.org_id, [channel.retailer_id]),
    channel.retailer_id,
    now,
  );
}

export type Offer = {
  skuId: string;
  productId: string;
  productLine: string;
  code: string;
  name: string;
  nameEn: string | null;
  options: Record<string, string>;
  listed: boolean;
  prices: { listPrice: number; sellingPrice: number; floorPrice: number | null } | null;
  refusal: SellRefusal | null;
  /** When a SKU not launched yet goes on sale on this channel (`before_launch`), else null. */
  launchAt: string | null;
};

/**
 * Whether each SKU can be sold on a channel at `now`, and at what price: the rule of
 * `sellRefusal` over the facts in the database. Inventory's availability and (next) orders
 * ask this before they promise anything.
 */
export async function channelOffers(
  db: Executor,
  channel: ChannelRow,
  skuIds: string[],
  now: Date,
): Promise<Offer[]> {
  if (skuIds.length === 0) return [];
  const keys = [...new Set(skuIds)].map((skuId) => `${channel.id} ${channel.org_id} ${skuId}`);
  const facts = await offerFacts.getMany(db, keys);
  const rows = keys.flatMap((k) => facts.get(k) ?? []);
  const lines = await coveredLines(db, channel, now);
  return rows.map((r) => {
    const listed = r.selling_price !== null;
    const launch = r.starts_at
      ? { startsAt: r.starts_at, channelIds: JSON.parse(r.channel_ids as string) as string[] }
      : null;
    const refusal = sellRefusal({
      channel: { id: channel.id, status: channel.status },
      listed,
      product: { status: r.product_status },
      sku: { status: r.sku_status, exclusiveChannelId: r.exclusive_channel_id },
      coveredByAgreement: lines === 'all' || lines.includes(r.product_line),
      launch,
      now,
    });
    return {
      skuId: r.sku_id,
      productId: r.product_id,
      productLine: r.product_line,
      code: r.code,
      name: r.name,
      nameEn: r.name_en,
      options: JSON.parse(r.options) as Record<string, string>,
      listed,
      prices: listed
        ? {
            listPrice: Number(r.list_price),
            sellingPrice: Number(r.selling_price),
            floorPrice: r.floor_price === null ? null : Number(r.floor_price),
          }
        : null,
      refusal,
      launchAt: refusal === 'before_launch' ? launch!.startsAt : null,
    };
  });
}

type OfferRow = Awaited<ReturnType<typeof offerRows>>[number];

/** What decides a SKU's offer on a channel, keyed `channel brand sku`: the rule is applied per call, at its `now`. */
const offerFacts = referenceCache<OfferRow | undefined>(async (db, keys) => {
  const skusOf = new Map<string, string[]>();
  for (const key of keys) {
    const at = key.lastIndexOf(' ');
    const prefix = key.slice(0, at);
    skusOf.set(prefix, [...(skusOf.get(prefix) ?? []), key.slice(at + 1)]);
  }
  const found = new Map<string, OfferRow>();
  for (const [prefix, skuIds] of skusOf) {
    const [channelId, orgId] = prefix.split(' ');
    for (const r of await offerRows(db, channelId, orgId, skuIds)) found.set(`${prefix} ${r.sku_id}`, r);
  }
  return found;
});

async function offerRows(db: Executor, channelId: string, orgId: string, skuIds: string[]) {
  return db
    .selectFrom('catalog_sku')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_sku.product_id')
    .leftJoin('catalog_listing', (j) =>
      j
        .onRef('catalog_listing.sku_id', '=', 'catalog_sku.id')
        .on('catalog_listing.channel_id', '=', channelId),
    )
    .leftJoin('catalog_launch', (j) =>
      j
        .onRef('catalog_launch.product_id', '=', 'catalog_product.id')
        .on('catalog_launch.status', '=', 'scheduled'),
    )
    .select([
      'catalog_sku.id as sku_id',
      'catalog_sku.code',
      'catalog_sku.options',
      'catalog_sku.status as sku_status',
      'catalog_product.name',
      'catalog_product.name_en',
      'catalog_sku.exclusive_channel_id',
      'catalog_product.id as product_id',
      'catalog_product.status as product_status',
      'catalog_product.product_line',
      'catalog_listing.list_price',
      'catalog_listing.selling_price',
      'catalog_listing.floor_price',
      'catalog_launch.starts_at',
      'catalog_launch.channel_ids',
    ])
    .where('catalog_sku.id', 'in', skuIds)
    .where('catalog_sku.org_id', '=', orgId)
    .execute();
}

/** `channelOffers` by SKU id, for callers that look offers up line by line. */
export async function offersBySku(
  db: Executor,
  channel: ChannelRow,
  skuIds: string[],
  now: Date,
): Promise<Map<string, Offer>> {
  return new Map((await channelOffers(db, channel, skuIds, now)).map((o) => [o.skuId, o]));
}

/** A channel's listings (its assortment and price list) with whether each sells right now. */
export async function listListings(
  db: Executor,
  p: MemberPrincipal,
  channelId: string,
  now: Date,
  q: { q?: string; limit?: number; cursor?: string },
) {
  const channel = await findChannel(db, p, channelId);
  let query = db
    .selectFrom('catalog_listing')
    .innerJoin('catalog_sku', 'catalog_sku.id', 'catalog_listing.sku_id')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_listing.product_id')
    .select([
      'catalog_listing.sku_id as id',
      'catalog_sku.code',
      'catalog_sku.options',
      'catalog_product.id as product_id',
      'catalog_product.name',
      'catalog_product.name_en',
      'catalog_product.flagship',
      'catalog_listing.list_price',
      'catalog_listing.selling_price',
      'catalog_listing.floor_price',
      'catalog_listing.updated_at',
    ])
    .where('catalog_listing.channel_id', '=', channelId);
  if (q.q) {
    const like = `%${q.q}%`;
    query = query.where((w) =>
      w.or([
        w('catalog_product.name', 'like', like),
        w('catalog_product.name_en', 'like', like),
        w('catalog_sku.code', 'like', like),
      ]),
    );
  }
  const page = await paginate(query, 'catalog_listing.sku_id', q, 'asc');
  const offers = await offersBySku(
    db,
    channel,
    page.items.map((r) => r.id),
    now,
  );
  return {
    items: page.items.map((r) => ({
      skuId: r.id,
      code: r.code,
      options: JSON.parse(r.options) as Record<string, string>,
      productId: r.product_id,
      productName: r.name,
      productNameEn: r.name_en,
      flagship: r.flagship === 1,
      listPrice: Number(r.list_price),
      sellingPrice: Number(r.selling_price),
      floorPrice: r.floor_price === null ? null : Number(r.floor_price),
      sellable: offers.get(r.id)?.refusal === null,
      refusal: offers.get(r.id)?.refusal ?? null,
      updatedAt: r.updated_at,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function listLaunches(
  db: Executor,
  p: MemberPrincipal,
  now: Date,
  page: { limit?: number; cursor?: string },
) {
  const query = db
    .selectFrom('catalog_launch')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_launch.product_id')
    .selectAll('catalog_launch')
    .select(['catalog_product.name', 'catalog_product.name_en'])
    .where('catalog_launch.status', '=', 'scheduled')
    .where(TenantScope.of(db, p).rows('catalog_launch'));
  const launches = await paginate(query, 'catalog_launch.id', page);
  return { items: launches.items.map((r) => launchView(r, now)), nextCursor: launches.nextCursor };
}

export function launchView(
  r: CatalogTables['catalog_launch'] & { name: string; name_en: string | null },
  now: Date,
) {
  return {
    id: r.id,
    productId: r.product_id,
    productName: r.name,
    productNameEn: r.name_en,
    startsAt: r.starts_at,
    channelIds: JSON.parse(r.channel_ids) as string[],
    launched: Date.parse(r.starts_at) <= now.getTime(),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Names of SKUs for lists elsewhere (a store's pick list): product name, English name, code, options. */
export async function skuLabels(db: Executor, skuIds: string[]) {
  if (skuIds.length === 0)
    return new Map<
      string,
      { name: string; nameEn: string | null; code: string; options: Record<string, string> }
    >();
  const rows = await db
    .selectFrom('catalog_sku')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_sku.product_id')
    .select([
      'catalog_sku.id',
      'catalog_sku.code',
      'catalog_sku.options',
      'catalog_product.name',
      'catalog_product.name_en',
    ])
    .where('catalog_sku.id', 'in', [...new Set(skuIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name,
        nameEn: r.name_en,
        code: r.code,
        options: JSON.parse(r.options) as Record<string, string>,
      },
    ]),
  );
}

/** The SKUs a channel lists, in id order; at most `limit` when given. */
export async function listedSkuIds(db: Executor, channelId: string, limit?: number): Promise<string[]> {
  let q = db
    .selectFrom('catalog_listing')
    .select('sku_id')
    .where('channel_id', '=', channelId)
    .orderBy('sku_id');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map((r) => r.sku_id);
}
