import { createHash } from 'node:crypto';
import type { Clock } from './clock.js';
import { iso } from './clock.js';
import { type Database, type Db, type Executor, isUniqueViolation, type Trx } from './db/database.js';
import { fields, prepared } from './db/prepared.js';
import { DomainError } from './errors.js';
import type { Hooks } from './hooks.js';
import { newId } from './ids.js';
import { type EventInput, writeEvents } from './outbox/outbox.js';
import { actorId, type Principal } from './principal.js';

/** Everything a command needs to change state: one transaction, who acts, and the time. */
export type WriteCtx = {
  trx: Trx;
  principal: Principal | null;
  requestId: string | null;
  ip: string | null;
  now: Date;
  /**
   * Says what happened: the event is written to the outbox in this transaction, and the
   * in-transaction hooks registered for it run now, in it (they may refuse by throwing).
   */
  emit(event: EventInput): Promise<void>;
  /** Record an audit entry in this transaction. `write` records one per call by itself. */
  audit(entry: AuditEntry): void;
  /** Wake background work after commit even without events (a queued webhook delivery). */
  wake(): void;
};

export type AuditEntry = {
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  orgId?: string | null;
  /** The actor when the principal is not yet known (a login). */
  actorId?: string | null;
  details?: Record<string, unknown>;
};

export type WriteRequest = {
  principal: Principal | null;
  requestId: string | null;
  ip: string | null;
  /** From the `Idempotency-Key` header. */
  idempotencyKey?: string | null;
  /** Method, path and body of the request, fingerprinted for idempotency. */
  fingerprint?: { method: string; path: string; body: unknown };
};

export type WriteDeps = { db: Db; clock: Clock; hooks: Hooks; afterCommit?: () => void };

export type WriteResult<T> = { status: number; body: T; replayed: boolean };

/**
 * Runs one command in one transaction with its events, its audit entry and, when the request
 * carries an `Idempotency-Key`, the stored response: all commit together, so a retried request
 * gets the same answer and never a second effect, even after a crash between commit and reply.
 */
export async function runWrite<T>(
  deps: WriteDeps,
  req: WriteRequest,
  opts: { action: string; objectType?: string; status?: number },
  fn: (ctx: WriteCtx) => Promise<T>,
): Promise<WriteResult<T>> {
  const status = opts.status ?? 200;
  const key = req.idempotencyKey ?? null;
  const scope = idempotencyScope(req.principal);
  const hash = key ? fingerprintHash(req.fingerprint) : '';
  if (key) {
    if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
      throw new DomainError(
        'idempotency.key_invalid',
        'Idempotency-Key must be 1-255 visible ASCII characters',
        {
          errors: [{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
        },
      );
    }
    const stored = await findStored<T>(deps.db, scope, key, hash);
    if (stored) return stored;
  }
  try {
    const result = await deps.db.transaction().execute(async (trx) => {
      if (key) {
        // Claim the key first: a concurrent twin blocks here (PostgreSQL) or waits its turn (SQLite).
        await claimKey(trx, {
          scope,
          key,
          method: req.fingerprint?.method ?? '',
          path: req.fingerprint?.path ?? '',
          request_hash: hash,
          created_at: iso(deps.clock.now()),
        });
      }
      const events: EventInput[] = [];
      // An emit not awaited still runs its hooks before the commit, and its failure still aborts it.
      const firing: Array<Promise<void>> = [];
      let wake = false;
      const audits: AuditEntry[] = [];
      const now = deps.clock.now();
      const ctx: WriteCtx = {
        trx,
        principal: req.principal,
        requestId: req.requestId,
        ip: req.ip,
        now,
        emit: (e) => {
          events.push(e);
          const fired = deps.hooks.fire(ctx, e);
          fired.catch(() => {}); // awaited below; a failure must not also be an unhandled rejection
          firing.push(fired);
          return fired;
        },
        audit: (a) => audits.push(a),
        wake: () => {
          wake = true;
        },
      };
      const body = await fn(ctx);
      // Hooks may emit in turn: wait for every one, including those started meanwhile.
      for (let i = 0; i < firing.length; i++) await firing[i];
      if (audits.length === 0) {
        const objectId = (body as { id?: unknown } | null)?.id;
        audits.push({
          action: opts.action,
          objectType: opts.objectType ?? null,
          objectId: typeof objectId === 'string' ? objectId : null,
        });
      }
      await writeAudit(trx, req, audits, now);
      await writeEvents(trx, events, { now, actorId: actorId(req.principal), requestId: req.requestId });
      if (key) {
        await storeResponse(trx, { scope, key, status, response: JSON.stringify(body ?? null) });
      }
      return { body, wake: wake || events.length > 0 };
    });
    if (result.wake) deps.afterCommit?.();
    return { status, body: result.body, replayed: false };
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const stored = await findStored<T>(deps.db, scope, key, hash);
      if (stored) return stored;
      throw new DomainError(
        'idempotency.in_progress',
        'a request with this Idempotency-Key is still in progress',
      );
    }
    throw error;
  }
}

function idempotencyScope(principal: Principal | null): string {
  if (!principal) return 'anonymous';
  return principal.type === 'member'
    ? `user:${principal.userId}:${principal.orgId}`
    : `shopper:${principal.shopperId}`;
}

function fingerprintHash(fp: WriteRequest['fingerprint']): string {
  return createHash('sha256')
    .update(JSON.stringify([fp?.method ?? '', fp?.path ?? '', fp?.body ?? null]))
    .digest('hex');
}

async function findStored<T>(
  db: Db,
  scope: string,
  key: string,
  hash: string,
): Promise<WriteResult<T> | null> {
  const [row] = await storedResponse(db, { scope, key });
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new DomainError('idempotency.key_reused', 'this Idempotency-Key was used with another request', {
      errors: [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
    });
  }
  return { status: row.status, body: JSON.parse(row.response) as T, replayed: true };
}

async function writeAudit(trx: Trx, req: WriteRequest, entries: AuditEntry[], now: Date): Promise<void> {
  const p = req.principal;
  const rows = entries.map((a) => ({
    id: newId('aud'),
    org_id: a.orgId !== undefined ? a.orgId : p?.type === 'member' ? p.orgId : null,
    // No principal and no actor: the system itself (demo seed, CLI).
    actor_type: p ? p.type : a.actorId ? 'member' : 'system',
    actor_id: a.actorId ?? actorId(p),
    action: a.action,
    object_type: a.objectType ?? null,
    object_id: a.objectId ?? null,
    request_id: req.requestId,
    ip: req.ip,
    details: a.details ? JSON.stringify(a.details) : null,
    created_at: iso(now),
  }));
  if (rows.length === 1) await insertAudit(trx, rows[0]);
  else await trx.insertInto('platform_audit').values(rows).execute();
}

// The statements of every idempotent write, and the audit row of every write: built once (see `prepared`).
type Idempotency = Database['platform_idempotency'];
const claimKey = prepared((db: Executor, p: Omit<Idempotency, 'status' | 'response'>) =>
  db.insertInto('platform_idempotency').values({
    scope: p.scope,
    key: p.key,
    method: p.method,
    path: p.path,
    request_hash: p.request_hash,
    status: 0,
    response: '',
    created_at: p.created_at,
  }),
);
const storeResponse = prepared(
  (db: Executor, p: Pick<Idempotency, 'scope' | 'key' | 'status' | 'response'>) =>
    db
      .updateTable('platform_idempotency')
      .set({ status: p.status, response: p.response })
      .where('scope', '=', p.scope)
      .where('key', '=', p.key),
);
const storedResponse = prepared((db: Executor, p: Pick<Idempotency, 'scope' | 'key'>) =>
  db.selectFrom('platform_idempotency').selectAll().where('scope', '=', p.scope).where('key', '=', p.key),
);

const insertAudit = prepared((db: Executor, p: Database['platform_audit']) =>
  db
    .insertInto('platform_audit')
    .values(
      fields(p, [
        'id',
        'org_id',
        'actor_type',
        'actor_id',
        'action',
        'object_type',
        'object_id',
        'request_id',
        'ip',
        'details',
        'created_at',
      ]),
    ),
);
