import type {
  DeleteQueryBuilder,
  DeleteResult,
  Expression,
  Insertable,
  InsertObject,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  SqlBool,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import { DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import type { Database, Executor } from './database.js';
import { everyRow, type Reader, type TableName, visibilityOf, visibleRows } from './visibility.js';

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
    const q = (this.db as Kysely<Database>).selectFrom(table) as unknown as SelectQueryBuilder<
      Database,
      never,
      Selection
    >;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as SelectQueryBuilder<Database, T, Selection>;
  }

  updateTable<T extends TableName>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    const q = (this.db as Kysely<Database>).updateTable(table) as unknown as UpdateQueryBuilder<
      Database,
      never,
      never,
      UpdateResult
    >;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>;
  }

  deleteFrom<T extends TableName>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    const q = (this.db as Kysely<Database>).deleteFrom(table) as unknown as DeleteQueryBuilder<
      Database,
      never,
      DeleteResult
    >;
    const visible = visibleRows(table, table, this.reader);
    return (visible ? q.where(visible) : q) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>;
  }

  /**
   * Inserts rows after checking that each is the reader's to write: its owner (the first
   * organisation its table declares) is one the reader acts for, or it is the shopper's own.
   */
  insertInto<T extends TableName>(table: T, rows: Array<Insertable<Database[T]>>) {
    for (const row of rows)
      if (!this.owns(table, row)) throw new DomainError('tenant.violation', `${table} not found`);
    const q = (this.db as Kysely<Database>).insertInto(table) as unknown as InsertQueryBuilder<
      Database,
      T,
      InsertResult
    >;
    return q.values(rows as InsertObject<Database, T>[]);
  }

  private owns(table: TableName, row: object): boolean {
    const policy = visibilityOf(table);
    if (!policy) throw new Error(`no visibility declared for ${table}`);
    if ('internal' in policy) throw new Error(`${table} is internal: ${policy.internal}`);
    if (this.reader === 'all') return true;
    if (!('orgs' in policy)) return false;
    const value = (column: string) => (row as Record<string, unknown>)[column];
    if ('shopperId' in this.reader)
      return !!policy.shopper && value(policy.shopper) === this.reader.shopperId;
    const [owner] = policy.orgs;
    return !!owner && this.reader.orgIds.includes(String(value(owner)));
  }
}
