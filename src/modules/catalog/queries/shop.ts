import type { Executor } from '../../../platform/db/database.js';
import { containsWord, searchWords } from '../../../platform/db/search.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import { categoriesNamed } from '../domain/categories.js';
import { channelById, offersBySku } from './channels.js';

/** The shops a shopper can buy in: every brand's active online channel. */
export async function listShops(db: Executor, page: { limit?: number; cursor?: string }) {
  const query = db
    .selectFrom('catalog_channel')
    .innerJoin('identity_org_view', 'identity_org_view.id', 'catalog_channel.org_id')
    .select([
      'catalog_channel.id',
      'catalog_channel.name',
      'catalog_channel.org_id',
      'identity_org_view.name as brand_name',
      'identity_org_view.attributes',
    ])
    .where('catalog_channel.kind', '=', 'online')
    .where('catalog_channel.status', '=', 'active')
    .where('identity_org_view.status', '=', 'active');
  const shops = await paginate(query, 'catalog_channel.id', page, 'asc');
  return {
    nextCursor: shops.nextCursor,
    items: shops.items
      .sort((a, b) => a.brand_name.localeCompare(b.brand_name))
      .map((r) => {
        const attrs = r.attributes ? (JSON.parse(r.attributes) as Record<string, unknown>) : {};
        return {
          id: r.id,
          name: r.name,
          brandId: r.org_id,
          brandName: r.brand_name,
          brandNameEn: typeof attrs.nameEn === 'string' ? attrs.nameEn : null,
        };
      }),
  };
}

type ShopSku = {
  skuId: string;
  code: string;
  options: Record<string, string>;
  listPrice: number;
  sellingPrice: number;
  sellable: boolean;
  refusal: string | null;
  launchAt: string | null;
};

/**
 * What a shop shows, a page of products at a time (in the order they were added, the flagships
 * first within the page): its listed products with their SKUs at the channel's prices, and whether each sells
 * now (a product before its launch shows, marked, but cannot be bought).
 */
export async function shopProducts(
  db: Executor,
  channelId: string,
  now: Date,
  q: { q?: string; productId?: string; limit?: number; cursor?: string },
) {
  const channel = await channelById(db, channelId);
  if (channel?.kind !== 'online' || channel.status !== 'active') throw notFound('shop', channelId)();
  let listed = db
    .selectFrom('catalog_product')
    .select('catalog_product.id')
    .where('catalog_product.status', '<>', 'draft')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('catalog_listing')
          .select('catalog_listing.sku_id')
          .whereRef('catalog_listing.product_id', '=', 'catalog_product.id')
          .where('catalog_listing.channel_id', '=', channelId),
      ),
    );
  if (q.productId) listed = listed.where('catalog_product.id', '=', q.productId);
  // Each word names the product (in either language) or its category: "OPPO 手表" finds OPPO's watches.
  for (const word of searchWords(q.q ?? '')) {
    const categories = categoriesNamed(word);
    listed = listed.where((w) =>
      w.or([
        containsWord('catalog_product.name', word),
        containsWord('catalog_product.name_en', word),
        ...(categories.length ? [w('catalog_product.category', 'in', categories)] : []),
      ]),
    );
  }
  // In the order the brand put them in the shop: its first products (the flagships, here) first.
  const page = await paginate(listed, 'catalog_product.id', q, 'asc');
  if (page.items.length === 0) return { channelId, brandId: channel.org_id, items: [], nextCursor: null };
  const query = db
    .selectFrom('catalog_listing')
    .innerJoin('catalog_product', 'catalog_product.id', 'catalog_listing.product_id')
    .innerJoin('catalog_sku', 'catalog_sku.id', 'catalog_listing.sku_id')
    .select([
      'catalog_product.id as product_id',
      'catalog_product.name',
      'catalog_product.name_en',
      'catalog_product.description',
      'catalog_product.category',
      'catalog_product.product_line',
      'catalog_product.images',
      'catalog_product.flagship',
      'catalog_product.option_names',
      'catalog_sku.id as sku_id',
      'catalog_sku.code',
      'catalog_sku.options',
      'catalog_listing.list_price',
      'catalog_listing.selling_price',
    ])
    .where('catalog_listing.channel_id', '=', channelId)
    .where(
      'catalog_product.id',
      'in',
      page.items.map((p) => p.id),
    );
  const rows = await query
    .orderBy('catalog_product.flagship', 'desc')
    .orderBy('catalog_product.name')
    .orderBy('catalog_sku.code')
    .execute();
  const offers = await offersBySku(
    db,
    channel,
    rows.map((r) => r.sku_id),
    now,
  );
  const products = new Map<string, ReturnType<typeof productOf>>();
  function productOf(r: (typeof rows)[number]) {
    return {
      id: r.product_id,
      name: r.name,
      nameEn: r.name_en,
      description: r.description,
      category: r.category,
      productLine: r.product_line,
      images: JSON.parse(r.images) as string[],
      flagship: r.flagship === 1,
      optionNames: JSON.parse(r.option_names) as string[],
      skus: [] as ShopSku[],
    };
  }
  for (const r of rows) {
    const p = products.get(r.product_id) ?? productOf(r);
    const offer = offers.get(r.sku_id);
    const refusal = offer ? offer.refusal : 'not_listed';
    p.skus.push({
      skuId: r.sku_id,
      code: r.code,
      options: JSON.parse(r.options) as Record<string, string>,
      listPrice: Number(r.list_price),
      sellingPrice: Number(r.selling_price),
      sellable: refusal === null,
      refusal,
      launchAt: offer?.launchAt ?? null,
    });
    products.set(r.product_id, p);
  }
  return {
    channelId,
    brandId: channel.org_id,
    nextCursor: page.nextCursor,
    items: [...products.values()].map((p) => ({
      ...p,
      fromPrice: Math.min(...p.skus.map((s) => s.sellingPrice)),
      sellable: p.skus.some((s) => s.sellable),
    })),
  };
}
