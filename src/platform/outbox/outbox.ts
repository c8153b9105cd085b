import { iso } from '../clock.js';
import type { Executor } from '../db/database.js';
import { declarationOf, type EventInput, type FlywheelEvent } from '../events.js';
import { newId } from '../ids.js';

export type { EventInput, FlywheelEvent };

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
        events.slice(i, i + 500).map((e) => {
          const declared = declarationOf(e.type);
          return {
            id: newId('evt'),
            type: e.type,
            version: declared.version,
            aggregate_type: declared.aggregate,
            aggregate_id: e.aggregateId,
            org_id: e.orgId,
            actor_id: meta.actorId,
            request_id: meta.requestId,
            payload: JSON.stringify(e.payload),
            created_at: iso(meta.now),
            attempts: 0,
          };
        }) as any,
      )
      .execute();
  }
}

export function eventFromRow(row: {
  id: string;
  seq: number;
  type: string;
  version: number;
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
    type: row.type as FlywheelEvent['type'],
    version: Number(row.version),
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    orgId: row.org_id,
    actorId: row.actor_id,
    requestId: row.request_id,
    payload: JSON.parse(row.payload),
    createdAt: row.created_at,
  } as FlywheelEvent;
}
