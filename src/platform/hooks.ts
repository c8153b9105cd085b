import { iso } from './clock.js';
import type { EventInput, EventType, FlywheelEvent } from './events.js';
import type { EventSink } from './outbox/relay.js';
import type { WriteCtx } from './write.js';

/** Runs inside the transaction that emitted the event: its writes commit with the change, or neither does. */
export type InTransactionHook<K extends EventType> = (ctx: WriteCtx, event: EventInput<K>) => Promise<void>;

/**
 * Runs after the change committed, from the outbox, in a transaction of its own. The platform
 * records `(hook, event id)` in that transaction, so a redelivered event changes nothing twice;
 * a failure rolls the hook back and the relay retries it with backoff.
 */
export type AfterCommitHook<K extends EventType> = (ctx: WriteCtx, event: FlywheelEvent<K>) => Promise<void>;

type Registered<F> = { name: string; fn: F };

/**
 * How modules react to each other's events, in one place: the composition root registers
 * every reaction here, so no module keeps a listener set another module fills by importing it.
 */
export class Hooks {
  private readonly inTx = new Map<string, Array<Registered<InTransactionHook<any>>>>();
  private readonly after = new Map<string, Array<Registered<AfterCommitHook<any>>>>();
  private readonly names = new Set<string>();

  /** Reacts to `types` inside the emitting transaction (stock, money: what must commit together). */
  inTransaction<K extends EventType>(types: K | readonly K[], name: string, fn: InTransactionHook<K>): void {
    this.add(this.inTx, types, name, fn);
  }

  /** Reacts to `types` after commit, at least once, idempotent on the event id by the platform. */
  afterCommit<K extends EventType>(types: K | readonly K[], name: string, fn: AfterCommitHook<K>): void {
    this.add(this.after, types, name, fn);
  }

  /** Runs the in-transaction hooks of an event just emitted (called by `ctx.emit`). */
  async fire(ctx: WriteCtx, event: EventInput): Promise<void> {
    const hooks = this.inTx.get(event.type);
    if (hooks) for (const h of hooks) await h.fn(ctx, event);
  }

  /**
   * The relay's sink for after-commit hooks. `run` opens a system write; each hook runs in its
   * own, after claiming its receipt, so one hook's failure neither repeats nor blocks another's
   * done work.
   */
  sink(run: <T>(action: string, fn: (ctx: WriteCtx) => Promise<T>) => Promise<T>): EventSink {
    return {
      name: 'after-commit hooks',
      deliver: async (event) => {
        for (const h of this.after.get(event.type) ?? []) {
          await run(`hook.${h.name}`, async (ctx) => {
            const claimed = await ctx.trx
              .insertInto('platform_hook_receipt')
              .values({ hook: h.name, event_id: event.id, done_at: iso(ctx.now) })
              .onConflict((oc) => oc.columns(['hook', 'event_id']).doNothing())
              .returning('hook')
              .executeTakeFirst();
            if (claimed) await h.fn(ctx, event);
          });
        }
      },
    };
  }

  /** Every registered hook by phase and event type (the docs and a test read this). */
  list(): Array<{ phase: 'in_transaction' | 'after_commit'; type: string; name: string }> {
    const out: Array<{ phase: 'in_transaction' | 'after_commit'; type: string; name: string }> = [];
    for (const [type, hs] of this.inTx)
      for (const h of hs) out.push({ phase: 'in_transaction', type, name: h.name });
    for (const [type, hs] of this.after)
      for (const h of hs) out.push({ phase: 'after_commit', type, name: h.name });
    return out;
  }

  private add<F>(
    map: Map<string, Array<Registered<F>>>,
    types: string | readonly string[],
    name: string,
    fn: F,
  ): void {
    for (const type of typeof types === 'string' ? [types] : types) {
      const key = `${type}:${name}`;
      if (this.names.has(key)) throw new Error(`hook ${name} is registered twice for ${type}`);
      this.names.add(key);
      map.set(type, [...(map.get(type) ?? []), { name, fn }]);
    }
  }
}
