import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { Executor } from '../../../platform/db/database.js';

/** Below this many stores a brand's stores are all read each time: fresher than any cache, and as fast. */
const indexFrom = 200;
/** How long an index is used before it is built again (a new store is routed to within this). */
const ttlMs = 5_000;
/** The most stores routing weighs for one address: the nearest ones. */
const maxCandidates = 24;

type Entry = { builtAt: number; ids: string[]; index: KDBush | null; maxRadiusKm: number };
// Keyed by brand id alone: ids are unique across databases, so one process may serve several.
const indexes = new Map<string, Entry>();

/**
 * The brand's stores that could serve an address, nearest first, found in a k-d tree (kdbush
 * with geokdbush's great-circle search): with thousands of stores, routing weighs the few
 * dozen within delivery range instead of reading every store. `'all'` for small brands.
 */
export async function storesNear(
  db: Executor,
  brandId: string,
  at: { lat: number; lng: number },
  now = Date.now(),
): Promise<string[] | 'all'> {
  let entry = indexes.get(brandId);
  if (!entry || now - entry.builtAt > ttlMs) {
    entry = await build(db, brandId, now);
    indexes.set(brandId, entry);
  }
  if (!entry.index) return 'all';
  // Leave room for the largest delivery radius and for pick-up a little further out.
  const found = around(entry.index, at.lng, at.lat, maxCandidates, entry.maxRadiusKm + 5);
  return found.map((i) => entry.ids[i as number]);
}

async function build(db: Executor, brandId: string, now: number): Promise<Entry> {
  const count = await db
    .selectFrom('inventory_location')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', brandId)
    .where('kind', '=', 'store')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  if (Number(count.n) < indexFrom) return { builtAt: now, ids: [], index: null, maxRadiusKm: 0 };
  const rows = await db
    .selectFrom('inventory_location')
    .select(['id', 'lat', 'lng', 'delivery_radius_m'])
    .where('org_id', '=', brandId)
    .where('kind', '=', 'store')
    .where('status', '=', 'active')
    .execute();
  const index = new KDBush(rows.length);
  let maxRadius = 0;
  for (const r of rows) {
    index.add(Number(r.lng), Number(r.lat));
    maxRadius = Math.max(maxRadius, r.delivery_radius_m);
  }
  index.finish();
  return { builtAt: now, ids: rows.map((r) => r.id), index, maxRadiusKm: maxRadius / 1000 };
}
