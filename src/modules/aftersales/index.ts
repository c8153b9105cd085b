import type { EventInput } from '../../platform/events.js';
import { backgroundLoop, type FlywheelModule, type Runtime, systemWrite } from '../../platform/module.js';
import type { WriteCtx } from '../../platform/write.js';
import { compensateLateParcel } from './commands/late.js';
import { moveClaim } from './commands/move.js';
import './errors.js';
import './visibility.js';
import { aftersalesEvents } from './events.js';
import { claimFor, dueClaims, policyOf } from './queries.js';
import { aftersalesMigrations } from './repo.js';
import { aftersalesRoutes } from './routes.js';
import { seedAftersales } from './seed.js';

export type { AftersalesTables } from './repo.js';

/** A parcel delivered after its promise is compensated under its order's rights (a hook on fulfilment). */
export async function lateParcel(
  ctx: WriteCtx,
  e: EventInput<'fulfilment.shipment_delivered'>,
): Promise<void> {
  await compensateLateParcel(ctx, await policyOf(ctx.trx), e);
}

/**
 * Moves every claim whose deadline has passed, on the injectable clock: a merchant that did not
 * answer sees it approved, a shopper that did not send the goods back sees it closed, a return
 * nobody refunded in time is refunded. Returns how many moved.
 */
export async function sweepClaims(rt: Runtime): Promise<number> {
  const due = await dueClaims(rt.db, rt.clock.now());
  let moved = 0;
  for (const { id } of due)
    await systemWrite(rt, 'aftersales.claim.lapse', async (ctx) => {
      const claim = await claimFor(ctx.trx, null, id);
      if (!claim.due_at || !claim.lapse || claim.due_at > ctx.now.toISOString()) return;
      await moveClaim(ctx, await policyOf(ctx.trx), claim, claim.lapse, 'system');
      moved++;
    }).catch(async (error) => {
      rt.logger.warn({ err: error, claim: id }, 'claim deadline not applied; tried again in 5 minutes');
      // Its deadline moves on a little, so a claim that keeps failing never holds the others up.
      await rt.db
        .updateTable('aftersales_claim')
        .set({ due_at: new Date(rt.clock.now().getTime() + 300_000).toISOString() })
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
    });
  return moved;
}

/**
 * After-sales: claims on orders (refund, return, exchange, counterfeit, late delivery) moved by
 * a table of states with deadlines, refunds through the payment provider and compensations from
 * the merchant's deposit, both by the rights the order was placed with.
 */
export function createAftersalesModule(): FlywheelModule {
  let loop: { stop(): Promise<void> } | null = null;
  return {
    name: 'aftersales',
    events: aftersalesEvents,
    migrations: aftersalesMigrations,
    routes: aftersalesRoutes,
    seed: seedAftersales,
    start(rt) {
      loop = backgroundLoop(rt, 'claim deadlines', 30_000, () => sweepClaims(rt));
    },
    async stop() {
      await loop?.stop();
      loop = null;
    },
  };
}
