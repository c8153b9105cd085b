import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import { bool, isUniqueViolation } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, type ErrorCode, type FieldError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type ChannelKind, priceProblems } from '../domain/channels.js';
import { channelView, coveredLines } from '../queries/channels.js';

export type ChannelInput = { kind: ChannelKind; name: string; retailerId?: string; priceParity?: boolean };
export type ListingInput = {
  skuId: string;
  listPrice: number;
  sellingPrice: number;
  floorPrice?: number | null;
};

const fen = (n: number) => `¥${(n / 100).toFixed(2)}`;

export async function createChannel(ctx: WriteCtx, scope: TenantScope, brandId: string, input: ChannelInput) {
  if ((input.kind === 'store') !== (input.retailerId !== undefined))
    throw new DomainError(
      'catalog.channel_retailer',
      'a store channel names its retail partner; other channels none',
      {
        errors: [
          {
            field: 'retailerId',
            message:
              input.kind === 'store' ? 'is required for a store channel' : 'is only for store channels',
          },
        ],
      },
    );
  if (input.retailerId) {
    const retailer = await ctx.trx
      .selectFrom('identity_org_view')
      .select(['kind', 'status'])
      .where('id', '=', input.retailerId)
      .executeTakeFirst();
    if (retailer?.kind !== 'retailer')
      throw new DomainError('catalog.channel_retailer', 'a store channel sells through a retailer', {
        errors: [{ field: 'retailerId', message: 'must be a retailer' }],
      });
  }
  const now = iso(ctx.now);
  const row = {
    id: newId('chn'),
    org_id: brandId,
    kind: input.kind,
    name: input.name,
    retailer_id: input.retailerId ?? null,
    price_parity: bool(input.priceParity ?? input.kind === 'store'),
    status: 'active' as const,
    created_at: now,
    updated_at: now,
  };
  try {
    await scope.on(ctx.trx).insertInto('catalog_channel', [row]).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('catalog.channel_exists', 'the brand has this channel already', {
      errors: [{ field: input.kind === 'store' ? 'retailerId' : 'kind', message: 'already has a channel' }],
    });
  }
  await ctx.emit({
    type: 'catalog.channel_created',
    aggregateId: row.id,
    orgId: brandId,
    payload: { kind: row.kind },
  });
  return channelView(row);
}

export async function updateChannel(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: { name?: string; status?: 'active' | 'paused'; priceParity?: boolean },
) {
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('catalog_channel')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('channel', id));
  const changes = Object.fromEntries(
    Object.entries({
      name: input.name,
      status: input.status,
      price_parity: input.priceParity === undefined ? undefined : bool(input.priceParity),
    }).filter(([, v]) => v !== undefined),
  );
  const updated = { ...current, ...changes, updated_at: iso(ctx.now) };
  await s
    .updateTable('catalog_channel')
    .set({ ...changes, updated_at: updated.updated_at })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    type: 'catalog.channel_updated',
    aggregateId: id,
    orgId: current.org_id,
    payload: { changes: Object.keys(changes) },
  });
  return channelView(updated);
}

type Refusal = FieldError & { code: ErrorCode };

function refuse(refusals: Refusal[]): never {
  const [first] = refusals;
  throw new DomainError(
    first.code,
    refusals.length === 1 ? `${first.field} ${first.message}` : `${refusals.length} listings refused`,
    {
      errors: refusals.map(({ field, message }) => ({ field, message })),
    },
  );
}

/**
 * Lists SKUs on a channel at their prices (or changes their prices), all or none. Refused:
 * another brand's SKU, an SKU exclusive to another channel, a line no agreement in force with a
 * store channel's retailer covers, bad prices, and a flagship price off the online price where
 * the store channel keeps parity. Online prices carry over to the parity store channels.
 */
export async function setListings(
  ctx: WriteCtx,
  scope: TenantScope,
  channelId: string,
  items: ListingInput[],
) {
  const s = scope.on(ctx.trx);
  const channel = await s
    .selectFrom('catalog_channel')
    .selectAll()
    .where('id', '=', channelId)
    .executeTakeFirstOrThrow(notFound('channel', channelId));
  const skuIds = [...new Set(items.map((i) => i.skuId))];
  const skus = new Map(
    (
      await s
        .selectFrom('catalog_sku')
        .innerJoin('catalog_product', 'catalog_product.id', 'catalog_sku.product_id')
        .select([
          'catalog_sku.id',
          'catalog_sku.exclusive_channel_id',
          'catalog_product.id as product_id',
          'catalog_product.flagship',
          'catalog_product.product_line',
        ])
        .where('catalog_sku.id', 'in', skuIds)
        .where('catalog_sku.org_id', '=', channel.org_id)
        .execute()
    ).map((k) => [k.id, k]),
  );
  const lines = await coveredLines(ctx.trx, channel, ctx.now);
  const online =
    channel.kind === 'store' && channel.price_parity
      ? new Map(
          (
            await ctx.trx
              .selectFrom('catalog_listing')
              .innerJoin('catalog_channel', 'catalog_channel.id', 'catalog_listing.channel_id')
              .select(['catalog_listing.sku_id', 'catalog_listing.selling_price'])
              .where('catalog_channel.org_id', '=', channel.org_id)
              .where('catalog_channel.kind', '=', 'online')
              .where('catalog_listing.sku_id', 'in', skuIds)
              .execute()
          ).map((l) => [l.sku_id, Number(l.selling_price)]),
        )
      : new Map<string, number>();

  const refusals: Refusal[] = [];
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    const at = `items.${i}.`;
    const sku = skus.get(item.skuId);
    const no = (code: ErrorCode, field: string, message: string) =>
      refusals.push({ code, field: `${at}${field}`, message });
    if (seen.has(item.skuId)) no('request.invalid', 'skuId', 'is listed twice in this request');
    seen.add(item.skuId);
    if (!sku) {
      no('catalog.unknown_sku', 'skuId', 'is not an SKU of the brand');
      continue;
    }
    for (const e of priceProblems({ ...item, floorPrice: item.floorPrice ?? null }, at))
      refusals.push({ code: 'catalog.invalid_price', ...e });
    if (sku.exclusive_channel_id && sku.exclusive_channel_id !== channel.id)
      no(
        'catalog.exclusive_elsewhere',
        'skuId',
        'is made for another channel only (channel-exclusive supply)',
      );
    if (lines !== 'all' && !lines.includes(sku.product_line))
      no(
        'catalog.not_covered',
        'skuId',
        `its line ${sku.product_line} is in no agreement in force with this retailer`,
      );
    const onlinePrice = online.get(item.skuId);
    if (sku.flagship === 1 && onlinePrice !== undefined && onlinePrice !== item.sellingPrice)
      no(
        'catalog.price_parity',
        'sellingPrice',
        `must be the online price ${fen(onlinePrice)}: stores sell flagship SKUs at the online price`,
      );
  }
  if (refusals.length) refuse(refusals);

  const now = iso(ctx.now);
  for (const item of items) {
    const sku = skus.get(item.skuId)!;
    const prices = {
      list_price: item.listPrice,
      selling_price: item.sellingPrice,
      floor_price: item.floorPrice ?? null,
    };
    await ctx.trx
      .insertInto('catalog_listing')
      .values({
        org_id: channel.org_id,
        channel_id: channel.id,
        sku_id: item.skuId,
        product_id: sku.product_id,
        ...prices,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['channel_id', 'sku_id']).doUpdateSet({ ...prices, updated_at: now }))
      .execute();
  }
  if (channel.kind === 'online')
    await carryOnlinePrices(
      ctx,
      channel.org_id,
      items.filter((i) => skus.get(i.skuId)?.flagship === 1),
    );
  await ctx.emit({
    type: 'catalog.listings_changed',
    aggregateId: channel.id,
    orgId: channel.org_id,
    payload: { skuIds },
  });
  return { channelId: channel.id, listed: items.length };
}

/** A new online price of a flagship SKU becomes the price of every store channel that keeps parity. */
async function carryOnlinePrices(ctx: WriteCtx, brandId: string, flagship: ListingInput[]) {
  for (const item of flagship) {
    const res = await ctx.trx
      .updateTable('catalog_listing')
      .set({
        list_price: item.listPrice,
        selling_price: item.sellingPrice,
        floor_price: sql<
          number | null
        >`case when floor_price > ${item.sellingPrice} then ${item.sellingPrice} else floor_price end`,
        updated_at: iso(ctx.now),
      })
      .where('sku_id', '=', item.skuId)
      .where('channel_id', 'in', (eb) =>
        eb
          .selectFrom('catalog_channel')
          .select('id')
          .where('org_id', '=', brandId)
          .where('kind', '=', 'store')
          .where('price_parity', '=', 1),
      )
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0)
      await ctx.emit({
        type: 'catalog.parity_prices_changed',
        aggregateId: item.skuId,
        orgId: brandId,
        payload: { sellingPrice: item.sellingPrice, storeListings: Number(res.numUpdatedRows) },
      });
  }
}

export async function removeListings(ctx: WriteCtx, scope: TenantScope, channelId: string, skuIds: string[]) {
  const channel = await scope
    .on(ctx.trx)
    .selectFrom('catalog_channel')
    .selectAll()
    .where('id', '=', channelId)
    .executeTakeFirstOrThrow(notFound('channel', channelId));
  // An id that is not one of the brand's SKUs is named, not skipped in silence.
  const own = new Set(
    (
      await ctx.trx
        .selectFrom('catalog_sku')
        .select('id')
        .where('org_id', '=', channel.org_id)
        .where('id', 'in', skuIds)
        .execute()
    ).map((r) => r.id),
  );
  const foreign = skuIds.flatMap((id, i) =>
    own.has(id)
      ? []
      : [
          {
            code: 'catalog.unknown_sku' as const,
            field: `skuIds.${i}`,
            message: 'is not an SKU of the brand',
          },
        ],
  );
  if (foreign.length > 0) refuse(foreign);
  const removed = await ctx.trx
    .deleteFrom('catalog_listing')
    .where('channel_id', '=', channelId)
    .where('sku_id', 'in', skuIds)
    .returning('sku_id')
    .execute();
  if (removed.length > 0)
    await ctx.emit({
      type: 'catalog.listings_removed',
      aggregateId: channelId,
      orgId: channel.org_id,
      payload: { skuIds: removed.map((r) => r.sku_id) },
    });
  return { channelId, removed: removed.length };
}

/**
 * Specify supply: makes an SKU exclusive to one channel (or lifts it). An SKU listed on another
 * channel must be taken off there first.
 */
export async function setExclusive(
  ctx: WriteCtx,
  scope: TenantScope,
  skuId: string,
  channelId: string | null,
) {
  const s = scope.on(ctx.trx);
  const sku = await s
    .selectFrom('catalog_sku')
    .selectAll()
    .where('id', '=', skuId)
    .executeTakeFirstOrThrow(notFound('SKU', skuId));
  if (channelId) {
    const channel = await s
      .selectFrom('catalog_channel')
      .select(['id', 'org_id'])
      .where('id', '=', channelId)
      .executeTakeFirst();
    if (channel?.org_id !== sku.org_id)
      throw new DomainError('catalog.unknown_channel', 'not a channel of the brand', {
        errors: [{ field: 'channelId', message: 'is not a channel of the brand' }],
      });
    const elsewhere = await ctx.trx
      .selectFrom('catalog_listing')
      .innerJoin('catalog_channel', 'catalog_channel.id', 'catalog_listing.channel_id')
      .select('catalog_channel.name')
      .where('catalog_listing.sku_id', '=', skuId)
      .where('catalog_listing.channel_id', '!=', channelId)
      .execute();
    if (elsewhere.length)
      throw new DomainError(
        'catalog.listed_elsewhere',
        `the SKU is listed on ${elsewhere.map((e) => e.name).join(', ')}; take it off there first`,
        {
          errors: [{ field: 'channelId', message: 'the SKU is listed on other channels' }],
        },
      );
  }
  await s
    .updateTable('catalog_sku')
    .set({ exclusive_channel_id: channelId, updated_at: iso(ctx.now) })
    .where('id', '=', skuId)
    .execute();
  await ctx.emit({
    type: 'catalog.sku_exclusive_changed',
    aggregateId: sku.product_id,
    orgId: sku.org_id,
    payload: { skuId, channelId },
  });
  return { skuId, exclusiveChannelId: channelId };
}
