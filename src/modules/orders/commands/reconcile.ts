import { chinaDayRange, iso } from '../../../platform/clock.js';
import type { Executor } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import { newId } from '../../../platform/ids.js';
import type { WriteCtx } from '../../../platform/write.js';
import { reconcile } from '../queries/reconcile.js';
import type { OrdersTables } from '../repo.js';

export function reconciliationView(r: OrdersTables['orders_reconciliation']) {
  return {
    id: r.id,
    day: r.day,
    ok: r.ok === 1,
    findings: JSON.parse(r.findings) as string[],
    figures: JSON.parse(r.figures) as Record<string, number>,
    ranAt: r.created_at,
  };
}

/**
 * Reconciles one China calendar day's payments with the books and the orders, once the day is
 * over, and keeps the result: a day has one reconciliation, which running it again brings up to
 * date (a late refund, a correction).
 */
export async function runReconciliation(ctx: WriteCtx, day: string) {
  const range = chinaDayRange(day);
  if (range.to > iso(ctx.now))
    throw new DomainError('orders.day_not_over', `${day} is not over yet in China`, {
      errors: [{ field: 'day', message: 'not over yet' }],
    });
  const r = await reconcile(ctx.trx, range);
  const result = {
    ok: r.ok ? 1 : 0,
    // A broken day can have many findings; the first thousand say enough.
    findings: JSON.stringify(r.findings.slice(0, 1000)),
    figures: JSON.stringify(r.figures),
    created_at: iso(ctx.now),
  };
  const row = await ctx.trx
    .insertInto('orders_reconciliation')
    .values({ id: newId('rec'), day, ...result })
    .onConflict((oc) => oc.column('day').doUpdateSet(result))
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!r.ok)
    await ctx.emit({
      type: 'orders.reconciliation_failed',
      aggregateId: row.id,
      orgId: null,
      payload: { day, findings: r.findings.length },
    });
  return reconciliationView(row);
}

/** Reconciled days, the first reconciled first on the last page; within a page, the latest day first. */
export async function listReconciliations(db: Executor, q: { limit?: number; cursor?: string }) {
  const page = await paginate(db.selectFrom('orders_reconciliation').selectAll(), 'id', q);
  const byDay = page.items.sort((a, b) => b.day.localeCompare(a.day) || b.id.localeCompare(a.id));
  return { items: byDay.map(reconciliationView), nextCursor: page.nextCursor };
}

export async function reconciledDay(db: Executor, day: string): Promise<boolean> {
  return (
    (await db.selectFrom('orders_reconciliation').select('id').where('day', '=', day).executeTakeFirst()) !==
    undefined
  );
}
