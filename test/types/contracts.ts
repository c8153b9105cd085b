// A type test, checked by `npm run typecheck` (never run): the compiler refuses an undeclared
// event, a payload that is not the event's own, and an undeclared error code. Each
// `@ts-expect-error` fails the typecheck if the line below it ever compiles.
import '../../src/app.js';
import { DomainError } from '../../src/platform/errors.js';
import type { WriteCtx } from '../../src/platform/write.js';

export async function contracts(ctx: WriteCtx): Promise<DomainError[]> {
  // @ts-expect-error an event no module declares
  await ctx.emit({ type: 'orders.order_teleported', aggregateId: 'ord_x', orgId: null, payload: {} });
  // @ts-expect-error a payload that is not the event's declared one (a total that is not fen)
  await ctx.emit({
    type: 'orders.order_placed',
    aggregateId: 'ord_x',
    orgId: null,
    payload: { total: 'a lot', delivery: 'hour', lines: 1 },
  });
  await ctx.emit({
    type: 'orders.order_placed',
    aggregateId: 'ord_x',
    orgId: null,
    payload: { total: 100, delivery: 'hour', lines: 1, routing: 'hour' },
  });
  return [
    // @ts-expect-error an error code no module declares
    new DomainError('orders.no_such_code', 'never'),
    new DomainError('orders.cart_empty', 'declared'),
  ];
}
