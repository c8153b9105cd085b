import { iso } from '../../../platform/clock.js';
import { bool, type Executor, isUniqueViolation } from '../../../platform/db/database.js';
import type { TenantScope } from '../../../platform/db/tenant.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { type ImportRow, type LineError, parseCatalogCsv } from '../domain/csv-import.js';
import { type ProductStatus, productTransitionRefusal } from '../domain/lifecycle.js';
import type { CatalogTables } from '../repo.js';

type ProductRow = CatalogTables['catalog_product'];
type SkuRow = CatalogTables['catalog_sku'];

/** What an import did (or, in a dry run, would do). */
export type ImportSummary = {
  dryRun: boolean;
  rows: number;
  products: { created: number; updated: number; unchanged: number };
  skus: { created: number; updated: number; unchanged: number };
};

type Plan = {
  newProducts: ProductRow[];
  changedProducts: Array<{ before: ProductRow; changes: Partial<ProductRow> }>;
  newSkus: SkuRow[];
  changedSkus: Array<{ before: SkuRow; changes: Partial<SkuRow> }>;
  summary: ImportSummary;
};

/** The most problems one rejection lists; a file that is wrong everywhere is wrong in the same few ways. */
const maxReported = 2000;
const chunk = 500;

function chunks<T>(items: T[], size = chunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function rejected(errors: LineError[]): DomainError {
  const lines = new Set(errors.map((e) => e.line)).size;
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return new DomainError(
    'catalog.import_rejected',
    `the file was not imported: ${errors.length} problem(s) on ${lines} line(s); nothing was changed`,
    { errors: sorted.slice(0, maxReported), problemCount: errors.length, lineCount: lines },
  );
}

/**
 * Works out everything an import of `text` into `brandId`'s catalogue would change, checking the
 * file against the catalogue as it stands in `db` (the write's transaction, or the database for a
 * dry run). Throws `catalog.import_rejected` naming every bad line and field.
 */
async function planImport(db: Executor, scope: TenantScope, brandId: string, text: string, now: Date) {
  const { rows, errors } = parseCatalogCsv(text);
  if (errors.length) throw rejected(errors);
  const s = scope.on(db);
  const products = await s.selectFrom('catalog_product').selectAll().where('org_id', '=', brandId).execute();
  const skus = await s.selectFrom('catalog_sku').selectAll().where('org_id', '=', brandId).execute();
  const byName = new Map<string, ProductRow[]>();
  for (const p of products) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const productById = new Map(products.map((p) => [p.id, p]));
  const skuByCode = new Map(skus.map((k) => [k.code, k]));
  const skusOf = new Map<string, SkuRow[]>();
  for (const k of skus) skusOf.set(k.product_id, [...(skusOf.get(k.product_id) ?? []), k]);
  // GTINs name trade items worldwide: one held by another brand, or by another SKU, is taken.
  const gtinHolder = new Map<string, { org_id: string; code: string }>();
  const fileGtins = rows.flatMap((r) => (r.sku.gtin ? [r.sku.gtin] : []));
  for (const part of chunks(fileGtins))
    for (const h of await db
      .selectFrom('catalog_sku')
      .select(['gtin', 'org_id', 'code'])
      .where('gtin', 'in', part)
      .execute())
      gtinHolder.set(h.gtin as string, h);

  const fileGtinOf = new Map(rows.map((r) => [r.sku.code, r.sku.gtin]));
  const groups = new Map<string, ImportRow[]>();
  for (const r of rows) groups.set(r.product.name, [...(groups.get(r.product.name) ?? []), r]);
  const fail = (r: ImportRow, field: string, message: string) =>
    errors.push({ line: r.line, field, message });
  const stamp = iso(now);
  const plan: Plan = {
    newProducts: [],
    changedProducts: [],
    newSkus: [],
    changedSkus: [],
    summary: {
      dryRun: false,
      rows: rows.length,
      products: { created: 0, updated: 0, unchanged: 0 },
      skus: { created: 0, updated: 0, unchanged: 0 },
    },
  };

  for (const [name, group] of groups) {
    const head = group[0];
    const matches = byName.get(name) ?? [];
    if (matches.length > 1) {
      fail(head, 'product_name', `matches ${matches.length} products of the brand; rename one first`);
      continue;
    }
    const existing = matches[0];
    const optionNames = head.product.optionNames;
    if (existing && existing.option_names !== JSON.stringify(optionNames)) {
      const axes = (JSON.parse(existing.option_names) as string[]).join(', ') || 'none';
      fail(head, 'option_1_name', `the product's options are ${axes}; they cannot change`);
      continue;
    }
    const productId = existing?.id ?? newId('prd');
    const keyOf = (options: Record<string, string>) => JSON.stringify(optionNames.map((n) => options[n]));
    const inFile = new Set(group.map((r) => r.sku.code));
    const combos = new Map<string, string>();
    let activeSkus = 0;
    for (const k of skusOf.get(productId) ?? []) {
      if (inFile.has(k.code)) continue;
      combos.set(keyOf(JSON.parse(k.options)), k.code);
      if (k.status === 'active') activeSkus++;
    }
    const productSkus: Array<{ row: ImportRow; before?: SkuRow; status: SkuRow['status'] }> = [];
    for (const r of group) {
      const before = skuByCode.get(r.sku.code);
      if (before && before.product_id !== productId) {
        const owner = productById.get(before.product_id)?.name ?? before.product_id;
        fail(r, 'sku_code', `belongs to product ${owner}; an SKU cannot move to another product`);
        continue;
      }
      if (before && keyOf(JSON.parse(before.options)) !== keyOf(r.sku.options)) {
        fail(r, 'option_1_value', "an existing SKU's options cannot change");
        continue;
      }
      const key = keyOf(r.sku.options);
      const twin = combos.get(key);
      if (twin) fail(r, 'option_1_value', `SKU ${twin} of this product has the same options`);
      combos.set(key, r.sku.code);
      const holder = r.sku.gtin ? gtinHolder.get(r.sku.gtin) : undefined;
      // A GTIN of the brand's own SKU is free when that SKU is in the file with another one.
      const released = holder?.org_id === brandId && fileGtinOf.get(holder.code) !== r.sku.gtin;
      if (holder && !(holder.org_id === brandId && (holder.code === r.sku.code || released)))
        fail(
          r,
          'gtin',
          holder.org_id === brandId ? `is used by SKU ${holder.code}` : 'is used by another brand',
        );
      const status = r.sku.status ?? before?.status ?? 'active';
      if (status === 'active') activeSkus++;
      productSkus.push({ row: r, before, status });
    }

    const to: ProductStatus = head.product.status ?? existing?.status ?? 'draft';
    const from: ProductStatus = existing?.status ?? 'draft';
    const refusal =
      to === from
        ? to === 'active' && activeSkus === 0
          ? 'catalog.no_active_sku'
          : null
        : productTransitionRefusal(from, to, { activeSkus });
    if (refusal)
      fail(
        head,
        'product_status',
        refusal === 'catalog.no_active_sku'
          ? `${to} needs at least one active SKU`
          : `a ${from} product cannot become ${to}`,
      );

    const fields = {
      name_en: head.product.nameEn,
      category: head.product.category,
      product_line: head.product.productLine,
      flagship: head.product.flagship === null ? (existing?.flagship ?? 0) : bool(head.product.flagship),
      status: to,
    };
    if (!existing) {
      plan.newProducts.push({
        id: productId,
        org_id: brandId,
        name,
        description: null,
        option_names: JSON.stringify(optionNames),
        images: '[]',
        created_at: stamp,
        updated_at: stamp,
        ...fields,
      });
      plan.summary.products.created++;
    } else {
      const changes = diff(existing, fields);
      if (changes) {
        plan.changedProducts.push({ before: existing, changes: { ...changes, updated_at: stamp } });
        plan.summary.products.updated++;
      } else plan.summary.products.unchanged++;
    }
    for (const { row, before, status } of productSkus) {
      const fieldsOfSku = { gtin: row.sku.gtin, images: JSON.stringify(row.sku.images), status };
      if (!before) {
        plan.newSkus.push({
          id: newId('sku'),
          org_id: brandId,
          product_id: productId,
          code: row.sku.code,
          options: JSON.stringify(row.sku.options),
          exclusive_channel_id: null,
          created_at: stamp,
          updated_at: stamp,
          ...fieldsOfSku,
        });
        plan.summary.skus.created++;
        continue;
      }
      const changes = diff(before, fieldsOfSku);
      if (changes) {
        plan.changedSkus.push({ before, changes: { ...changes, updated_at: stamp } });
        plan.summary.skus.updated++;
      } else plan.summary.skus.unchanged++;
    }
  }
  if (errors.length) throw rejected(errors);
  return plan;
}

function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Partial<T> | null {
  const changes = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v)) as Partial<T>;
  return Object.keys(changes).length ? changes : null;
}

/** Checks a file against the catalogue and says what importing it would do, changing nothing. */
export async function previewCatalogImport(
  db: Executor,
  scope: TenantScope,
  brandId: string,
  text: string,
  now: Date,
) {
  const plan = await planImport(db, scope, brandId, text, now);
  return { ...plan.summary, dryRun: true };
}

/**
 * Imports a catalogue spreadsheet into the brand's catalogue in the write's one transaction:
 * new products and SKUs are created, existing ones (products by name, SKUs by code) updated.
 * Either every row is applied or, when any row is wrong, none is.
 */
export async function importCatalog(ctx: WriteCtx, scope: TenantScope, brandId: string, text: string) {
  const plan = await planImport(ctx.trx, scope, brandId, text, ctx.now);
  const s = scope.on(ctx.trx);
  try {
    for (const part of chunks(plan.newProducts)) await s.insertInto('catalog_product', part).execute();
    for (const { before, changes } of plan.changedProducts)
      await s.updateTable('catalog_product').set(changes).where('id', '=', before.id).execute();
    // GTINs that move between SKUs of the file are released first, so no two SKUs hold one meanwhile.
    const moving = plan.changedSkus.filter((c) => c.changes.gtin !== undefined && c.before.gtin !== null);
    for (const part of chunks(moving))
      await s
        .updateTable('catalog_sku')
        .set({ gtin: null })
        .where(
          'id',
          'in',
          part.map((c) => c.before.id),
        )
        .execute();
    for (const part of chunks(plan.newSkus, 300)) await s.insertInto('catalog_sku', part).execute();
    for (const { before, changes } of plan.changedSkus)
      await s.updateTable('catalog_sku').set(changes).where('id', '=', before.id).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('catalog.import_conflict', 'the catalogue changed while importing; try again');
  }
  const importId = newId('imp');
  const skusOf = new Map<string, string[]>();
  for (const k of plan.newSkus) skusOf.set(k.product_id, [...(skusOf.get(k.product_id) ?? []), k.id]);
  for (const p of plan.newProducts)
    await ctx.emit({
      type: 'catalog.product_created',
      aggregateId: p.id,
      orgId: brandId,
      payload: { name: p.name, productLine: p.product_line, skuIds: skusOf.get(p.id) ?? [], importId },
    });
  const touched = new Set([
    ...plan.changedProducts.map((c) => c.before.id),
    ...plan.changedSkus.map((c) => c.before.product_id),
    ...plan.newSkus.map((k) => k.product_id),
  ]);
  for (const p of plan.newProducts) touched.delete(p.id);
  for (const id of touched)
    await ctx.emit({
      type: 'catalog.product_updated',
      aggregateId: id,
      orgId: brandId,
      payload: { importId },
    });
  await ctx.emit({
    type: 'catalog.import_completed',
    aggregateId: importId,
    orgId: brandId,
    payload: plan.summary,
  });
  ctx.audit({
    action: 'catalog.import',
    objectType: 'catalog_import',
    objectId: importId,
    details: plan.summary,
  });
  return { id: importId, ...plan.summary };
}
