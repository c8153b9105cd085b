import { iso } from '../../../platform/clock.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { ShopperPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import type { IdentityTables } from '../repo.js';
import { addressView } from '../views.js';

type AddressRow = IdentityTables['identity_shopper_address'];
export type AddressFields = Pick<AddressRow, 'name' | 'phone' | 'province' | 'city' | 'district' | 'line'> & {
  lat?: number;
  lng?: number;
};

/** As many addresses as the seller centres allow a buyer (Taobao and JD keep 20). */
export const addressBookSize = 20;

const book = (ctx: WriteCtx, p: ShopperPrincipal) =>
  new TenantScope(ctx.trx, { shopperId: p.shopperId }).selectFrom('identity_shopper_address');

/**
 * Changes to one shopper's book wait for each other (on PostgreSQL the shopper's row is locked
 * until commit): the count of addresses and the one default are read after the change before.
 */
async function lockBook(ctx: WriteCtx, p: ShopperPrincipal) {
  await ctx.trx
    .updateTable('identity_shopper')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', p.shopperId)
    .execute();
}

/** Makes `id` the shopper's one default address (the database holds there is one at most). */
async function makeDefault(ctx: WriteCtx, p: ShopperPrincipal, id: string) {
  await ctx.trx
    .updateTable('identity_shopper_address')
    .set({ is_default: 0 })
    .where('shopper_id', '=', p.shopperId)
    .where('is_default', '=', 1)
    .where('id', '!=', id)
    .execute();
  await ctx.trx.updateTable('identity_shopper_address').set({ is_default: 1 }).where('id', '=', id).execute();
}

/** Keeps an address; the first one, or one asked to be, becomes the default. */
export async function addAddress(
  ctx: WriteCtx,
  p: ShopperPrincipal,
  input: AddressFields & { isDefault?: boolean },
) {
  await lockBook(ctx, p);
  const kept = await book(ctx, p)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(kept.n) >= addressBookSize)
    throw new DomainError('identity.address_book_full', `an address book keeps ${addressBookSize} addresses`);
  const now = iso(ctx.now);
  const { isDefault, ...fields } = input;
  const row: AddressRow = {
    id: newId('adr'),
    shopper_id: p.shopperId,
    ...fields,
    lat: fields.lat ?? null,
    lng: fields.lng ?? null,
    is_default: 0,
    created_at: now,
    updated_at: now,
  };
  await ctx.trx.insertInto('identity_shopper_address').values(row).execute();
  if (isDefault || Number(kept.n) === 0) await makeDefault(ctx, p, row.id);
  return addressOf(ctx, p, row.id);
}

/** Changes an address, or makes it the default; another shopper's is not found. */
export async function updateAddress(
  ctx: WriteCtx,
  p: ShopperPrincipal,
  id: string,
  input: Partial<AddressFields> & { isDefault?: true },
) {
  await lockBook(ctx, p);
  await addressOf(ctx, p, id);
  const { isDefault, ...fields } = input;
  if (Object.keys(fields).length)
    await ctx.trx
      .updateTable('identity_shopper_address')
      .set({ ...fieldsOf(fields), updated_at: iso(ctx.now) })
      .where('id', '=', id)
      .execute();
  if (isDefault) await makeDefault(ctx, p, id);
  return addressOf(ctx, p, id);
}

/** Removes an address; when it was the default, the newest one left takes its place. */
export async function removeAddress(ctx: WriteCtx, p: ShopperPrincipal, id: string) {
  await lockBook(ctx, p);
  const gone = await addressOf(ctx, p, id);
  await ctx.trx.deleteFrom('identity_shopper_address').where('id', '=', id).execute();
  if (gone.isDefault) {
    const next = await book(ctx, p).select('id').orderBy('id', 'desc').executeTakeFirst();
    if (next) await makeDefault(ctx, p, next.id);
  }
  return { id, ok: true };
}

async function addressOf(ctx: WriteCtx, p: ShopperPrincipal, id: string) {
  const row = await book(ctx, p)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('identity.address', id));
  return addressView(row);
}

/** The columns a change sets: coordinates given, or cleared when the place moves without them. */
function fieldsOf(input: Partial<AddressFields>) {
  const { lat, lng, ...rest } = input;
  const moved = (['province', 'city', 'district', 'line'] as const).some((k) => rest[k] !== undefined);
  return { ...rest, ...(moved || lat !== undefined ? { lat: lat ?? null, lng: lng ?? null } : {}) };
}
