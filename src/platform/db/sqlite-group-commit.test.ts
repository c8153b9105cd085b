import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from './database.js';

// Group commit on SQLite, watched from a second connection as another process would see the file.
describe('SQLite group commit', () => {
  let dir: string;
  let handle: DbHandle;
  let observer: BetterSqlite3.Database;
  const visible = () => (observer.prepare('select count(*) as n from t').get() as { n: number }).n;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flywheel-group-commit-'));
    handle = openDatabase(join(dir, 'db.sqlite'));
    await sql`create table t (id integer primary key, note text not null)`.execute(handle.db);
    await sql`create table parent (id integer primary key)`.execute(handle.db);
    await sql`create table child (id integer primary key, parent_id integer references parent (id) deferrable initially deferred)`.execute(
      handle.db,
    );
    observer = new BetterSqlite3(join(dir, 'db.sqlite'), { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: number) =>
    handle.db.transaction().execute(async (trx) => {
      await sql`insert into t (id, note) values (${id}, 'x')`.execute(trx);
      return id;
    });

  it('commits a burst once, returns none before it is durable, and rolls a failed one back alone', async () => {
    const seenOnReturn: number[] = [];
    const burst = Array.from({ length: 20 }, (_, i) =>
      i === 7
        ? handle.db.transaction().execute(async (trx) => {
            await sql`insert into t (id, note) values (${i}, 'x')`.execute(trx);
            throw new Error('refused');
          })
        : insert(i).then((id) => {
            seenOnReturn.push(visible());
            return id;
          }),
    );
    const results = await Promise.allSettled(burst);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    // Each transaction, when it returned, was already on disk, and so were the other 18 of its
    // burst: one commit for all of them, not one each.
    expect(seenOnReturn).toEqual(Array(19).fill(19));
    expect(observer.prepare('select count(*) as n from t where id = 7').get()).toEqual({ n: 0 });
  });

  it('answers a read that saw a batch only after the batch is committed', async () => {
    const write = insert(1);
    const read = handle.db
      .selectFrom(sql`t`.as('t') as never)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => ({ row, onDisk: visible() }));
    const [, { row, onDisk }] = await Promise.all([write, read]);
    expect(Number((row as { n: number }).n)).toBe(1);
    expect(onDisk).toBe(1);
  });

  it('fails every transaction of a batch whose commit fails, and writes none of them', async () => {
    const orphan = handle.db.transaction().execute(async (trx) => {
      // A deferred foreign key is checked at commit: the batch's commit fails.
      await sql`insert into child (id, parent_id) values (1, 99)`.execute(trx);
    });
    const results = await Promise.allSettled([insert(1), orphan, insert(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(visible()).toBe(0);
    expect(observer.prepare('select count(*) as n from child').get()).toEqual({ n: 0 });
    // The connection is usable again.
    await insert(3);
    expect(visible()).toBe(1);
  });

  it('nests the savepoints a transaction makes inside its own', async () => {
    const trx = await handle.db.startTransaction().execute();
    await sql`insert into t (id, note) values (1, 'kept')`.execute(trx);
    const inner = await trx.savepoint('inner').execute();
    await sql`insert into t (id, note) values (2, 'undone')`.execute(inner);
    await inner.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(observer.prepare('select id from t').all()).toEqual([{ id: 1 }]);
  });

  it('copies the WAL back into the database file from a worker thread once busy', async () => {
    const file = join(dir, 'db.sqlite');
    const before = statSync(file).size;
    // 150 single-transaction batches: the worker starts after 100 commits; the writer's own
    // autocheckpoint is then 20,000 pages away, so only the worker moves pages to the file.
    for (let i = 0; i < 150; i++) {
      await handle.db
        .transaction()
        .execute((trx) => sql`insert into t (id, note) values (${i}, ${'x'.repeat(2000)})`.execute(trx));
    }
    const until = Date.now() + 5000;
    while (statSync(file).size < before + 150 * 2000 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(statSync(file).size).toBeGreaterThan(before + 150 * 2000);
    expect(visible()).toBe(150);
  });
});
