import type { DemoWorld, Runtime } from '../../platform/module.js';
import type { Principal } from '../../platform/principal.js';
import { runWrite, type WriteCtx } from '../../platform/write.js';
import { type ClaimRow, type MoveRequest, moveClaim } from './commands/move.js';
import { type OpenClaimInput, openClaim } from './commands/open.js';
import type { Actor, ClaimMove } from './domain/claims.js';
import { policyOf } from './queries.js';

const hour = 3_600_000;

/**
 * The demo world's after-sales on OPPO's delivered orders, each step on the hour it happened: a
 * counterfeit claim the merchant rejected and the shopper escalated, waiting for the operator; a
 * return approved and waiting for the parcel; one on its way back; a refund-only claim waiting for
 * the merchant; a no-reason return refunded with its freight; an exchange withdrawn. The late
 * parcel of the week has its compensation already (the hook paid it when it was delivered).
 */
export async function seedAftersales(rt: Runtime, world: DemoWorld): Promise<void> {
  const shopperId = world.users.shopper;
  const brandId = world.orgs.oppo;
  if (!shopperId || !brandId) return;
  // Phones and tablets: above what a fast refund approves at once, so the merchant decides.
  const orders = await rt.db
    .selectFrom('orders_order_view')
    .select(['id'])
    .where('shopper_id', '=', shopperId)
    .where('org_id', '=', brandId)
    .where('status', '=', 'delivered')
    .where('subtotal', '>', 100_000)
    .orderBy('placed_at')
    .execute();
  if (orders.length < 6) return;
  const shopper: Principal = { type: 'shopper', shopperId, via: 'session', credentialId: 'demo-seed' };
  const merchant: Principal = {
    type: 'member',
    userId: world.users['brand@oppo.demo'],
    orgId: brandId,
    orgKind: 'brand',
    role: 'owner',
    orgIds: [brandId],
    via: 'session',
    credentialId: 'demo-seed',
  };
  const now = rt.clock.now().getTime();
  const write = <T>(hoursAgo: number, p: Principal, action: string, fn: (ctx: WriteCtx) => Promise<T>) =>
    runWrite(
      {
        db: rt.db,
        clock: { now: () => new Date(now - hoursAgo * hour) },
        hooks: rt.hooks,
        afterCommit: rt.nudge,
      },
      { principal: p, requestId: 'demo-seed', ip: null },
      { action },
      fn,
    ).then((r) => r.body);
  const lineOf = async (orderId: string) =>
    (
      await rt.db
        .selectFrom('orders_line_view')
        .select('id')
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).id;
  const open = async (
    hoursAgo: number,
    orderId: string,
    input: Omit<OpenClaimInput, 'orderId' | 'lines'>,
  ) => {
    // Read before the write: a statement outside a transaction waits for the open batch on SQLite.
    const orderLineId = await lineOf(orderId);
    return write(hoursAgo, shopper, 'aftersales.claim.open', async (ctx) =>
      openClaim(ctx, await policyOf(ctx.trx), shopperId, {
        ...input,
        orderId,
        lines: [{ orderLineId, quantity: 1 }],
      }),
    );
  };
  const step = (
    hoursAgo: number,
    p: Principal,
    claim: ClaimRow,
    move: ClaimMove,
    by: Actor,
    input: MoveRequest = {},
  ) =>
    write(hoursAgo, p, 'aftersales.claim.move', async (ctx) => {
      const fresh = await ctx.trx
        .selectFrom('aftersales_claim')
        .selectAll()
        .where('id', '=', claim.id)
        .executeTakeFirstOrThrow();
      return moveClaim(ctx, await policyOf(ctx.trx), fresh, move, by, input);
    });

  const [a, b, c, d, e, f] = orders.map((o) => o.id);
  const fake = await open(60, a, {
    kind: 'counterfeit',
    reason: 'counterfeit',
    description: '序列号在官网查询不到 The serial number is unknown to the official site',
  });
  await step(50, merchant, fake, 'reject', 'merchant', {
    reason:
      '正品行货,附京东之家出库单与验机报告 Genuine: the store’s dispatch note and inspection report attached',
  });
  await step(40, shopper, fake, 'escalate', 'shopper');
  const back = await open(20, b, {
    kind: 'return_refund',
    reason: 'no_reason',
    description: '颜色不喜欢 Not the colour I wanted',
  });
  await step(10, merchant, back, 'approve', 'merchant');
  const onTheWay = await open(70, c, {
    kind: 'return_refund',
    reason: 'damaged',
    description: '屏幕有坏点 Dead pixels on the screen',
  });
  await step(60, merchant, onTheWay, 'approve', 'merchant');
  await step(30, shopper, onTheWay, 'ship_return', 'shopper', {
    tracking: 'SF1402226688',
    freightFen: 1_500,
  });
  await open(6, d, {
    kind: 'refund_only',
    reason: 'not_as_described',
    description: '包装内缺少充电头 The charger is missing from the box',
  });
  const done = await open(100, e, { kind: 'return_refund', reason: 'no_reason' });
  await step(95, merchant, done, 'approve', 'merchant');
  await step(80, shopper, done, 'ship_return', 'shopper', { tracking: 'YT9988776655', freightFen: 1_800 });
  await step(50, merchant, done, 'receive', 'merchant', { condition: 'sellable' });
  await step(49, merchant, done, 'refund', 'merchant');
  const swap = await open(30, f, { kind: 'exchange', reason: 'wrong_item' });
  await step(25, shopper, swap, 'withdraw', 'shopper');
}
