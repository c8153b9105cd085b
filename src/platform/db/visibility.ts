import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrgKind } from '../principal.js';
import type { Database } from './database.js';

/** A table (or a read-only view) of the database, by name. */
export type TableName = Extract<keyof Database, string>;
type Column<Row> = Extract<keyof Row, string>;

/**
 * Rows of another table whose organisations also see this row: the stores an order ships from
 * see the order. `column` of `table` names this row's `key` (its `id` unless said); `readers`,
 * the kinds of organisation the link is for (it is not looked at for the others).
 */
export type Link<Row> = {
  [T in TableName]: {
    table: T;
    column: Column<Database[T]>;
    key?: Column<Row>;
    orgs: ReadonlyArray<Column<Database[T]>>;
    readers: readonly OrgKind[];
  };
}[TableName];

/**
 * Who may see a row of a table (DESIGN §6.6), declared once by the module that owns the table
 * and applied by `TenantScope` to every query it builds:
 * - `orgs`: the columns naming an organisation that sees the row (its brand's `org_id`, the
 *   retailer, the store, the creator it names), the first naming its owner, the only one a row is
 *   written for; `links`: other rows whose organisations see it too; `shopper`: the column naming
 *   the shopper whose row it is. The operator sees every row.
 * - `parent`: the row is seen with the row of `table` that `column` names (an order's lines
 *   with the order).
 * - `operator`: only the platform operator reads it (the whole ledger's reconciliation).
 * - `internal`: no principal reads it; only the system's own work does (a credential, the
 *   outbox, the provider's own books). `TenantScope` refuses it.
 */
export type Visibility<Row> =
  | {
      orgs: ReadonlyArray<Column<Row>>;
      links?: ReadonlyArray<Link<Row>>;
      shopper?: Column<Row>;
    }
  | { parent: { table: TableName; column: Column<Row> } }
  | { operator: string }
  | { internal: string };

/**
 * Who reads: a member, as the organisations it acts for (a retailer, its stores too) and their
 * kind; a shopper; or every tenant (the operator, and the system's own work).
 */
export type Reader = { orgIds: readonly string[]; orgKind: OrgKind } | { shopperId: string } | 'all';

const declared = new Map<string, Visibility<Record<string, unknown>>>();

/**
 * A module declares who may see the rows of each of its tables and views (in `visibility.ts`):
 * the compiler asks for every table of `Tables`, and a test asks the same of every table in the
 * database.
 */
export function defineVisibility<Tables>(
  policies: { [K in keyof Tables & string]: Visibility<Tables[K]> },
): void {
  for (const [table, policy] of Object.entries<Visibility<Record<string, unknown>>>(policies)) {
    if (declared.has(table)) throw new Error(`visibility of ${table} declared twice`);
    declared.set(table, policy);
  }
}

/** The declaration for `table`, if any module made one. */
export function visibilityOf(table: string): Visibility<Record<string, unknown>> | undefined {
  return declared.get(table);
}

/** Every declared table with its declaration. */
export function declaredVisibility(): ReadonlyMap<string, Visibility<Record<string, unknown>>> {
  return declared;
}

const none = sql<SqlBool>`1 = 0`;
/** The condition every row meets: what the operator reads under. */
export const everyRow = sql<SqlBool>`1 = 1`;

/**
 * The condition that a row of `table` (reached in the query as `ref`) is one `reader` may see.
 * `null` for the operator, who sees every row: no condition at all.
 */
export function visibleRows(table: string, ref: string, reader: Reader): RawBuilder<SqlBool> | null {
  const policy = declared.get(table);
  if (!policy) throw new Error(`no visibility declared for ${table}`);
  if ('internal' in policy) throw new Error(`${table} is internal: ${policy.internal}`);
  if (reader === 'all') return null;
  if ('operator' in policy) return none;
  if ('parent' in policy) {
    const alias = `${ref}_${policy.parent.table}`;
    const parent = visibleRows(policy.parent.table, alias, reader) ?? everyRow;
    return sql<SqlBool>`exists (select 1 from ${sql.table(policy.parent.table)} as ${sql.id(alias)} where ${sql.ref(`${alias}.id`)} = ${sql.ref(`${ref}.${policy.parent.column}`)} and ${parent})`;
  }
  const parts: Array<RawBuilder<SqlBool>> = [];
  if ('shopperId' in reader) {
    if (policy.shopper)
      parts.push(sql<SqlBool>`${sql.ref(`${ref}.${policy.shopper}`)} = ${reader.shopperId}`);
  } else if (reader.orgIds.length > 0) {
    const orgs = sql.join(reader.orgIds);
    for (const column of policy.orgs) parts.push(sql<SqlBool>`${sql.ref(`${ref}.${column}`)} in (${orgs})`);
    for (const link of policy.links ?? []) {
      if (!link.readers.includes(reader.orgKind)) continue;
      const alias = `${ref}_${link.table}`;
      const linked = sql.join(
        link.orgs.map((column) => sql<SqlBool>`${sql.ref(`${alias}.${column}`)} in (${orgs})`),
        sql` or `,
      );
      parts.push(
        sql<SqlBool>`exists (select 1 from ${sql.table(link.table)} as ${sql.id(alias)} where ${sql.ref(`${alias}.${link.column}`)} = ${sql.ref(`${ref}.${link.key ?? 'id'}`)} and (${linked}))`,
      );
    }
  }
  if (parts.length === 0) return none;
  return parts.length === 1 ? parts[0] : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
