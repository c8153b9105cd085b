import type { DeleteQueryBuilder, SelectQueryBuilder, UpdateQueryBuilder } from 'kysely';
import { DomainError } from '../errors.js';
import type { MemberPrincipal } from '../principal.js';
import type { Database, Executor } from './database.js';

/** The tables owned by a tenant: those with an `org_id` column. */
export type TenantTable = {
  [K in keyof Database]: Database[K] extends { org_id: unknown } ? K : never;
}[keyof Database];

/**
 * The only way a module reads or writes a tenant's rows on behalf of a principal: every
 * query it builds is already restricted to the organisations the principal may see, so a
 * query cannot forget the tenant (DESIGN §6.6). The platform operator sees every tenant.
 * Another tenant's row is simply not found, so it answers 404, never 403.
 */
export class TenantScope {
  constructor(
    readonly db: Executor,
    readonly orgIds: readonly string[] | 'all',
  ) {}

  /** The scope of a member: the platform operator sees every tenant. */
  static of(db: Executor, principal: MemberPrincipal): TenantScope {
    return new TenantScope(db, principal.orgKind === 'platform' ? 'all' : principal.orgIds);
  }

  /** The same tenants, on a transaction. */
  on(db: Executor): TenantScope {
    return new TenantScope(db, this.orgIds);
  }

  sees(orgId: string): boolean {
    return this.orgIds === 'all' || this.orgIds.includes(orgId);
  }

  /** Throws the 404 a foreign object gets. */
  assertSees(orgId: string, what = 'object'): void {
    if (!this.sees(orgId)) throw new DomainError('tenant.violation', `${what} not found`);
  }

  // biome-ignore lint/complexity/noBannedTypes: `{}` is Kysely's own empty selection type
  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    const q = (this.db as Executor).selectFrom(table as any) as any;
    return this.restrict(q, table);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, any> {
    return this.restrict((this.db as Executor).updateTable(table as any) as any, table);
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, any> {
    return this.restrict((this.db as Executor).deleteFrom(table as any) as any, table);
  }

  /** Inserts rows after checking each belongs to a visible tenant. */
  insertInto<T extends TenantTable>(table: T, rows: Array<Database[T] & { org_id: string }>) {
    for (const row of rows) this.assertSees(row.org_id, table);
    return (this.db as Executor).insertInto(table as any).values(rows as any);
  }

  private restrict<Q extends { where: (...args: any[]) => any }>(q: Q, table: string): any {
    if (this.orgIds === 'all') return q;
    if (this.orgIds.length === 0) return q.where(`${table}.org_id`, '=', '__none__');
    return q.where(`${table}.org_id`, 'in', this.orgIds);
  }
}
