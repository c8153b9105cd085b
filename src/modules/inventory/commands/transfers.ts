import { iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { getTransfer } from '../queries/transfers.js';
import type { TransferStatus } from '../repo.js';
import { assertSkus, moveInTransit, moveStock, type Place, type StockLine } from './stock.js';

export type TransferInput = {
  fromLocationId: string;
  toLocationId: string;
  lines: StockLine[];
  reason?: 'replenishment' | 'full_line' | 'manual';
  note?: string;
};

async function placesOf(db: Executor, brandId: string, ids: string[]) {
  const rows = await db
    .selectFrom('inventory_location')
    .select(['id', 'org_id', 'kind', 'name', 'status', 'store_org_id'])
    .where('org_id', '=', brandId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Asks for stock to move from one location of the brand to another; nothing moves yet. */
export async function requestTransfer(ctx: WriteCtx, brandId: string, input: TransferInput) {
  if (input.fromLocationId === input.toLocationId)
    throw new DomainError('inventory.same_location', 'a transfer goes between two locations', {
      errors: [{ field: 'toLocationId', message: 'must differ from fromLocationId' }],
    });
  const places = await placesOf(ctx.trx, brandId, [input.fromLocationId, input.toLocationId]);
  for (const field of ['fromLocationId', 'toLocationId'] as const)
    if (!places.has(input[field]))
      throw new DomainError('inventory.unknown_location', 'not a location of the brand', {
        errors: [{ field, message: 'is not a location of the brand' }],
      });
  await assertSkus(
    ctx,
    brandId,
    input.lines.map((l) => l.skuId),
    (i) => `lines.${i}.skuId`,
  );
  const now = iso(ctx.now);
  const id = newId('trf');
  await ctx.trx
    .insertInto('inventory_transfer')
    .values({
      id,
      org_id: brandId,
      from_location_id: input.fromLocationId,
      to_location_id: input.toLocationId,
      status: 'requested',
      reason: input.reason ?? 'manual',
      note: input.note ?? null,
      shipped_at: null,
      received_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.trx
    .insertInto('inventory_transfer_line')
    .values(
      input.lines.map((l) => ({
        org_id: brandId,
        transfer_id: id,
        sku_id: l.skuId,
        quantity: l.quantity,
        received_quantity: null,
      })),
    )
    .execute();
  await ctx.emit({
    type: 'inventory.transfer_requested',
    aggregateId: id,
    orgId: brandId,
    payload: {
      from: input.fromLocationId,
      to: input.toLocationId,
      lines: input.lines,
      reason: input.reason ?? 'manual',
    },
  });
  return id;
}

/** The one conditional step of a transfer's state: a racing second step finds the status moved. */
async function step(
  ctx: WriteCtx,
  id: string,
  from: TransferStatus,
  to: TransferStatus,
  set: Record<string, string> = {},
) {
  const res = await ctx.trx
    .updateTable('inventory_transfer')
    .set({ status: to, updated_at: iso(ctx.now), ...set })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0)
    throw new DomainError('inventory.illegal_transition', `only a ${from} transfer can become ${to}`, { to });
}

async function loadTransfer(db: Executor, p: MemberPrincipal, id: string) {
  const t = await getTransfer(db, p, id);
  const places = await placesOf(db, t.brandId, [t.fromLocationId, t.toLocationId]);
  const place = (locId: string): Place => {
    const r = places.get(locId)!;
    return { id: r.id, org_id: r.org_id, kind: r.kind, name: r.name };
  };
  return {
    t,
    from: place(t.fromLocationId),
    to: place(t.toLocationId),
    toStore: places.get(t.toLocationId)?.store_org_id ?? null,
  };
}

const isBrand = (p: MemberPrincipal, brandId: string) => p.orgKind === 'brand' && p.orgIds.includes(brandId);

/** The goods leave: out of the source's on-hand (if available there), into the destination's in-transit. */
export async function shipTransfer(ctx: WriteCtx, p: MemberPrincipal, id: string) {
  const { t, from, to } = await loadTransfer(ctx.trx, p, id);
  if (!isBrand(p, t.brandId)) throw new DomainError('auth.forbidden', 'the brand ships its transfers');
  await step(ctx, id, 'requested', 'shipped', { shipped_at: iso(ctx.now) });
  for (const [i, l] of t.lines.entries()) {
    await moveStock(ctx, from, {
      skuId: l.skuId,
      delta: -l.quantity,
      kind: 'transfer_out',
      refType: 'transfer',
      refId: id,
      field: `lines.${i}.quantity`,
    });
    await moveInTransit(ctx, to, l.skuId, l.quantity);
  }
  await ctx.emit({
    type: 'inventory.transfer_shipped',
    aggregateId: id,
    orgId: t.brandId,
    payload: { from: from.id, to: to.id },
  });
  return getTransfer(ctx.trx, p, id);
}

/**
 * The goods arrive: out of in-transit, into the destination's on-hand, as counted. A short
 * receipt (fewer units than shipped) is recorded on the line; the ledger has what arrived.
 */
export async function receiveTransfer(
  ctx: WriteCtx,
  p: MemberPrincipal,
  id: string,
  counted?: Array<{ skuId: string; receivedQuantity: number }>,
) {
  const { t, to, toStore } = await loadTransfer(ctx.trx, p, id);
  // The brand, or the staff of the store the goods arrive at, receive them.
  if (!isBrand(p, t.brandId) && !(toStore && p.orgIds.includes(toStore)))
    throw new DomainError('auth.forbidden', 'the brand or the receiving store receives a transfer');
  const byLine = new Map((counted ?? []).map((c) => [c.skuId, c.receivedQuantity]));
  for (const [i, c] of (counted ?? []).entries()) {
    const line = t.lines.find((l) => l.skuId === c.skuId);
    if (!line || c.receivedQuantity > line.quantity)
      throw new DomainError(
        'inventory.bad_receipt',
        'a receipt counts the lines shipped, at most their quantity',
        {
          errors: [
            {
              field: `lines.${i}`,
              message: line ? `at most ${line.quantity} were shipped` : 'is not a line of the transfer',
            },
          ],
        },
      );
  }
  await step(ctx, id, 'shipped', 'received', { received_at: iso(ctx.now) });
  for (const l of t.lines) {
    const received = byLine.get(l.skuId) ?? l.quantity;
    await moveInTransit(ctx, to, l.skuId, -l.quantity);
    if (received > 0)
      await moveStock(ctx, to, {
        skuId: l.skuId,
        delta: received,
        kind: 'transfer_in',
        refType: 'transfer',
        refId: id,
      });
    await ctx.trx
      .updateTable('inventory_transfer_line')
      .set({ received_quantity: received })
      .where('transfer_id', '=', id)
      .where('sku_id', '=', l.skuId)
      .execute();
  }
  const short = t.lines.filter((l) => (byLine.get(l.skuId) ?? l.quantity) < l.quantity).map((l) => l.skuId);
  await ctx.emit({
    type: 'inventory.transfer_received',
    aggregateId: id,
    orgId: t.brandId,
    payload: { to: to.id, short },
  });
  return getTransfer(ctx.trx, p, id);
}

export async function cancelTransfer(ctx: WriteCtx, p: MemberPrincipal, id: string) {
  const { t } = await loadTransfer(ctx.trx, p, id);
  if (!isBrand(p, t.brandId)) throw new DomainError('auth.forbidden', 'the brand cancels its transfers');
  await step(ctx, id, 'requested', 'cancelled');
  await ctx.emit({
    type: 'inventory.transfer_cancelled',
    aggregateId: id,
    orgId: t.brandId,
    payload: {},
  });
  return getTransfer(ctx.trx, p, id);
}
