import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { Migrations } from './db/migrations.js';
import { TenantScope } from './db/tenant.js';
import { DomainError } from './errors.js';
import type { EventDeclaration } from './events.js';
import type { Hooks } from './hooks.js';
import { type App, idempotencyKeyOf } from './http/server.js';
import type { Logger } from './logger.js';
import type { EventSink } from './outbox/relay.js';
import type { MemberPrincipal, ShopperPrincipal } from './principal.js';
import { runWrite, type WriteCtx, type WriteDeps } from './write.js';

/** What the composition root hands every module. */
export type Runtime = {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  /** How modules react to each other's events: registered in the composition root. */
  hooks: Hooks;
  /** Wakes the outbox relay and every waker after a commit that wrote events. */
  nudge: () => void;
  /** Background loops to wake on `nudge` (the webhook sender). */
  wakers: Array<() => void>;
  /** Event sinks of the relay's in-process lane: after-commit hooks, the webhooks fan-out. */
  sinks: EventSink[];
};

/** A figure on a role's home page, from whichever module owns it. */
export type HomeFigure = { key: string; value: number; format?: 'count' | 'fen' | 'percent'; group?: string };

/**
 * A capability that plugs in: its tables, routes, event subscriptions, demo data and home
 * figures. The composition root lists modules; nothing in the platform names one.
 */
export type FlywheelModule = {
  name: string;
  migrations: Migrations;
  /** The events it declares (its `events.ts`): the event catalogue is made of these. */
  events?: Record<string, EventDeclaration>;
  routes?(app: App, rt: Runtime): void | Promise<void>;
  /** Subscribe to events, add sinks, start background work. */
  start?(rt: Runtime): void | Promise<void>;
  stop?(): void | Promise<void>;
  /** Load this module's part of the demo world; `world` carries ids earlier modules created. */
  seed?(rt: Runtime, world: DemoWorld): Promise<void>;
  homeFigures?(rt: Runtime, principal: MemberPrincipal): Promise<HomeFigure[]>;
};

/** Ids and credentials of the demo world, shared between modules' seeds. */
export type DemoWorld = {
  orgs: Record<string, string>;
  users: Record<string, string>;
  logins: Array<{ role: string; email: string; password: string; org: string }>;
  [key: string]: unknown;
};

/** Runs a route's command as one write: transaction, events, audit, idempotency, status. */
export async function handleWrite<T>(
  rt: Pick<Runtime, 'db' | 'clock' | 'hooks' | 'nudge'>,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { action: string; objectType?: string; status?: number },
  fn: (ctx: WriteCtx) => Promise<T>,
): Promise<T> {
  const deps: WriteDeps = { db: rt.db, clock: rt.clock, hooks: rt.hooks, afterCommit: rt.nudge };
  const result = await runWrite(
    deps,
    {
      principal: req.principal,
      requestId: req.id,
      ip: req.ip,
      idempotencyKey: idempotencyKeyOf(req),
      fingerprint: { method: req.method, path: req.url, body: req.body ?? null },
    },
    opts,
    fn,
  );
  reply.code(result.status);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return result.body;
}

/**
 * A write the system makes by itself (the demo seed, background work): no principal, audited as
 * the system; `clock` dates it (a seed writes history on the days it happened).
 */
export async function systemWrite<T>(
  rt: Pick<Runtime, 'db' | 'clock' | 'hooks' | 'nudge'>,
  action: string,
  fn: (ctx: WriteCtx) => Promise<T>,
  clock: Clock = rt.clock,
): Promise<T> {
  const deps: WriteDeps = { db: rt.db, clock, hooks: rt.hooks, afterCommit: rt.nudge };
  return (await runWrite(deps, { principal: null, requestId: 'system', ip: null }, { action }, fn)).body;
}

export function memberOf(req: FastifyRequest): MemberPrincipal {
  const p = req.principal;
  if (p?.type !== 'member') throw new DomainError('auth.forbidden', 'this route is for organisation members');
  return p;
}

export function shopperOf(req: FastifyRequest): ShopperPrincipal {
  const p = req.principal;
  if (p?.type !== 'shopper') throw new DomainError('auth.forbidden', 'this route is for shoppers');
  return p;
}

/** The tenant scope of the member making a request (or of a member principal). */
export function scopeOf(db: Db, of: FastifyRequest | MemberPrincipal): TenantScope {
  const p = isRequest(of) ? of.principal : of;
  if (p?.type !== 'member') throw new DomainError('auth.forbidden', 'this route is for organisation members');
  return TenantScope.of(db, p);
}

function isRequest(x: FastifyRequest | MemberPrincipal): x is FastifyRequest {
  return (x as MemberPrincipal).type !== 'member';
}

/**
 * A module's background loop: runs `work` every `everyMs`, never two rounds at once, logs a
 * failed round and goes on. `stop` waits for the round in progress.
 */
export function backgroundLoop(
  rt: Pick<Runtime, 'logger'>,
  name: string,
  everyMs: number,
  work: () => Promise<unknown>,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = work()
      .catch((error) => rt.logger.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
