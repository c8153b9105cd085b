import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import type { MemberPrincipal } from '../../../platform/principal.js';
import { locationView } from '../views.js';

/**
 * Locations are the brand's; a partner's staff also see the brand's stock in their own stores
 * (a retailer's principal carries its stores' ids).
 */
export function visibleLocation(p: MemberPrincipal) {
  return (eb: any) =>
    p.orgKind === 'platform'
      ? eb.lit(true)
      : eb.or([
          eb('inventory_location.org_id', 'in', p.orgIds),
          eb('inventory_location.store_org_id', 'in', p.orgIds),
        ]);
}

export async function listLocations(
  db: Executor,
  p: MemberPrincipal,
  q: { kind?: 'warehouse' | 'store'; brandId?: string },
) {
  let query = db.selectFrom('inventory_location').selectAll().where(visibleLocation(p));
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.brandId) query = query.where('org_id', '=', q.brandId);
  const rows = await query.orderBy('kind', 'desc').orderBy('province').orderBy('name').execute();
  return { items: rows.map(locationView) };
}

export async function findLocation(db: Executor, p: MemberPrincipal, id: string) {
  return db
    .selectFrom('inventory_location')
    .selectAll()
    .where('id', '=', id)
    .where(visibleLocation(p))
    .executeTakeFirstOrThrow(notFound('location', id));
}
