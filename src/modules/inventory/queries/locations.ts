import type { Executor } from '../../../platform/db/database.js';
import { TenantScope } from '../../../platform/db/tenant.js';
import { notFound } from '../../../platform/errors.js';
import { paginate } from '../../../platform/http/pagination.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { locationView } from '../views.js';

/**
 * Locations are the brand's; a partner's staff also see the brand's stock in their own stores
 * (a retailer's principal carries its stores' ids): for queries that join the location.
 */
export function visibleLocation(db: Executor, p: MemberPrincipal) {
  return TenantScope.of(db, p).rows('inventory_location');
}

export async function listLocations(
  db: Executor,
  p: MemberPrincipal,
  q: { kind?: 'warehouse' | 'store'; brandId?: string; limit?: number; cursor?: string },
) {
  let query = TenantScope.of(db, p).selectFrom('inventory_location').selectAll();
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.brandId) query = query.where('org_id', '=', q.brandId);
  const page = await paginate(query, 'id', q, 'asc');
  // Within a page: warehouses first, then by province and name, as a picker lists them.
  const listed = page.items.sort(
    (a, b) =>
      b.kind.localeCompare(a.kind) || a.province.localeCompare(b.province) || a.name.localeCompare(b.name),
  );
  return { items: listed.map(locationView), nextCursor: page.nextCursor };
}

export async function findLocation(db: Executor, p: MemberPrincipal, id: string) {
  return TenantScope.of(db, p)
    .selectFrom('inventory_location')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow(notFound('location', id));
}
