/**
 * A shipment's life (Vendure keeps its order process as a table of transitions; so do we).
 * `pending` waits for the order's payment; paid, it is `routed` into the location's queue.
 */
export const shipmentModes = ['hour', 'standard', 'pickup', 'counter'] as const;
export type ShipmentMode = (typeof shipmentModes)[number];

/** Collected at the store rather than delivered: a pick-up (with its code), a sale at the counter. */
export function collected(mode: ShipmentMode): boolean {
  return mode === 'pickup' || mode === 'counter';
}

export const shipmentStatuses = [
  'pending',
  'routed',
  'picking',
  'ready',
  'out_for_delivery',
  'delivered',
  'picked_up',
  'cancelled',
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** The moves staff, couriers and the counter make; routing and cancelling follow the order. */
export const shipmentMoves = ['picking', 'ready', 'out_for_delivery', 'delivered', 'picked_up'] as const;
export type ShipmentMove = (typeof shipmentMoves)[number];

const transitions: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  pending: ['routed', 'cancelled'],
  routed: ['picking', 'cancelled'],
  picking: ['ready', 'cancelled'],
  ready: ['out_for_delivery', 'picked_up', 'cancelled'],
  out_for_delivery: ['delivered'],
  delivered: [],
  picked_up: [],
  cancelled: [],
};

/** Why a shipment may not move from one status to another, or null when it may. */
export function shipmentMoveRefusal(
  mode: ShipmentMode,
  from: ShipmentStatus,
  to: ShipmentStatus,
): string | null {
  if (!transitions[from].includes(to)) return `a ${from} shipment cannot become ${to}`;
  if (to === 'picked_up' && !collected(mode)) return 'only a pick-up shipment is collected at the store';
  if (to === 'out_for_delivery' && collected(mode)) return 'a pick-up shipment is collected, not delivered';
  return null;
}

/** Statuses that hold a place in the location's picking queue. */
export const queuedStatuses: readonly ShipmentStatus[] = ['routed', 'picking'];

/** Done: nothing more happens to it. */
export function settled(status: ShipmentStatus): boolean {
  return status === 'delivered' || status === 'picked_up' || status === 'cancelled';
}

/** How far along a status is, for an order's status over its shipments (the least advanced wins). */
export const shipmentProgress: Record<ShipmentStatus, number> = {
  pending: 0,
  routed: 1,
  picking: 2,
  ready: 3,
  out_for_delivery: 4,
  delivered: 5,
  picked_up: 5,
  cancelled: 6,
};
