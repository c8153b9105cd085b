import { existsSync, readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { apiTags, validBodies } from './api-examples.js';
import { createAftersalesModule, lateParcel } from './modules/aftersales/index.js';
import { createCatalogModule } from './modules/catalog/index.js';
import { createFulfilmentModule, shipmentMoved } from './modules/fulfilment/index.js';
import { createGrowthModule, placedFrom } from './modules/growth/index.js';
import { createAuthenticator, createIdentityModule } from './modules/identity/index.js';
import { createInventoryModule } from './modules/inventory/index.js';
import { createLedgerModule } from './modules/ledger/index.js';
import {
  bookRetailerShare,
  cancelRefused,
  createOrdersModule,
  followShipment,
  OrderExtensions,
  payOrder,
} from './modules/orders/index.js';
import { createPartnershipModule, settledAs } from './modules/partnership/index.js';
import { createPaymentsModule } from './modules/payments/index.js';
import { createTrustModule, judgeNewBrand, netDebt, rightsAsPlaced } from './modules/trust/index.js';
import { createWebhooksModule } from './modules/webhooks/index.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type DbHandle, openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrations.js';
import { platformMigrations } from './platform/db/platform-tables.js';
import { Hooks } from './platform/hooks.js';
import { access } from './platform/http/access.js';
import { Type } from './platform/http/schemas.js';
import { type App, createHttpServer } from './platform/http/server.js';
import { createLogger, type Logger } from './platform/logger.js';
import {
  type DemoWorld,
  type FlywheelModule,
  memberOf,
  type Runtime,
  systemWrite,
} from './platform/module.js';
import { NatsSink } from './platform/outbox/nats.js';
import { OutboxRelay } from './platform/outbox/relay.js';

/** The package version, read from package.json whether running from `src/` or `dist/server/`. */
export const version: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    const file = new URL(rel, import.meta.url);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version as string;
  }
  return '0.0.0';
})();

/**
 * Every capability, in dependency order. A new module is one line here; what it adds to the
 * order path (a price adjuster, a placement contributor) is one line below it.
 */
export function allModules(orderExtensions = new OrderExtensions()): FlywheelModule[] {
  // growth: where each order was placed from.
  orderExtensions.addPlacementContributor(placedFrom);
  // partnership: how each store's part of an order settles with its retailer.
  orderExtensions.addPlacementContributor(settledAs);
  // trust: the Trust Card rights each order keeps, as its shop held them when it was placed.
  orderExtensions.addPlacementContributor(rightsAsPlaced);
  return [
    createIdentityModule(),
    createWebhooksModule(),
    createPartnershipModule(),
    createCatalogModule(),
    createInventoryModule(),
    createLedgerModule(),
    createFulfilmentModule(),
    createPaymentsModule(),
    // Before orders: the demo world's orders are placed under the tiers it sets.
    createTrustModule(),
    createOrdersModule(orderExtensions),
    createAftersalesModule(),
    createGrowthModule(),
  ];
}

export type Flywheel = {
  app: App;
  rt: Runtime;
  handle: DbHandle;
  modules: FlywheelModule[];
  relay: OutboxRelay;
  /** The order path's extension points, as the composition root filled them. */
  orderExtensions: OrderExtensions;
  /** Starts background work: the outbox relay and module loops. */
  start(): Promise<void>;
  close(): Promise<void>;
};

export type CreateOptions = { clock?: Clock; logger?: Logger; schema?: string; migrate?: boolean };

/** The composition root: config -> db -> modules -> HTTP server. No DI container. */
export async function createFlywheel(config: Config, opts: CreateOptions = {}): Promise<Flywheel> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const schema = opts.schema ?? config.databaseSchema ?? undefined;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`DATABASE_SCHEMA "${schema}" is not a plain schema name`);
  const handle = openDatabase(config.databaseUrl, { schema });
  if (schema && handle.dialect === 'postgres')
    await sql`create schema if not exists ${sql.id(schema)}`.execute(handle.db);
  const orderExtensions = new OrderExtensions();
  const modules = allModules(orderExtensions);
  if (opts.migrate !== false)
    await migrateToLatest(handle.db, [platformMigrations, ...modules.map((m) => m.migrations)], schema);

  const hooks = new Hooks();
  const rt: Runtime = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock: opts.clock ?? systemClock,
    logger,
    hooks,
    sinks: [],
    wakers: [],
    nudge: () => {
      for (const wake of rt.wakers) wake();
    },
  };
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false })
    : null;
  const app = await createHttpServer({
    logger,
    authenticate: createAuthenticator(rt),
    ready: async () => {
      await sql`select 1`.execute(handle.db);
    },
    webDir: config.webDir,
    redis,
    redisPrefix: config.redisPrefix,
    trustProxy: config.trustProxy,
    version,
    docs: { tags: apiTags, examples: validBodies },
  });
  wireHooks(rt);
  rt.sinks.push(hooks.sink((action, fn) => systemWrite(rt, action, fn)));
  for (const m of modules) await m.routes?.(app, rt);
  homeRoute(app, rt, modules);

  const stream = config.natsUrl ? await NatsSink.connect(config.natsUrl, logger) : null;
  const relay = new OutboxRelay(
    { db: handle.db, clock: rt.clock, logger, pollMs: config.outboxPollMs },
    rt.sinks,
    stream,
  );
  rt.wakers.unshift(() => relay.nudge());

  let started = false;
  return {
    app,
    rt,
    handle,
    modules,
    relay,
    orderExtensions,
    async start() {
      if (started) return;
      started = true;
      for (const m of modules) await m.start?.(rt);
      relay.start();
    },
    async close() {
      await app.close();
      for (const m of [...modules].reverse()) await m.stop?.();
      await relay.stop();
      await stream?.close();
      redis?.disconnect();
      await handle.close();
    },
  };
}

/**
 * How modules react to each other's events: every cross-module reaction is registered here, so
 * this list is the whole of them.
 */
function wireHooks(rt: Runtime): void {
  // A taken payment pays its order, and a moved shipment moves it, in the same transaction; a
  // payment code refused at the counter takes the sale back; goods a store hands over book the
  // retailer's share.
  rt.hooks.inTransaction('payments.payment_taken', 'orders.pay_order', (ctx, e) => payOrder(ctx, e));
  rt.hooks.inTransaction('payments.payment_refused', 'orders.cancel_refused', (ctx, e) =>
    cancelRefused(ctx, e),
  );
  rt.hooks.inTransaction(shipmentMoved, 'orders.follow_shipment', (ctx, e) => followShipment(ctx, e));
  rt.hooks.inTransaction(shipmentMoved, 'orders.book_retailer_share', (ctx, e) => bookRetailerShare(ctx, e));
  // A brand onboarded is judged against the Trust Card tiers at once.
  rt.hooks.inTransaction('identity.org_created', 'trust.judge_new_brand', (ctx, e) => judgeNewBrand(ctx, e));
  // A one-hour parcel delivered after its promise is compensated by the order's rights.
  rt.hooks.inTransaction('fulfilment.shipment_delivered', 'aftersales.late_parcel', (ctx, e) =>
    lateParcel(ctx, e),
  );
  // A merchant's debt (compensations the platform advanced) comes out of its next payable.
  rt.hooks.afterCommit('payments.payment_taken', 'trust.net_debt', (ctx, e) => netDebt(ctx, e));
}

function homeRoute(app: App, rt: Runtime, modules: FlywheelModule[]): void {
  app.get(
    '/api/home',
    {
      schema: {
        tags: ['home'],
        summary: "Figures for the signed-in member's home page, from every module",
        response: {
          200: Type.Object({
            role: Type.String(),
            orgKind: Type.String(),
            figures: Type.Array(
              Type.Object({
                key: Type.String(),
                value: Type.Number(),
                format: Type.Optional(Type.String()),
                group: Type.Optional(Type.String()),
              }),
            ),
          }),
        },
      },
      config: { access: access.member() },
    },
    async (req) => {
      const p = memberOf(req);
      const figures = [];
      for (const m of modules) if (m.homeFigures) figures.push(...(await m.homeFigures(rt, p)));
      return { role: p.role, orgKind: p.orgKind, figures };
    },
  );
}

/** Loads the demo world into an empty database; returns null when it already holds data. */
export async function seedDemoWorld(
  fw: Pick<Flywheel, 'rt' | 'modules'>,
  onStep?: (module: string, i: number, n: number) => void,
): Promise<DemoWorld | null> {
  const existing = await fw.rt.db.selectFrom('identity_org').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const world: DemoWorld = { orgs: {}, users: {}, logins: [] };
  const seeding = fw.modules.filter((m) => m.seed);
  for (const [i, m] of seeding.entries()) {
    onStep?.(m.name, i, seeding.length);
    await m.seed!(fw.rt, world);
  }
  onStep?.('done', seeding.length, seeding.length);
  return world;
}
