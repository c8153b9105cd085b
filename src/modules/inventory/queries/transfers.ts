import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { TransferStatus } from '../repo.js';

/** The brand sees its transfers; a store's staff see those to or from their store (visibility.ts). */
function transfers(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p)
    .selectFrom('inventory_transfer')
    .innerJoin('inventory_location as src', 'src.id', 'inventory_transfer.from_location_id')
    .innerJoin('inventory_location as dst', 'dst.id', 'inventory_transfer.to_location_id')
    .selectAll('inventory_transfer')
    .select([
      'src.name as from_name',
      'src.name_en as from_name_en',
      'dst.name as to_name',
      'dst.name_en as to_name_en',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof transfers>['executeTakeFirstOrThrow']>>;

function transferView(
  r: Row,
  lines: Array<{
    sku_id: string;
    quantity: number;
    received_quantity: number | null;
    code: string;
    name: string;
  }>,
) {
  return {
    id: r.id,
    brandId: r.org_id,
    fromLocationId: r.from_location_id,
    fromName: r.from_name,
    fromNameEn: r.from_name_en,
    toLocationId: r.to_location_id,
    toName: r.to_name,
    toNameEn: r.to_name_en,
    status: r.status,
    reason: r.reason,
    note: r.note,
    lines: lines.map((l) => ({
      skuId: l.sku_id,
      code: l.code,
      productName: l.name,
      quantity: Number(l.quantity),
      receivedQuantity: l.received_quantity === null ? null : Number(l.received_quantity),
    })),
    shippedAt: r.shipped_at,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function linesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('inventory_transfer_line')
    .innerJoin('catalog_sku_view', 'catalog_sku_view.id', 'inventory_transfer_line.sku_id')
    .innerJoin('catalog_product_view', 'catalog_product_view.id', 'catalog_sku_view.product_id')
    .select([
      'inventory_transfer_line.transfer_id',
      'inventory_transfer_line.sku_id',
      'inventory_transfer_line.quantity',
      'inventory_transfer_line.received_quantity',
      'catalog_sku_view.code',
      'catalog_product_view.name',
    ])
    .where('inventory_transfer_line.transfer_id', 'in', ids)
    .orderBy('catalog_sku_view.code')
    .execute();
}

export async function getTransfer(db: Executor, p: MemberPrincipal, id: string) {
  const row = await transfers(db, p)
    .where('inventory_transfer.id', '=', id)
    .executeTakeFirstOrThrow(notFound('transfer', id));
  return transferView(row, await linesOf(db, [id]));
}

export async function listTransfers(
  db: Executor,
  p: MemberPrincipal,
  q: { status?: TransferStatus; locationId?: string; limit?: number; cursor?: string },
) {
  let query = transfers(db, p);
  if (q.status) query = query.where('inventory_transfer.status', '=', q.status);
  if (q.locationId)
    query = query.where((eb) =>
      eb.or([
        eb('inventory_transfer.from_location_id', '=', q.locationId!),
        eb('inventory_transfer.to_location_id', '=', q.locationId!),
      ]),
    );
  const page = await paginate(query, 'inventory_transfer.id', q, 'desc');
  const lines = await linesOf(
    db,
    page.items.map((t) => t.id),
  );
  return {
    items: page.items.map((t) =>
      transferView(
        t,
        lines.filter((l) => l.transfer_id === t.id),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
