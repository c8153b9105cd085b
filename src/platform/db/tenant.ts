import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type Expression,
  type Insertable,
  type InsertObject,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { Database, Executor } from './database.js';
import { type Reader, type TableName, visibilityOf, visibleRows } from './visibility.js';

const everyRow = sql<SqlBool>`1 = 1`;
// biome-ignore lint/complexity/noBannedTypes: `{}` is Kysely's own empty selection type
type Selection = {};

/**
 * The one way a module reads or writes rows on behalf of a principal (DESIGN §6.6): every query
 * it builds is restricted by the visibility the table's owner declared (`defineVisibility`), so
 * a query cannot forget the tenant. A member sees the rows of the organisations it acts for (a
 * retailer its stores' too), a shopper their own, the platform operator every row. Another
 * tenant's row is simply not found, so it answers 404, never 403.
 */
export class TenantScope {
  constructor(
    readonly db: Executor,
    readonly reader: Reader,
  ) {}

  /** The scope of a principal: the platform operator sees every tenant. */
  static of(db: Executor, principal: Principal): TenantScope {
    if (principal.type === 'shopper') return new TenantScope(db, { shopperId: principal.shopperId });
    if (principal.orgKind === 'platform') return new TenantScope(db, 'all');
    return new TenantScope(db, { orgIds: principal.orgIds, orgKind: principal.orgKind });
  }

  /** The same reader, on a transaction. */
  on(db: Executor): TenantScope {
    return new TenantScope(db, this.reader);
  }

  /** The organisations a member sees (`all` for the operator; none for a shopper). */
  get orgIds(): readonly string[] | 'all' {
    if (this.reader === 'all') return 'all';
    return 'orgIds' in this.reader ? this.reader.orgIds : [];
  }

  sees(orgId: string): boolean {
    const ids = this.orgIds;
    return ids === 'all' || ids.includes(orgId);
  }

  /** Throws the 404 a foreign object gets. */
  assertSees(orgId: string, what = 'object'): void {
    if (!this.sees(orgId)) throw new DomainError('tenant.violation', `${what} not found`);
  }

  /**
   * The condition that a row of `table`, reached in the query as `ref` (an alias of a join), is
   * visible: for a query that joins the table rather than starting from it.
   */
  rows(table: TableName, ref: string = table): Expression<SqlBool> {
    return visibleRows(table, ref, this.reader) ?? everyRow;
  }

  selectFrom<T extends TableName>(table: T): SelectQueryBuilder<Database, T, Selection> {
    // Kysely cannot type a query of a table known only as `T`; the caller's `T` is concrete.
    const q = this.kysely().selectFrom(table) as unknown as SelectQueryBuilder<Database, never, Selection>;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as SelectQueryBuilder<Database, T, Selection>;
  }

  updateTable<T extends TableName>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const q = this.kysely().updateTable(table) as unknown as UpdateQueryBuilder<
      Database,
      never,
      never,
      UpdateResult
    >;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  }

  deleteFrom<T extends TableName>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const q = this.kysely().deleteFrom(table) as unknown as DeleteQueryBuilder<Database, never, DeleteResult>;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
  }

  /**
   * Inserts rows after checking that the reader would see each: one of its declared
   * organisations is the reader's, or it is the shopper's own.
   */
  insertInto<T extends TableName>(table: T, rows: Array<Insertable<Database[T]>>) {
    for (const row of rows)
      if (!this.wouldSee(table, row)) throw new DomainError('tenant.violation', `${table} not found`);
    const q = this.kysely().insertInto(table) as unknown as InsertQueryBuilder<Database, T, InsertResult>;
    return q.values(rows as InsertObject<Database, T>[]);
  }

  private wouldSee(table: TableName, row: object): boolean {
    const policy = visibilityOf(table);
    if (!policy || 'internal' in policy) throw new Error(`no visibility declared for ${table}`);
    if (this.reader === 'all') return true;
    if (!('orgs' in policy)) return false;
    const value = (column: string) => (row as Record<string, unknown>)[column];
    if ('shopperId' in this.reader)
      return !!policy.shopper && value(policy.shopper) === this.reader.shopperId;
    const ids = this.reader.orgIds;
    return policy.orgs.some((column) => ids.includes(String(value(column))));
  }

  private kysely(): Kysely<Database> {
    return this.db;
  }
}
