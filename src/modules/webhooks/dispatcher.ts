import { type Agent, fetch } from 'undici';
import { addMs, type Clock, iso } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import type { FlywheelEvent } from '../../platform/outbox/outbox.js';
import type { EventSink } from '../../platform/outbox/relay.js';
import { guardedAgent } from './domain/guarded-agent.js';
import { matchesEventType, retryDelayMs, signatureHeader, signPayload } from './domain/signature.js';

/** Turns each event into one pending delivery per subscribed endpoint of the event's organisation. */
export class WebhookFanout implements EventSink {
  readonly name = 'webhooks';
  constructor(
    private readonly db: Db,
    private readonly onNew: () => void,
  ) {}

  /** Active endpoints of the batch's organisations, loaded in one query per batch. */
  private endpointsOf = new Map<string, Array<{ id: string; event_types: string; created_at: string }>>();

  async prepare(events: FlywheelEvent[]): Promise<void> {
    const orgIds = [...new Set(events.flatMap((e) => (e.orgId ? [e.orgId] : [])))];
    this.endpointsOf = new Map(orgIds.map((id) => [id, []]));
    if (orgIds.length === 0) return;
    const rows = await this.db
      .selectFrom('webhooks_endpoint')
      .select(['id', 'org_id', 'event_types', 'created_at'])
      .where('org_id', 'in', orgIds)
      .where('active', '=', 1)
      .execute();
    for (const r of rows) this.endpointsOf.get(r.org_id)?.push(r);
  }

  async deliver(event: FlywheelEvent): Promise<void> {
    if (!event.orgId) return;
    // An endpoint hears of what happens after it was registered, not of the backlog before it.
    const prepared = this.endpointsOf.get(event.orgId);
    const endpoints = (
      prepared ??
      (await this.db
        .selectFrom('webhooks_endpoint')
        .select(['id', 'event_types', 'created_at'])
        .where('org_id', '=', event.orgId)
        .where('active', '=', 1)
        .execute())
    ).filter((e) => e.created_at <= event.createdAt);
    const targets = endpoints.filter(
      (e) => e.id !== event.aggregateId && matchesEventType(JSON.parse(e.event_types), event.type),
    );
    if (targets.length === 0) return;
    await this.db
      .insertInto('webhooks_delivery')
      .values(
        targets.map((e) => ({
          id: newId('whd'),
          org_id: event.orgId!,
          endpoint_id: e.id,
          event_id: event.id,
          event_type: event.type,
          aggregate_id: event.aggregateId,
          event_seq: event.seq,
          payload: JSON.stringify(event),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: event.createdAt,
          last_status_code: null,
          last_error: null,
          created_at: event.createdAt,
          delivered_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
      .execute();
    this.onNew();
  }
}

export type SenderOptions = {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  allowPrivate: boolean;
};

/**
 * Posts due deliveries, signed, and records every attempt. A delivery is claimed by moving its
 * `next_attempt_at` forward in one conditional update, so two processes never send it at once;
 * a process that dies mid-send leaves it due again after the claim expires.
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly agent: Agent;

  constructor(
    private readonly deps: { db: Db; clock: Clock; logger: Logger },
    private readonly opts: SenderOptions,
  ) {
    this.agent = guardedAgent(opts.allowPrivate);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.agent.close();
  }

  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sendDue()
        .catch((error) => {
          this.deps.logger.error({ err: error }, 'webhook sender failed');
          return 0;
        })
        .then((sent) => {
          this.running = null;
          // Right after sending, the next event of an aggregate may be free to go.
          this.schedule(sent > 0 ? 0 : this.opts.pollMs);
        });
    }, ms);
  }

  /** Sends every delivery that is due now; returns how many were attempted. */
  async sendDue(): Promise<number> {
    const { db, clock } = this.deps;
    const now = iso(clock.now());
    const due = await db
      .selectFrom('webhooks_delivery as d')
      .innerJoin('webhooks_endpoint as e', 'e.id', 'd.endpoint_id')
      .select([
        'd.id',
        'd.org_id',
        'd.payload',
        'd.attempts',
        'd.next_attempt_at',
        'd.event_id',
        'd.event_type',
        'e.url',
        'e.secret',
      ])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('e.active', '=', 1)
      // In order per aggregate and endpoint: an event waits while an earlier one of the same
      // aggregate is still pending there (given-up deliveries no longer hold the line).
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhooks_delivery as p')
              .select('p.id')
              .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
              .whereRef('p.aggregate_id', '=', 'd.aggregate_id')
              .where('p.status', '=', 'pending')
              .whereRef('p.event_seq', '<', 'd.event_seq'),
          ),
        ),
      )
      .orderBy('d.next_attempt_at')
      .limit(50)
      .execute();
    let sent = 0;
    await Promise.all(
      due.map(async (d) => {
        const claimUntil = iso(addMs(clock.now(), this.opts.timeoutMs * 2));
        const claim = await db
          .updateTable('webhooks_delivery')
          .set({ next_attempt_at: claimUntil })
          .where('id', '=', d.id)
          .where('status', '=', 'pending')
          .where('next_attempt_at', '=', d.next_attempt_at)
          .executeTakeFirst();
        if (Number(claim.numUpdatedRows) === 0) return;
        sent++;
        await this.attempt(d);
      }),
    );
    return sent;
  }

  private async attempt(d: {
    id: string;
    org_id: string;
    payload: string;
    attempts: number;
    event_id: string;
    event_type: string;
    url: string;
    secret: string;
  }): Promise<void> {
    const { db, clock } = this.deps;
    const started = Date.now();
    const signature = signPayload(d.secret, d.payload, Math.floor(clock.now().getTime() / 1000));
    let statusCode: number | null = null;
    let error: string | null = null;
    let snippet: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Flywheel-Webhooks/1',
          [signatureHeader]: signature,
          'flywheel-event-id': d.event_id,
          'flywheel-event-type': d.event_type,
          'flywheel-delivery-id': d.id,
        },
        body: d.payload,
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        redirect: 'manual',
        dispatcher: this.agent,
      });
      statusCode = res.status;
      snippet = (await res.text()).slice(0, 500);
    } catch (e) {
      // fetch says only "fetch failed"; the cause (refused, timed out, not allowed) is what helps.
      const cause = (e as { cause?: { message?: string } }).cause?.message;
      error = (cause ? `${(e as Error).message}: ${cause}` : (e as Error).message).slice(0, 500);
    }
    const attempts = d.attempts + 1;
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const now = clock.now();
    const status = ok ? 'delivered' : attempts >= this.opts.maxAttempts ? 'failed' : 'pending';
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhooks_attempt')
        .values({
          id: newId('wha'),
          org_id: d.org_id,
          delivery_id: d.id,
          attempted_at: iso(now),
          status_code: statusCode,
          duration_ms: Date.now() - started,
          error: error ?? (ok ? null : `HTTP ${statusCode}`),
          response_snippet: snippet,
        })
        .execute();
      await trx
        .updateTable('webhooks_delivery')
        .set({
          status,
          attempts,
          last_status_code: statusCode,
          last_error: ok ? null : (error ?? `HTTP ${statusCode}`),
          delivered_at: ok ? iso(now) : null,
          next_attempt_at:
            status === 'pending' ? iso(addMs(now, retryDelayMs(attempts, this.opts.retryBaseMs))) : null,
        })
        .where('id', '=', d.id)
        .execute();
    });
  }
}
