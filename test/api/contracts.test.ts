import { readFileSync } from 'node:fs';
import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { ManualClock } from '../../src/platform/clock.js';
import { renderEventCatalogue } from '../../src/platform/event-catalogue.js';
import { declarationOf, declaredEvents } from '../../src/platform/events.js';
import { systemWrite } from '../../src/platform/module.js';
import { givenOrg } from '../support/builders.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('typed contracts: events, their catalogue and the hooks that react to them', () => {
  let fw: TestFlywheel;
  beforeAll(async () => {
    fw = await startFlywheel({ clock: new ManualClock('2026-11-26T06:00:00Z') });
    await seedDemoWorld(fw);
  });
  afterAll(() => fw?.cleanup());

  it('keeps docs/events.md as the declarations make it', () => {
    const onDisk = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
    expect(onDisk, 'docs/events.md is stale: run `npm run docs:events`').toBe(
      renderEventCatalogue(fw.modules),
    );
    // Every declared event is on a module's list, so in the catalogue.
    const listed = fw.modules.flatMap((m) => Object.keys(m.events ?? {}));
    expect(declaredEvents().map((e) => e.type)).toEqual([...listed].sort());
    // A declaration that changes shows: the check fails on a stale file.
    const changed = fw.modules.map((m) =>
      m.name === 'orders'
        ? {
            ...m,
            events: {
              ...m.events,
              'orders.order_teleported': { ...m.events!['orders.order_paid'], summary: 'x' },
            },
          }
        : m,
    );
    expect(renderEventCatalogue(changed)).not.toBe(onDisk);
  });

  it('writes every event of the demo world with its declared version and aggregate, its payload as declared', async () => {
    const rows = await fw.rt.db.selectFrom('platform_outbox').selectAll().execute();
    const types = new Set(rows.map((r) => r.type));
    // The demo world places, pays, routes, moves and delivers orders: the order path is in it.
    for (const t of ['orders.order_placed', 'payments.payment_taken', 'fulfilment.shipment_delivered'])
      expect(types).toContain(t);
    const wrong = rows.flatMap((r) => {
      const d = declarationOf(r.type);
      const payload = JSON.parse(r.payload);
      const errors = [...Value.Errors(d.payload, payload)].map((e) => `${e.instancePath} ${e.message}`);
      if (r.aggregate_type !== d.aggregate) errors.push(`aggregate ${r.aggregate_type}`);
      if (Number(r.version) !== d.version) errors.push(`version ${r.version}`);
      return errors.length > 0 ? [{ type: r.type, errors }] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('runs an in-transaction hook inside the write: its refusal rolls the change back', async () => {
    const org = await givenOrg(fw, 'brand');
    fw.rt.hooks.inTransaction('identity.api_key_revoked', 'test.refuse_revoke', async () => {
      throw new Error('refused by a hook');
    });
    const before = await fw.rt.db.selectFrom('platform_outbox').select('seq').execute();
    await expect(
      systemWrite(fw.rt, 'test.revoke', (ctx) =>
        ctx.emit({ type: 'identity.api_key_revoked', aggregateId: 'key_x', orgId: org, payload: {} }),
      ),
    ).rejects.toThrow('refused by a hook');
    const after = await fw.rt.db.selectFrom('platform_outbox').select('seq').execute();
    expect(after.length).toBe(before.length);
  });

  it('runs an after-commit hook once per event however often the event comes, and again after it failed', async () => {
    const org = await givenOrg(fw, 'brand');
    let failNext = true;
    const calls: string[] = [];
    fw.rt.hooks.afterCommit('identity.org_updated', 'test.count_updates', async (ctx, e) => {
      calls.push(e.id);
      // The hook writes in its own transaction: a failure rolls back its write and its receipt.
      await ctx.trx
        .updateTable('identity_org')
        .set({ name: `seen ${calls.length}` })
        .where('id', '=', e.aggregateId)
        .execute();
      if (failNext) {
        failNext = false;
        throw new Error('the first try fails');
      }
    });
    await systemWrite(fw.rt, 'test.update', (ctx) =>
      ctx.emit({
        type: 'identity.org_updated',
        aggregateId: org,
        orgId: org,
        payload: { changes: ['name'] },
      }),
    );
    await fw.relay.drain();
    const event = await fw.rt.db
      .selectFrom('platform_outbox')
      .selectAll()
      .where('type', '=', 'identity.org_updated')
      .where('aggregate_id', '=', org)
      .executeTakeFirstOrThrow();
    expect(calls).toEqual([event.id]);
    // The retry, once its backoff has passed, succeeds.
    await fw.rt.db
      .updateTable('platform_outbox')
      .set({ next_attempt_at: null })
      .where('seq', '=', event.seq)
      .execute();
    await fw.relay.drain();
    expect(calls).toEqual([event.id, event.id]);
    // Delivered again (a relay that crashed before marking it): the receipt makes it a no-op.
    await fw.rt.db
      .updateTable('platform_outbox')
      .set({ published_at: null })
      .where('seq', '=', event.seq)
      .execute();
    await fw.relay.drain();
    expect(calls).toEqual([event.id, event.id]);
    const receipts = await fw.rt.db
      .selectFrom('platform_hook_receipt')
      .selectAll()
      .where('event_id', '=', event.id)
      .execute();
    expect(receipts.map((r) => r.hook)).toEqual(['test.count_updates']);
    const row = await fw.rt.db
      .selectFrom('identity_org')
      .select('name')
      .where('id', '=', org)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('seen 2');
  });
});
