import { iso } from '../clock.js';
import type { Executor } from '../db/database.js';
import { newId } from '../ids.js';

/** An event as written by a command, in the past tense: `identity.user_created`. */
export type EventInput = {
  type: string;
  aggregateType: string;
  aggregateId: string;
  orgId: string | null;
  payload: Record<string, unknown>;
};

/** An event as delivered: with its id (for dedupe), sequence and time. */
export type FlywheelEvent = EventInput & {
  id: string;
  seq: number;
  actorId: string | null;
  requestId: string | null;
  createdAt: string;
};

/**
 * Writes events to the outbox in the caller's transaction, so a change and its events commit
 * together or not at all. Emit after updating the aggregate's row: that row lock keeps the
 * events of one aggregate in commit order, which the relay then preserves.
 */
export async function writeEvents(
  trx: Executor,
  events: EventInput[],
  meta: { now: Date; actorId: string | null; requestId: string | null },
): Promise<void> {
  // One statement per few hundred events keeps within the engines' bound-parameter limits.
  for (let i = 0; i < events.length; i += 500) {
    await trx
      .insertInto('platform_outbox')
      .values(
        events.slice(i, i + 500).map((e) => ({
          id: newId('evt'),
          type: e.type,
          aggregate_type: e.aggregateType,
          aggregate_id: e.aggregateId,
          org_id: e.orgId,
          actor_id: meta.actorId,
          request_id: meta.requestId,
          payload: JSON.stringify(e.payload),
          created_at: iso(meta.now),
          attempts: 0,
        })) as any,
      )
      .execute();
  }
}

export function eventFromRow(row: {
  id: string;
  seq: number;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  org_id: string | null;
  actor_id: string | null;
  request_id: string | null;
  payload: string;
  created_at: string;
}): FlywheelEvent {
  return {
    id: row.id,
    seq: Number(row.seq),
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    orgId: row.org_id,
    actorId: row.actor_id,
    requestId: row.request_id,
    payload: JSON.parse(row.payload),
    createdAt: row.created_at,
  };
}
