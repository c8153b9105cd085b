import { defineVisibility } from '../../platform/db/visibility.js';
import type { FulfilmentTables, FulfilmentViews } from './repo.js';

// A shipment is seen by its brand and by the store it leaves from (and so by that store's retailer).
const shipment = { orgs: ['org_id', 'store_org_id'] } as const;

defineVisibility<FulfilmentTables & FulfilmentViews>({
  fulfilment_shipment: shipment,
  fulfilment_shipment_view: shipment,
  fulfilment_shipment_event: { parent: { table: 'fulfilment_shipment', column: 'shipment_id' } },
  // Why an order went where it went, and the rules that decided it, are the brand's.
  fulfilment_decision: { orgs: ['org_id'] },
  fulfilment_rule: { orgs: ['org_id'] },
});
