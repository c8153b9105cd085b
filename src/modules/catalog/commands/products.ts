import { iso } from '../../../platform/clock.js';
import { bool, isUniqueViolation } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { gtinProblem, gtinProblemText } from '../domain/gtin.js';
import { type ProductStatus, productTransitionRefusal } from '../domain/lifecycle.js';
import { productView, productWithSkus, skuView } from '../views.js';

export type SkuInput = { code: string; gtin?: string; options?: Record<string, string>; images?: string[] };
export type ProductInput = {
  name: string;
  nameEn?: string;
  description?: string;
  category: string;
  productLine: string;
  optionNames?: string[];
  images?: string[];
  flagship?: boolean;
  skus?: SkuInput[];
};

/** An SKU's options must give exactly one value for each option axis of its product. */
function checkOptions(optionNames: string[], options: Record<string, string>, field: string): void {
  const given = Object.keys(options).sort();
  const wanted = [...optionNames].sort();
  if (given.length !== wanted.length || given.some((k, i) => k !== wanted[i])) {
    throw new DomainError(
      'catalog.options_mismatch',
      `options must be exactly: ${optionNames.join(', ') || 'none'}`,
      {
        errors: [{ field, message: `must have exactly the options ${optionNames.join(', ') || '(none)'}` }],
      },
    );
  }
}

function checkGtin(gtin: string | undefined, field: string): void {
  if (gtin === undefined) return;
  const problem = gtinProblem(gtin);
  if (problem)
    throw new DomainError('catalog.invalid_gtin', `GTIN ${gtin} ${gtinProblemText[problem]}`, {
      errors: [{ field, message: gtinProblemText[problem] }],
      reason: problem,
    });
}

const duplicateCode = (code: string, field: string) =>
  new DomainError('catalog.duplicate_code', `SKU code ${code} is taken`, {
    errors: [{ field, message: 'is already used by another SKU of the brand' }],
  });
const duplicateGtin = (gtin: string | null | undefined, field: string) =>
  new DomainError('catalog.duplicate_gtin', `GTIN ${gtin} is taken`, {
    errors: [{ field, message: 'is already used by another SKU' }],
  });

/** `skus.0.code` inside a product body, `code` in a body of its own. */
const under = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

async function insertSku(
  ctx: WriteCtx,
  scope: TenantScope,
  product: { id: string; org_id: string; option_names: string },
  input: SkuInput,
  prefix: string,
) {
  const optionNames = JSON.parse(product.option_names) as string[];
  const options = input.options ?? {};
  checkOptions(optionNames, options, under(prefix, 'options'));
  checkGtin(input.gtin, under(prefix, 'gtin'));
  // Checked first for a clear answer; the unique indexes still decide a race (PostgreSQL aborts
  // the transaction on a violation, so nothing may be asked after one).
  const taken = await ctx.trx
    .selectFrom('catalog_sku')
    .select(['org_id', 'code', 'gtin'])
    .where((w) =>
      w.or([
        w.and([w('org_id', '=', product.org_id), w('code', '=', input.code)]),
        ...(input.gtin ? [w('gtin', '=', input.gtin)] : []),
      ]),
    )
    .executeTakeFirst();
  if (taken?.org_id === product.org_id && taken.code === input.code)
    throw duplicateCode(input.code, under(prefix, 'code'));
  if (taken) throw duplicateGtin(input.gtin, under(prefix, 'gtin'));
  const siblings = await ctx.trx
    .selectFrom('catalog_sku')
    .select('options')
    .where('product_id', '=', product.id)
    .execute();
  const key = JSON.stringify(optionNames.map((n) => options[n]));
  if (siblings.some((s) => JSON.stringify(optionNames.map((n) => JSON.parse(s.options)[n])) === key)) {
    throw new DomainError('catalog.duplicate_options', 'another SKU of this product has the same options', {
      errors: [{ field: under(prefix, 'options'), message: 'already used by another SKU' }],
    });
  }
  const row = {
    id: newId('sku'),
    org_id: product.org_id,
    product_id: product.id,
    code: input.code,
    gtin: input.gtin ?? null,
    options: JSON.stringify(options),
    images: JSON.stringify(input.images ?? []),
    status: 'active' as const,
    exclusive_channel_id: null,
    created_at: iso(ctx.now),
    updated_at: iso(ctx.now),
  };
  try {
    await scope.on(ctx.trx).insertInto('catalog_sku', [row]).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw /code/.test(
      String((error as Error).message) + String((error as { constraint?: string }).constraint),
    )
      ? duplicateCode(row.code, under(prefix, 'code'))
      : duplicateGtin(row.gtin, under(prefix, 'gtin'));
  }
  await ctx.emit({
    type: 'catalog.sku_created',
    aggregateId: product.id,
    orgId: product.org_id,
    payload: { skuId: row.id, code: row.code },
  });
  return row;
}

/** Creates a product of the member's brand, as a draft, with its first SKUs. */
export async function createProduct(ctx: WriteCtx, scope: TenantScope, brandId: string, input: ProductInput) {
  const now = iso(ctx.now);
  const row = {
    id: newId('prd'),
    org_id: brandId,
    name: input.name,
    name_en: input.nameEn ?? null,
    description: input.description ?? null,
    category: input.category,
    product_line: input.productLine,
    option_names: JSON.stringify(input.optionNames ?? []),
    images: JSON.stringify(input.images ?? []),
    flagship: bool(input.flagship ?? false),
    status: 'draft' as ProductStatus,
    created_at: now,
    updated_at: now,
  };
  await scope.on(ctx.trx).insertInto('catalog_product', [row]).execute();
  await ctx.emit({
    type: 'catalog.product_created',
    aggregateId: row.id,
    orgId: brandId,
    payload: { name: row.name, productLine: row.product_line },
  });
  const skus = [];
  for (const [i, sku] of (input.skus ?? []).entries())
    skus.push(await insertSku(ctx, scope, row, sku, `skus.${i}`));
  return productWithSkus(row, skus);
}

export async function addSku(ctx: WriteCtx, scope: TenantScope, productId: string, input: SkuInput) {
  const product = await scope
    .on(ctx.trx)
    .selectFrom('catalog_product')
    .selectAll()
    .where('id', '=', productId)
    .executeTakeFirstOrThrow(notFound('product', productId));
  return skuView(await insertSku(ctx, scope, product, input, ''));
}

export async function updateProduct(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: Partial<Omit<ProductInput, 'skus' | 'optionNames'>>,
) {
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('catalog_product')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('product', id));
  const changes = Object.fromEntries(
    Object.entries({
      name: input.name,
      name_en: input.nameEn,
      description: input.description,
      category: input.category,
      product_line: input.productLine,
      images: input.images ? JSON.stringify(input.images) : undefined,
      flagship: input.flagship === undefined ? undefined : bool(input.flagship),
    }).filter(([, v]) => v !== undefined),
  );
  const updated = { ...current, ...changes, updated_at: iso(ctx.now) };
  await s
    .updateTable('catalog_product')
    .set({ ...changes, updated_at: updated.updated_at })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    type: 'catalog.product_updated',
    aggregateId: id,
    orgId: current.org_id,
    payload: { changes: Object.keys(changes) },
  });
  return productView(updated);
}

/** Moves a product along its lifecycle; the move is one conditional update on the status it had. */
export async function changeProductStatus(ctx: WriteCtx, scope: TenantScope, id: string, to: ProductStatus) {
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('catalog_product')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('product', id));
  const activeSkus = await ctx.trx
    .selectFrom('catalog_sku')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('product_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const refusal = productTransitionRefusal(current.status, to, { activeSkus: Number(activeSkus.n) });
  if (refusal) {
    throw new DomainError(
      refusal,
      refusal === 'catalog.no_active_sku'
        ? 'a product needs an active SKU to go on sale'
        : `a ${current.status} product cannot become ${to}`,
      { from: current.status, to },
    );
  }
  const moved = await s
    .updateTable('catalog_product')
    .set({ status: to, updated_at: iso(ctx.now) })
    .where('id', '=', id)
    .where('status', '=', current.status)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    throw new DomainError('catalog.illegal_transition', 'the product changed meanwhile; reload it', {
      from: current.status,
      to,
    });
  await ctx.emit({
    type: `catalog.product_${to === 'active' ? 'activated' : to === 'discontinued' ? 'discontinued' : 'drafted'}`,
    aggregateId: id,
    orgId: current.org_id,
    payload: { from: current.status, to },
  });
  return productView({ ...current, status: to, updated_at: iso(ctx.now) });
}

export async function updateSku(
  ctx: WriteCtx,
  scope: TenantScope,
  id: string,
  input: { gtin?: string; images?: string[]; status?: 'active' | 'discontinued' },
) {
  const s = scope.on(ctx.trx);
  const current = await s
    .selectFrom('catalog_sku')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('SKU', id));
  checkGtin(input.gtin, 'gtin');
  if (input.gtin && input.gtin !== current.gtin) {
    const taken = await ctx.trx
      .selectFrom('catalog_sku')
      .select('id')
      .where('gtin', '=', input.gtin)
      .executeTakeFirst();
    if (taken) throw duplicateGtin(input.gtin, 'gtin');
  }
  const changes = Object.fromEntries(
    Object.entries({
      gtin: input.gtin,
      images: input.images ? JSON.stringify(input.images) : undefined,
      status: input.status,
    }).filter(([, v]) => v !== undefined),
  );
  try {
    await s
      .updateTable('catalog_sku')
      .set({ ...changes, updated_at: iso(ctx.now) })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateGtin(input.gtin, 'gtin');
    throw error;
  }
  await ctx.emit({
    type: 'catalog.sku_updated',
    aggregateId: current.product_id,
    orgId: current.org_id,
    payload: { skuId: id, changes: Object.keys(changes) },
  });
  return skuView({ ...current, ...changes, updated_at: iso(ctx.now) } as typeof current);
}
