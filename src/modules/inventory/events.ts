import { ChangedFields, defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

const Line = Obj({ skuId: Type.String(), quantity: Type.Integer() });
const Ref = Nullable(Type.String({ description: 'what the hold is for: an order id, a transfer id' }));
const Hold = Obj({ reservationId: Type.String(), skuId: Type.String(), quantity: Type.Integer(), ref: Ref });

/** What inventory says happened: locations, brand zones, stock moves, holds and transfers. */
export const inventoryEvents = defineEvents('inventory', {
  'inventory.location_created': {
    version: 1,
    aggregate: 'location',
    summary: 'A warehouse or store location was created.',
    payload: Obj({ kind: Type.String(), name: Type.String() }),
  },
  'inventory.location_updated': {
    version: 1,
    aggregate: 'location',
    summary: 'A location changed.',
    payload: Obj({ changes: ChangedFields }),
  },
  'inventory.zone_created': {
    version: 1,
    aggregate: 'zone',
    summary: 'A brand zone was set up in a partner store.',
    payload: Obj({ locationId: Type.String() }),
  },
  'inventory.zone_updated': {
    version: 1,
    aggregate: 'zone',
    summary: 'A brand zone changed.',
    payload: Obj({ changes: ChangedFields }),
  },
  'inventory.zone_audited': {
    version: 1,
    aggregate: 'zone',
    summary: 'A brand zone was audited against its standard and scored.',
    payload: Obj({ auditId: Type.String(), score: Type.Integer() }),
  },
  'inventory.stock_received': {
    version: 1,
    aggregate: 'location',
    summary: 'Goods were received at a location.',
    payload: Obj({
      lines: Type.Array(Line),
      ref: Nullable(Obj({ type: Type.String(), id: Type.String() })),
    }),
  },
  'inventory.stock_adjusted': {
    version: 1,
    aggregate: 'location',
    summary: 'Stock was adjusted with a reason (count, damage, loss).',
    payload: Obj({
      skuId: Type.String(),
      kind: Type.String(),
      quantity: Type.Integer(),
      reason: Type.String(),
    }),
  },
  'inventory.low_stock': {
    version: 1,
    aggregate: 'stock',
    summary: "A location's available stock of an SKU fell to its threshold.",
    payload: Obj({
      locationId: Type.String(),
      locationName: Type.String(),
      skuId: Type.String(),
      available: Type.Integer(),
      threshold: Type.Integer(),
    }),
  },
  'inventory.stock_reserved': {
    version: 1,
    aggregate: 'location',
    summary: 'Stock was held for an order or a transfer until a deadline.',
    payload: Obj({ reservationIds: Type.Array(Type.String()), ref: Ref, expiresAt: Type.String() }),
  },
  'inventory.reservation_released': {
    version: 1,
    aggregate: 'location',
    summary: 'A hold was let go (its order was cancelled).',
    payload: Hold,
  },
  'inventory.reservation_expired': {
    version: 1,
    aggregate: 'location',
    summary: 'A hold lapsed at its deadline.',
    payload: Hold,
  },
  'inventory.stock_sold': {
    version: 1,
    aggregate: 'location',
    summary: 'Held units were sold: they leave on-hand.',
    payload: Hold,
  },
  'inventory.transfer_requested': {
    version: 1,
    aggregate: 'transfer',
    summary: 'A stock transfer between two locations was requested.',
    payload: Obj({ from: Type.String(), to: Type.String(), lines: Type.Array(Line), reason: Type.String() }),
  },
  'inventory.transfer_shipped': {
    version: 1,
    aggregate: 'transfer',
    summary: 'A transfer left its origin: its units are in transit.',
    payload: Obj({ from: Type.String(), to: Type.String() }),
  },
  'inventory.transfer_received': {
    version: 1,
    aggregate: 'transfer',
    summary: 'A transfer was counted in at its destination, short lines named.',
    payload: Obj({ to: Type.String(), short: Type.Array(Type.String()) }),
  },
  'inventory.transfer_cancelled': {
    version: 1,
    aggregate: 'transfer',
    summary: 'A requested transfer was cancelled.',
    payload: Obj({}),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof inventoryEvents> {}
}
