import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createFlywheel, type Flywheel } from '../../src/app.js';
import type { Clock } from '../../src/platform/clock.js';
import { type Config, loadConfig } from '../../src/platform/config.js';
import { dialectOf } from '../../src/platform/db/database.js';
import { createLogger } from '../../src/platform/logger.js';

/** The engine under test: PostgreSQL when DATABASE_URL says so, else SQLite in memory. */
export const testDatabaseUrl = process.env.DATABASE_URL ?? ':memory:';
export const testDialect = dialectOf(testDatabaseUrl);

export type TestFlywheel = Flywheel & { cleanup(): Promise<void> };

/**
 * A Flywheel on a database of its own: a fresh in-memory SQLite, or a fresh PostgreSQL schema
 * that is dropped afterwards. Background loops are not started unless asked, so tests drive the
 * relay and the webhook sender by hand and stay deterministic.
 */
export async function startFlywheel(
  opts: { clock?: Clock; config?: Partial<Config>; start?: boolean } = {},
): Promise<TestFlywheel> {
  const config = loadConfig(
    { ...process.env, DATABASE_URL: testDatabaseUrl },
    {
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      webDir: 'dist/web',
      redisPrefix: `fwtest:${randomBytes(4).toString('hex')}:`,
      // Test receivers listen on loopback.
      webhookAllowPrivate: true,
      ...opts.config,
    },
  );
  const schema = testDialect === 'postgres' ? await createTestSchema() : undefined;
  const fw = await createFlywheel(config, {
    clock: opts.clock,
    logger: createLogger(config.logLevel),
    schema,
  });
  if (opts.start) await fw.start();
  return {
    ...fw,
    async cleanup() {
      await fw.close();
      if (schema) await dropTestSchema(schema);
    },
  };
}

async function onTestServer(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A fresh schema on the PostgreSQL under test. */
export async function createTestSchema(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onTestServer(`create schema ${schema}`);
  return schema;
}

export const dropTestSchema = (schema: string) => onTestServer(`drop schema ${schema} cascade`);
