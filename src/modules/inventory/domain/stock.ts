/** Pure rules of stock: thresholds, replenishment, availability per channel, opening hours, audits. */

export const defaultLowStockAt = { warehouse: 10, store: 2 } as const;

/** A change crosses the low-stock line when availability falls to the threshold or below from above it. */
export function crossedLowStock(availableBefore: number, availableAfter: number, threshold: number): boolean {
  return availableAfter <= threshold && availableBefore > threshold;
}

/**
 * How many units a store should be sent: enough to cover `coverDays` of recent sales, never
 * fewer than the display minimum of an SKU that belongs on the shelf, less what it holds and
 * what is already on its way.
 */
export function replenishmentQuantity(f: {
  soldLastDays: number;
  days: number;
  coverDays: number;
  displayMinimum: number;
  available: number;
  inTransit: number;
}): number {
  const daily = f.soldLastDays / f.days;
  const target = Math.max(Math.ceil(daily * f.coverDays), f.displayMinimum);
  return Math.max(0, target - f.available - f.inTransit);
}

/** Which kinds of location a channel may promise stock from (DESIGN §1 A: one inventory). */
export function locationKindsFor(channelKind: string): ReadonlyArray<'warehouse' | 'store'> {
  // Online orders are delivered from the warehouses or, within the hour, from partner stores
  // covered by an agreement; a store channel sells its partner's store stock; live and
  // distribution ship from the warehouses.
  if (channelKind === 'online') return ['warehouse', 'store'];
  if (channelKind === 'store') return ['store'];
  return ['warehouse'];
}

export type OpeningHours = { open: string; close: string };

/** Whether a store is open at `at` (China time); hours past midnight (10:00–02:00) wrap. */
export function isOpen(hours: OpeningHours, at: Date): boolean {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const open = toMin(hours.open);
  const close = toMin(hours.close);
  return open <= close ? minutes >= open && minutes < close : minutes >= open || minutes < close;
}

export type ChecklistItem = { item: string; passed: boolean; note?: string };

/** An audit's score: the share of checklist items passed, in whole percent. */
export function auditScore(checklist: ChecklistItem[]): number {
  if (checklist.length === 0) return 0;
  return Math.round((100 * checklist.filter((c) => c.passed).length) / checklist.length);
}
