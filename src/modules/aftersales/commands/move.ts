import { sql } from 'kysely';
import { iso } from '../../../platform/clock.js';
import { DomainError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { actorId } from '../../../platform/principal.js';
import type { WriteCtx } from '../../../platform/write.js';
import { moveStock } from '../../inventory/index.js';
import {
  type Actor,
  type ClaimMove,
  type ClaimStatus,
  claimMoveRefusal,
  claimMoves,
  deadlineOf,
  type MoveInput,
  needsReturn,
} from '../domain/claims.js';
import type { Policy } from '../domain/policy.js';
import type { AftersalesTables } from '../repo.js';
import { settleClaim } from './settle.js';

export type ClaimRow = AftersalesTables['aftersales_claim'];

export type MoveRequest = MoveInput & {
  /** The operator found the goods counterfeit (with `rule_for_shopper`). */
  counterfeit?: boolean;
  /** What the shopper paid the carrier for the return (with `ship_return`). */
  freightFen?: number;
  /** The store location the goods were handed in at (with `receive` by a store). */
  locationId?: string;
};

/**
 * Makes one move of a claim: the table and its guards say whether `by` may, one conditional
 * update of status and version makes it (of racing moves one wins, the others are refused), the
 * new status's deadline is set, and what the move sets off follows in the same write: an approved
 * claim asks for the goods or pays, a received return goes back to stock, a closed claim lets go
 * of what it held of its lines.
 */
export async function moveClaim(
  ctx: WriteCtx,
  policy: Policy,
  claim: ClaimRow,
  move: ClaimMove,
  by: Actor,
  input: MoveRequest = {},
): Promise<ClaimRow> {
  const refusal = claimMoveRefusal(claim.status, move, by, input);
  if (refusal)
    throw new DomainError(
      refusal.field ? 'aftersales.missing_field' : 'aftersales.illegal_move',
      refusal.message,
      refusal.field
        ? { errors: [{ field: refusal.field, message: refusal.message }] }
        : { errors: [{ field: 'move', message: refusal.message }], claimStatus: claim.status },
    );
  const to: ClaimStatus = claimMoves[move].to;
  const deadline = deadlineOf(
    to,
    { kind: claim.kind, shipped: claim.shipped === 1 },
    policy.deadlines,
    ctx.now,
  );
  const changes: Partial<ClaimRow> = {
    status: to,
    due_at: deadline?.dueAt ?? null,
    lapse: deadline?.lapse ?? null,
    updated_at: iso(ctx.now),
    ...(move === 'reject' ? { rejection_reason: input.reason ?? null } : {}),
    ...(move === 'ship_return'
      ? { return_tracking: input.tracking ?? null, return_freight_fen: input.freightFen ?? null }
      : {}),
    ...(move === 'receive'
      ? {
          condition: input.condition ?? null,
          return_location_id: input.locationId ?? claim.return_location_id,
        }
      : {}),
    ...(move === 'rule_for_shopper' || move === 'rule_for_merchant'
      ? {
          verdict: move === 'rule_for_shopper' ? 'for_shopper' : 'for_merchant',
          verdict_reason: input.reason ?? null,
          counterfeit: move === 'rule_for_shopper' && input.counterfeit ? 1 : claim.counterfeit,
        }
      : {}),
    // A merchant that approves a counterfeit claim concedes it: the right's compensation follows.
    ...(move === 'approve' && claim.kind === 'counterfeit' ? { counterfeit: 1 } : {}),
  };
  const moved = await ctx.trx
    .updateTable('aftersales_claim')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', claim.id)
    .where('status', '=', claim.status)
    .where('version', '=', claim.version)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    throw new DomainError('aftersales.changed_meanwhile', 'the claim moved meanwhile: reload it', {
      errors: [{ field: 'move', message: 'the claim moved meanwhile' }],
    });
  const after: ClaimRow = { ...claim, ...changes, version: claim.version + 1 };
  await ctx.trx
    .insertInto('aftersales_history')
    .values({
      id: newId('clh'),
      claim_id: claim.id,
      from_status: claim.status,
      to_status: to,
      move,
      actor_type: by,
      actor_id: by === 'system' ? null : actorId(ctx.principal),
      note: input.reason ?? input.tracking ?? null,
      created_at: iso(ctx.now),
    })
    .execute();
  await ctx.emit({
    type: 'aftersales.claim_moved',
    aggregateId: claim.id,
    orgId: claim.org_id,
    payload: { move, from: claim.status, to, by },
  });
  return followUp(ctx, policy, after, move, input);
}

/** What reaching a status sets off, in the same write. */
async function followUp(ctx: WriteCtx, policy: Policy, claim: ClaimRow, move: ClaimMove, input: MoveRequest) {
  if (claim.status === 'approved')
    return moveClaim(ctx, policy, claim, needsReturn(claim.kind) ? 'ask_return' : 'refund', 'system');
  if (claim.status === 'received' && move === 'receive') await restock(ctx, claim, input.locationId);
  if (claim.status === 'refunded') await settleClaim(ctx, claim);
  if (claim.status === 'closed') await release(ctx, claim);
  return claim;
}

/**
 * Goods that came back go into the stock of where they came back to (the store they were handed
 * in at, else where the line was sent from): sellable ones on hand, damaged ones written off, each
 * unit explained by the movement ledger.
 */
async function restock(ctx: WriteCtx, claim: ClaimRow, locationId: string | undefined) {
  const lines = await ctx.trx
    .selectFrom('aftersales_claim_line')
    .innerJoin('orders_line_view', 'orders_line_view.id', 'aftersales_claim_line.order_line_id')
    .select([
      'aftersales_claim_line.sku_id',
      'aftersales_claim_line.quantity',
      'orders_line_view.location_id',
    ])
    .where('aftersales_claim_line.claim_id', '=', claim.id)
    .execute();
  for (const l of lines) {
    const place = await ctx.trx
      .selectFrom('inventory_location_view')
      .select(['id', 'org_id', 'kind', 'name'])
      .where('id', '=', locationId ?? l.location_id)
      .executeTakeFirstOrThrow();
    const ref = { refType: 'claim', refId: claim.id, skuId: l.sku_id };
    await moveStock(ctx, place, { ...ref, delta: l.quantity, kind: 'return', reason: `claim ${claim.code}` });
    if (claim.condition === 'damaged')
      await moveStock(ctx, place, {
        ...ref,
        delta: -l.quantity,
        kind: 'damage',
        reason: `returned damaged, claim ${claim.code}`,
      });
  }
}

/** A claim that ends without a refund lets go of what it held of its lines: they may be claimed again. */
async function release(ctx: WriteCtx, claim: ClaimRow) {
  const lines = await ctx.trx
    .selectFrom('aftersales_claim_line')
    .selectAll()
    .where('claim_id', '=', claim.id)
    .execute();
  for (const l of lines)
    await ctx.trx
      .updateTable('aftersales_line')
      .set({
        claimed_quantity: sql`claimed_quantity - ${l.quantity}`,
        claimed: sql`claimed - ${Number(l.amount)}`,
      })
      .where('order_line_id', '=', l.order_line_id)
      .execute();
}
