import { defineEvents, type Payloads } from '../../platform/events.js';
import { Nullable, Obj, Type } from '../../platform/http/schemas.js';

const ShipmentMoved = Obj({
  orderId: Type.String(),
  locationId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  promiseAt: Nullable(Type.String({ description: 'when the shipment is promised to arrive' })),
});

const moved = (summary: string) => ({ version: 1, aggregate: 'shipment', summary, payload: ShipmentMoved });

/** What fulfilment says happened: shipments moving through a store or warehouse, routing rules. */
export const fulfilmentEvents = defineEvents('fulfilment', {
  'fulfilment.shipment_picking': moved('Staff started picking a shipment.'),
  'fulfilment.shipment_ready': moved('A shipment is packed, ready for the courier or the counter.'),
  'fulfilment.shipment_out_for_delivery': moved('A shipment was handed to the courier.'),
  'fulfilment.shipment_delivered': moved('A shipment was delivered.'),
  'fulfilment.shipment_picked_up': moved('A shopper collected a pick-up shipment with its code.'),
  'fulfilment.rule_added': {
    version: 1,
    aggregate: 'rule',
    summary: 'A brand added a ranked routing rule.',
    payload: Obj({ kind: Type.String() }),
  },
  'fulfilment.rule_reranked': {
    version: 1,
    aggregate: 'rule',
    summary: 'A brand moved a routing rule to another rank; the rules between moved by one.',
    payload: Obj({ from: Type.Integer(), to: Type.Integer() }),
  },
  'fulfilment.rule_removed': {
    version: 1,
    aggregate: 'rule',
    summary: 'A routing rule was removed.',
    payload: Obj({}),
  },
});

declare module '../../platform/events.js' {
  interface EventCatalog extends Payloads<typeof fulfilmentEvents> {}
}
