import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';

/**
 * DESIGN §6 invariants 1 and 2, checked over the whole database: every cell's on-hand is what
 * its ledger says, nothing is negative, no more is reserved than is on hand, and the holds
 * still held add up to the reserved column. An empty list means stock is conserved.
 */
export async function stockFindings(db: Executor): Promise<string[]> {
  const findings: string[] = [];
  const ledger = await db
    .selectFrom('inventory_level')
    .leftJoin(
      db
        .selectFrom('inventory_movement')
        .select((eb) => ['location_id', 'sku_id', eb.fn.sum<number>('quantity').as('sum')])
        .groupBy(['location_id', 'sku_id'])
        .as('m'),
      (j) =>
        j
          .onRef('m.location_id', '=', 'inventory_level.location_id')
          .onRef('m.sku_id', '=', 'inventory_level.sku_id'),
    )
    .leftJoin(
      db
        .selectFrom('inventory_reservation')
        .select((eb) => ['location_id', 'sku_id', eb.fn.sum<number>('quantity').as('held')])
        .where('status', '=', 'held')
        .groupBy(['location_id', 'sku_id'])
        .as('r'),
      (j) =>
        j
          .onRef('r.location_id', '=', 'inventory_level.location_id')
          .onRef('r.sku_id', '=', 'inventory_level.sku_id'),
    )
    .select([
      'inventory_level.location_id',
      'inventory_level.sku_id',
      'inventory_level.on_hand',
      'inventory_level.reserved',
      sql<number>`coalesce(m.sum, 0)`.as('ledger'),
      sql<number>`coalesce(r.held, 0)`.as('held'),
    ])
    .execute();
  for (const c of ledger) {
    const [onHand, reserved, sum, held] = [c.on_hand, c.reserved, c.ledger, c.held].map(Number);
    const cell = `${c.location_id}/${c.sku_id}`;
    if (onHand !== sum) findings.push(`stock ${cell}: on hand ${onHand}, ledger ${sum}`);
    if (onHand < 0 || reserved < 0 || reserved > onHand)
      findings.push(`stock ${cell}: on hand ${onHand}, reserved ${reserved}`);
    if (reserved !== held) findings.push(`stock ${cell}: reserved ${reserved}, holds ${held}`);
  }
  return findings;
}
