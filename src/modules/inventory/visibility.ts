import { defineVisibility } from '../../platform/db/visibility.js';
import type { InventoryTables, InventoryViews } from './repo.js';

// A location is seen by the brand whose stock it keeps and by the store it is (so by its retailer).
const location = { orgs: ['org_id', 'store_org_id'] } as const;
const atLocation = { parent: { table: 'inventory_location', column: 'location_id' } } as const;

defineVisibility<InventoryTables & InventoryViews>({
  inventory_location: location,
  inventory_location_view: location,
  inventory_level: atLocation,
  inventory_level_view: atLocation,
  inventory_movement: atLocation,
  inventory_reservation: { orgs: ['org_id'] },
  // A transfer is the brand's, and seen by the stores it leaves from and goes to.
  inventory_transfer: {
    orgs: ['org_id'],
    links: [
      {
        table: 'inventory_location',
        column: 'id',
        key: 'from_location_id',
        orgs: ['store_org_id'],
        readers: ['store', 'retailer'],
      },
      {
        table: 'inventory_location',
        column: 'id',
        key: 'to_location_id',
        orgs: ['store_org_id'],
        readers: ['store', 'retailer'],
      },
    ],
  },
  inventory_transfer_line: { parent: { table: 'inventory_transfer', column: 'transfer_id' } },
  inventory_zone: { orgs: ['org_id'] },
  inventory_zone_audit: { parent: { table: 'inventory_zone', column: 'zone_id' } },
});
