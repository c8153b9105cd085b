import { sql } from 'kysely';
import { type Clock, iso } from '../clock.js';
import { type Db, isPostgres } from '../db/database.js';
import type { Logger } from '../logger.js';
import { eventFromRow, type FlywheelEvent } from './outbox.js';

/** Somewhere events go. `deliver` must tolerate the same event twice (at-least-once). */
export type EventSink = {
  name: string;
  /** Optional: called once with a batch before its events are delivered one by one (to load what they share). */
  prepare?(events: FlywheelEvent[]): Promise<void>;
  deliver(event: FlywheelEvent): Promise<void>;
};

type Lane = 'published_at' | 'streamed_at';

/**
 * Delivers outbox rows to sinks, at least once and in sequence order, marking each lane's
 * column when done. A failing event stops its lane (so order is kept) and is retried with
 * backoff. Two lanes run independently: in-process subscribers and webhooks (`published_at`),
 * and the external event stream (`streamed_at`), so an unreachable NATS never delays the
 * platform's own reactions. On PostgreSQL an advisory lock keeps one relay per lane active
 * across processes.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private streamBackoffUntil = 0;

  constructor(
    private readonly deps: { db: Db; clock: Clock; logger: Logger; pollMs: number },
    private readonly sinks: EventSink[],
    private readonly stream: EventSink | null,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Called after a commit that wrote events, so they go out without waiting for the poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Delivers everything pending now (tests and shutdown). */
  async drain(): Promise<void> {
    await this.running;
    for (let i = 0; i < 100; i++) {
      const moved = await this.tick();
      if (moved === 0) return;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick()
        .catch((error) => this.deps.logger.error({ err: error }, 'outbox relay tick failed'))
        .then(() => {
          this.running = null;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.deps.pollMs);
        });
    }, ms);
  }

  private async tick(): Promise<number> {
    let moved = await this.runLane('published_at', this.sinks);
    if (this.stream && Date.now() >= this.streamBackoffUntil) {
      moved += await this.runLane('streamed_at', [this.stream]);
    }
    return moved;
  }

  private async runLane(lane: Lane, sinks: EventSink[]): Promise<number> {
    const { db } = this.deps;
    if (!isPostgres(db)) return this.deliverBatch(lane, sinks);
    // Session-level advisory lock on one pooled connection: one active relay per lane.
    return db.connection().execute(async (conn) => {
      const key = lane === 'published_at' ? 7_201 : 7_202;
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}) as ok`.execute(conn);
      if (!got.rows[0]?.ok) return 0;
      try {
        return await this.deliverBatch(lane, sinks);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(conn);
      }
    });
  }

  private async deliverBatch(lane: Lane, sinks: EventSink[]): Promise<number> {
    const { db, clock, logger } = this.deps;
    const now = iso(clock.now());
    let q = db.selectFrom('platform_outbox').selectAll().where(lane, 'is', null);
    if (lane === 'published_at')
      q = q.where((w) => w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', now)]));
    const rows = await q.orderBy('seq').limit(200).execute();
    const done: number[] = [];
    const events = rows.map(eventFromRow);
    for (const sink of sinks) await sink.prepare?.(events);
    for (const [i, row] of rows.entries()) {
      const event = events[i];
      try {
        for (const sink of sinks) await sink.deliver(event);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn({ err: error, eventId: event.id, lane }, 'event delivery failed; will retry');
        if (lane === 'published_at') {
          const attempts = row.attempts + 1;
          const delay = Math.min(60_000, 250 * 2 ** Math.min(attempts, 8));
          await db
            .updateTable('platform_outbox')
            .set({
              attempts,
              last_error: message.slice(0, 500),
              next_attempt_at: iso(new Date(clock.now().getTime() + delay)),
            })
            .where('seq', '=', row.seq)
            .execute();
        } else {
          this.streamBackoffUntil = Date.now() + 2_000;
        }
        break;
      }
      done.push(row.seq);
    }
    // One statement marks the batch; a crash before it only means these are delivered again.
    if (done.length > 0) {
      await db
        .updateTable('platform_outbox')
        .set({ [lane]: iso(clock.now()) })
        .where('seq', 'in', done)
        .execute();
    }
    return done.length;
  }
}
