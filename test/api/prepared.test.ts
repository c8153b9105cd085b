import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../src/platform/db/database.js';
import { insertRows, prepared } from '../../src/platform/db/prepared.js';
import { startFlywheel, type TestFlywheel } from '../support/harness.js';

describe('prepared statements', () => {
  let fw: TestFlywheel;
  beforeEach(async () => {
    fw = await startFlywheel();
  });
  afterEach(() => fw.cleanup());

  const byKey = prepared((db: Executor, p: { scope: string; key: string }) =>
    db
      .selectFrom('platform_idempotency')
      .select(['key', 'status'])
      .where('scope', '=', p.scope)
      .where('key', '=', p.key),
  );

  it('binds each call its own values, in a transaction or not', async () => {
    const at = new Date().toISOString();
    const row = (key: string, status: number) => ({
      scope: 's',
      key,
      method: 'POST',
      path: '/x',
      request_hash: 'h',
      status,
      response: '',
      created_at: at,
    });
    await fw.rt.db
      .insertInto('platform_idempotency')
      .values([row('a', 201), row('b', 409)])
      .execute();
    expect(await byKey(fw.rt.db, { scope: 's', key: 'b' })).toEqual([{ key: 'b', status: 409 }]);
    expect(await byKey(fw.rt.db, { scope: 's', key: 'a' })).toEqual([{ key: 'a', status: 201 }]);
    expect(await byKey(fw.rt.db, { scope: 'other', key: 'a' })).toEqual([]);
    await fw.rt.db.transaction().execute(async (trx) => {
      await trx.updateTable('platform_idempotency').set({ status: 500 }).where('key', '=', 'a').execute();
      expect(await byKey(trx, { scope: 's', key: 'a' })).toEqual([{ key: 'a', status: 500 }]);
    });
  });

  it('refuses a statement whose shape or values are computed from what it is given', async () => {
    const computed = prepared((db: Executor, p: { key: string }) =>
      db.selectFrom('platform_idempotency').selectAll().where('key', '=', `${p.key}-suffix`),
    );
    await expect(computed(fw.rt.db, { key: 'a' })).rejects.toThrow(/computed from/);
    const unused = prepared((db: Executor, p: { key: string }) =>
      db
        .selectFrom('platform_idempotency')
        .selectAll()
        .where(p.key ? 'key' : 'scope', '=', 'x'),
    );
    await expect(unused(fw.rt.db, { key: 'a' })).rejects.toThrow(/does not reach the query/);
  });

  it('inserts rows with a statement per shape, and any number of them', async () => {
    const at = new Date().toISOString();
    const row = (key: string, response?: string) => ({
      scope: 'rows',
      key,
      method: 'POST',
      path: '/x',
      request_hash: 'h',
      status: 200,
      response: response ?? `r-${key}`,
      created_at: at,
    });
    await insertRows(fw.rt.db, 'platform_idempotency', [row('1')]);
    await insertRows(fw.rt.db, 'platform_idempotency', [row('2'), row('3')]);
    await insertRows(fw.rt.db, 'platform_idempotency', [row('4', 'four')]);
    await insertRows(
      fw.rt.db,
      'platform_idempotency',
      Array.from({ length: 12 }, (_, i) => row(`bulk-${i}`)),
    );
    const stored = await fw.rt.db
      .selectFrom('platform_idempotency')
      .select(['key', 'response'])
      .where('scope', '=', 'rows')
      .orderBy('key')
      .execute();
    expect(stored).toHaveLength(16);
    expect(stored.filter((r) => !r.key.startsWith('bulk'))).toEqual([
      { key: '1', response: 'r-1' },
      { key: '2', response: 'r-2' },
      { key: '3', response: 'r-3' },
      { key: '4', response: 'four' },
    ]);
    const { response: _, ...short } = row('5');
    await expect(insertRows(fw.rt.db, 'platform_idempotency', [row('6'), short as never])).rejects.toThrow(
      /differ in their columns/,
    );
  });
});
