import { iso } from '../../../platform/clock.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { launchView } from '../queries/channels.js';

/**
 * Schedules a product to go on sale at one instant on the chosen channels (or moves the
 * instant, or changes the channels). Once the instant has passed, it stands: channels may be
 * added, the instant no longer moves.
 */
export async function scheduleLaunch(
  ctx: WriteCtx,
  scope: TenantScope,
  productId: string,
  input: { startsAt: string; channelIds: string[] },
) {
  const s = scope.on(ctx.trx);
  const product = await s
    .selectFrom('catalog_product')
    .select(['id', 'org_id', 'name', 'name_en'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow(notFound('product', productId));
  const startsAt = iso(new Date(input.startsAt));
  const channels = await ctx.trx
    .selectFrom('catalog_channel')
    .select('id')
    .where('org_id', '=', product.org_id)
    .where('id', 'in', input.channelIds)
    .execute();
  const known = new Set(channels.map((c) => c.id));
  const unknown = input.channelIds.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw new DomainError('catalog.unknown_channel', 'not a channel of the brand', {
      errors: [{ field: `channelIds.${unknown}`, message: 'is not a channel of the brand' }],
    });
  const current = await ctx.trx
    .selectFrom('catalog_launch')
    .selectAll()
    .where('product_id', '=', productId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  const launched = current && Date.parse(current.starts_at) <= ctx.now.getTime();
  if (launched && current.starts_at !== startsAt)
    throw new DomainError(
      'catalog.already_launched',
      `the product went on sale at ${current.starts_at}; that instant stands`,
      {
        errors: [{ field: 'startsAt', message: 'cannot move after the launch' }],
      },
    );
  if (!launched && Date.parse(startsAt) <= ctx.now.getTime())
    throw new DomainError('request.invalid', 'a launch is scheduled in the future', {
      errors: [{ field: 'startsAt', message: 'must be in the future' }],
    });
  const now = iso(ctx.now);
  const row = current
    ? { ...current, starts_at: startsAt, channel_ids: JSON.stringify(input.channelIds), updated_at: now }
    : {
        id: newId('lch'),
        org_id: product.org_id,
        product_id: productId,
        starts_at: startsAt,
        channel_ids: JSON.stringify(input.channelIds),
        status: 'scheduled' as const,
        created_at: now,
        updated_at: now,
      };
  if (current)
    await ctx.trx
      .updateTable('catalog_launch')
      .set({ starts_at: row.starts_at, channel_ids: row.channel_ids, updated_at: now })
      .where('id', '=', current.id)
      .execute();
  else await ctx.trx.insertInto('catalog_launch').values(row).execute();
  await ctx.emit({
    type: 'catalog.launch_scheduled',
    aggregateId: productId,
    orgId: product.org_id,
    payload: { launchId: row.id, startsAt, channelIds: input.channelIds },
  });
  return launchView({ ...row, name: product.name, name_en: product.name_en }, ctx.now);
}

/** Calls a launch off before its instant: the product then sells wherever it is listed. */
export async function cancelLaunch(ctx: WriteCtx, scope: TenantScope, productId: string) {
  const product = await scope
    .on(ctx.trx)
    .selectFrom('catalog_product')
    .select(['id', 'org_id'])
    .where('id', '=', productId)
    .executeTakeFirstOrThrow(notFound('product', productId));
  const current = await ctx.trx
    .selectFrom('catalog_launch')
    .selectAll()
    .where('product_id', '=', productId)
    .where('status', '=', 'scheduled')
    .executeTakeFirstOrThrow(notFound('launch'));
  if (Date.parse(current.starts_at) <= ctx.now.getTime())
    throw new DomainError('catalog.already_launched', 'the product has gone on sale; its launch stands');
  await ctx.trx
    .updateTable('catalog_launch')
    .set({ status: 'cancelled', updated_at: iso(ctx.now) })
    .where('id', '=', current.id)
    .where('status', '=', 'scheduled')
    .execute();
  await ctx.emit({
    type: 'catalog.launch_cancelled',
    aggregateId: productId,
    orgId: product.org_id,
    payload: { launchId: current.id },
  });
  return { ok: true };
}
