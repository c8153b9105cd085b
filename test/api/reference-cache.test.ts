import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlywheel, type Flywheel, seedDemoWorld } from '../../src/app.js';
import { channelById, channelOffers } from '../../src/modules/catalog/index.js';
import { brandRules } from '../../src/modules/fulfilment/queries/plan.js';
import { stockedLocations } from '../../src/modules/inventory/index.js';
import { agreementTerms } from '../../src/modules/partnership/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTestSchema, dropTestSchema, testDatabaseUrl, testDialect } from '../support/harness.js';

/**
 * Channels, offers, locations, agreements and routing rules are cached per process. Two
 * Flywheels on one database stand for two API processes: what one changes, by a command or by
 * bare SQL, the other reads at once.
 */
describe('reference data cached per process', () => {
  let dir: string;
  let schema: string | undefined;
  let a: Flywheel;
  let b: Flywheel;
  let brandId: string;
  let channel: NonNullable<Awaited<ReturnType<typeof channelById>>>;
  const now = new Date('2026-11-26T06:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-reference-'));
    let url = join(dir, 'shared.db');
    if (testDialect === 'postgres') {
      url = testDatabaseUrl;
      schema = await createTestSchema();
    }
    const open = () =>
      createFlywheel(loadConfig({ ...process.env, DATABASE_URL: url }, { logLevel: 'silent' }), {
        logger: createLogger('silent'),
        schema,
      });
    a = await open();
    b = await open();
    await seedDemoWorld(a);
    const online = await a.rt.db
      .selectFrom('catalog_channel')
      .selectAll()
      .where('kind', '=', 'online')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    brandId = online.org_id;
    channel = (await channelById(a.rt.db, online.id))!;
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    if (schema) await dropTestSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads what another process changed at once: prices, channels, locations, agreements, rules', async () => {
    const listing = await a.rt.db
      .selectFrom('catalog_listing')
      .selectAll()
      .where('channel_id', '=', channel.id)
      .orderBy('sku_id')
      .executeTakeFirstOrThrow();
    const offer = async () => (await channelOffers(a.rt.db, channel, [listing.sku_id], now))[0];
    expect((await offer()).prices?.sellingPrice).toBe(Number(listing.selling_price));
    await sql`update catalog_listing set selling_price = selling_price - 100 where channel_id = ${channel.id} and sku_id = ${listing.sku_id}`.execute(
      b.rt.db,
    );
    expect((await offer()).prices?.sellingPrice).toBe(Number(listing.selling_price) - 100);

    await b.rt.db
      .updateTable('catalog_channel')
      .set({ status: 'paused' })
      .where('id', '=', channel.id)
      .execute();
    expect((await channelById(a.rt.db, channel.id))?.status).toBe('paused');

    const stores = async () =>
      (await stockedLocations(a.rt.db, { brandId, channelKind: 'online', skuIds: [listing.sku_id] })).filter(
        (l) => l.kind === 'store',
      );
    const store = (await stores())[0];
    await b.rt.db
      .updateTable('inventory_location')
      .set({ status: 'closed' })
      .where('id', '=', store.id)
      .execute();
    expect((await stores()).map((s) => s.id)).not.toContain(store.id);

    const terms = await agreementTerms(a.rt.db, brandId);
    expect(terms.length).toBeGreaterThan(0);
    await b.rt.db
      .updateTable('partnership_agreement')
      .set({ ends_on: '2026-01-01' })
      .where('org_id', '=', brandId)
      .execute();
    expect((await agreementTerms(a.rt.db, brandId)).every((t) => t.endsOn === '2026-01-01')).toBe(true);

    expect(await brandRules(a.rt.db, brandId)).toEqual([]);
    await b.rt.db
      .insertInto('fulfilment_rule')
      .values({
        id: 'frl_reference_test',
        org_id: brandId,
        kind: 'avoid_split',
        location_id: null,
        rank: 1,
        created_at: now.toISOString(),
      })
      .execute();
    expect(await brandRules(a.rt.db, brandId)).toEqual([{ kind: 'avoid_split' }]);
  });
});
