import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { Executor } from '../../../platform/db/database.js';
import { referenceCache } from '../../../platform/db/reference.js';

/** Below this many stores routing weighs all of a brand's stores. */
const indexFrom = 200;
/** The most stores routing weighs for one address: the nearest ones. */
const maxCandidates = 24;

type Entry = { ids: string[]; index: KDBush | null; maxRadiusKm: number };
/** Built again after any change to locations: a new or closed store counts from the next order. */
const indexes = referenceCache<Entry>(async (db, brandIds) => {
  const built = new Map<string, Entry>();
  for (const brandId of brandIds) built.set(brandId, await build(db, brandId));
  return built;
});

/**
 * The brand's stores that could serve an address, nearest first, found in a k-d tree (kdbush
 * with geokdbush's great-circle search): with thousands of stores, routing weighs the few
 * dozen within delivery range instead of reading every store. `'all'` for small brands.
 */
export async function storesNear(
  db: Executor,
  brandId: string,
  at: { lat: number; lng: number },
): Promise<string[] | 'all'> {
  const entry = await indexes.get(db, brandId);
  if (!entry.index) return 'all';
  // Leave room for the largest delivery radius and for pick-up a little further out.
  const found = around(entry.index, at.lng, at.lat, maxCandidates, entry.maxRadiusKm + 5);
  return found.map((i) => entry.ids[i as number]);
}

async function build(db: Executor, brandId: string): Promise<Entry> {
  const count = await db
    .selectFrom('inventory_location_view')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', brandId)
    .where('kind', '=', 'store')
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  if (Number(count.n) < indexFrom) return { ids: [], index: null, maxRadiusKm: 0 };
  const rows = await db
    .selectFrom('inventory_location_view')
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
  return { ids: rows.map((r) => r.id), index, maxRadiusKm: maxRadius / 1000 };
}
