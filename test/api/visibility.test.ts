import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/app.js';
import { visibleOrgIds } from '../../src/modules/identity/authenticate.js';
import type { Db } from '../../src/platform/db/database.js';
import { TenantScope } from '../../src/platform/db/tenant.js';
import {
  declaredVisibility,
  type Reader,
  type TableName,
  type Visibility,
  visibilityOf,
} from '../../src/platform/db/visibility.js';
import type { OrgKind } from '../../src/platform/principal.js';
import { startFlywheel, type TestFlywheel, testDialect } from '../support/harness.js';

type Row = Record<string, unknown>;

/** Every table and view in the database, with its columns, as the engine itself lists them. */
async function schemaOf(db: Db): Promise<Map<string, string[]>> {
  const rows =
    testDialect === 'postgres'
      ? (
          await sql<{ table_name: string; column_name: string }>`
            select c.table_name, c.column_name from information_schema.columns c
            where c.table_schema = current_schema()`.execute(db)
        ).rows
      : (
          await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, p.name as column_name
            from sqlite_master m join pragma_table_info(m.name) p
            where m.type in ('table', 'view') and m.name not like 'sqlite_%'`.execute(db)
        ).rows;
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return tables;
}

/** The columns a declaration names in its own table, and the tables it names. */
function named(policy: Visibility<Row>): { columns: string[]; tables: Array<[string, string[]]> } {
  if ('parent' in policy) return { columns: [policy.parent.column], tables: [[policy.parent.table, ['id']]] };
  if (!('orgs' in policy)) return { columns: [], tables: [] };
  return {
    columns: [
      ...policy.orgs,
      ...(policy.shopper ? [policy.shopper] : []),
      ...(policy.links ?? []).map((l) => l.key ?? 'id'),
    ],
    tables: (policy.links ?? []).map((l) => [l.table, [l.column, ...l.orgs]]),
  };
}

describe('visibility: every table declares who may see its rows, and the scope holds to it (DESIGN §6.6)', () => {
  let fw: TestFlywheel;
  let schema: Map<string, string[]>;
  const readers: Array<[string, Reader]> = [];

  beforeAll(async () => {
    fw = await startFlywheel();
    const world = (await seedDemoWorld(fw))!;
    schema = await schemaOf(fw.rt.db);
    // Each demo organisation as it signs in, a shopper, and a member of no organisation at all.
    for (const login of world.logins) {
      if (login.role === 'shopper') continue;
      const m = await fw.rt.db
        .selectFrom('identity_membership')
        .innerJoin('identity_user', 'identity_user.id', 'identity_membership.user_id')
        .innerJoin('identity_org', 'identity_org.id', 'identity_membership.org_id')
        .select(['identity_org.id', 'identity_org.kind'])
        .where('identity_user.email', '=', login.email)
        .executeTakeFirstOrThrow();
      const orgKind = m.kind as OrgKind;
      readers.push([
        login.email,
        orgKind === 'platform' ? 'all' : { orgIds: await visibleOrgIds(fw.rt.db, m.id, orgKind), orgKind },
      ]);
    }
    const shopper = await fw.rt.db
      .selectFrom('identity_shopper')
      .select('id')
      .where('email', '=', 'shopper@flywheel.demo')
      .executeTakeFirstOrThrow();
    readers.push(['shopper', { shopperId: shopper.id }], ['nobody', { orgIds: [], orgKind: 'brand' }]);
  }, 120_000);
  afterAll(() => fw.cleanup());

  it('declares it for every table and view in the database, naming only columns that are there', () => {
    const undeclared = [...schema.keys()].filter((t) => !visibilityOf(t));
    expect(undeclared).toEqual([]);
    const gone = [...declaredVisibility().keys()].filter((t) => !schema.has(t));
    expect(gone).toEqual([]);
    for (const [table, policy] of declaredVisibility()) {
      const { columns, tables } = named(policy);
      for (const c of columns) expect(schema.get(table), `${table} names ${c}`).toContain(c);
      for (const [other, cols] of tables)
        for (const c of cols) expect(schema.get(other), `${table} names ${other}.${c}`).toContain(c);
    }
    // A row with an owning organisation is written for it: `org_id` comes first (a shopper's own
    // rows, like a cart, are seen by the shopper only).
    for (const [table, columns] of schema) {
      const policy = visibilityOf(table)!;
      if (!columns.includes('org_id') || !('orgs' in policy) || policy.shopper) continue;
      expect(policy.orgs[0], `${table}: the owner is org_id`).toBe('org_id');
    }
  });

  it('shows each reader, on every table, exactly the rows its declaration gives them', async () => {
    const db = fw.rt.db;
    const seen = (reader: Reader, table: TableName) =>
      new TenantScope(db, reader).selectFrom(table).selectAll().execute() as Promise<Row[]>;
    let checked = 0;
    for (const [table, policy] of declaredVisibility()) {
      if ('internal' in policy) {
        expect(() => new TenantScope(db, 'all').selectFrom(table as TableName), table).toThrow(/internal/);
        continue;
      }
      const all = await seen('all', table as TableName);
      expect(all.length, `${table}: the operator sees every row`).toBe(
        Number(
          (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0].n,
        ),
      );
      for (const [who, reader] of readers) {
        if (reader === 'all') continue;
        const rows = await seen(reader, table as TableName);
        const what = `${table} as ${who}`;
        expect(rows.length, what).toBeLessThanOrEqual(all.length);
        if (who === 'nobody' || 'operator' in policy) {
          expect(rows, what).toEqual([]);
          continue;
        }
        if (!('orgs' in policy)) {
          // Seen with its parent: every row's parent is one the reader sees too.
          const parents = new Set((await seen(reader, policy.parent.table)).map((p) => String(p.id)));
          for (const r of rows.slice(0, 200))
            expect(parents.has(String(r[policy.parent.column])), what).toBe(true);
          const owned = all.filter((r) => parents.has(String(r[policy.parent.column])));
          expect(rows.length, `${what}: every row of a seen parent`).toBe(owned.length);
          checked++;
          continue;
        }
        const direct = (r: Row) =>
          'shopperId' in reader
            ? !!policy.shopper && r[policy.shopper] === reader.shopperId
            : policy.orgs.some((c) => reader.orgIds.includes(String(r[c])));
        const linked = (policy.links ?? []).some(
          (l) => !('shopperId' in reader) && l.readers.includes(reader.orgKind),
        );
        // Every row it names the reader in is seen; without a link, nothing else is.
        const ids = new Set(rows.map((r) => JSON.stringify(r)));
        for (const r of all.filter(direct)) expect(ids.has(JSON.stringify(r)), what).toBe(true);
        if (!linked) expect(rows.every(direct), what).toBe(true);
        else if (!('shopperId' in reader))
          // The others are seen through a linked row of one of the reader's organisations.
          for (const r of rows.filter((x) => !direct(x)).slice(0, 100)) {
            let through = false;
            for (const l of policy.links ?? []) {
              if (!l.readers.includes(reader.orgKind)) continue;
              const found =
                await sql`select 1 as one from ${sql.table(l.table)} where ${sql.ref(l.column)} = ${r[l.key ?? 'id']} and (${sql.join(
                  l.orgs.map((c) => sql`${sql.ref(c)} in (${sql.join(reader.orgIds)})`),
                  sql` or `,
                )})`.execute(db);
              through ||= found.rows.length > 0;
            }
            expect(through, `${what}: ${String(r.id)} is linked to the reader`).toBe(true);
          }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});
