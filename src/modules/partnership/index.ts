import type { FlywheelModule } from '../../platform/module.js';
import './errors.js';
import './visibility.js';
import { partnershipFigures } from './queries.js';
import { partnershipMigrations } from './repo.js';
import { partnershipRoutes } from './routes.js';
import { seedPartnership } from './seed.js';

export {
  type AgreementTerms,
  type CoverageGap,
  coverageGap,
  inForce,
  linesCovered,
  retailerShare,
  type Settlement,
} from './domain/agreement.js';

import { partnershipEvents } from './events.js';

export { settledAs } from './commands/sale-terms.js';
export {
  agreementTerms,
  coverCommitment,
  type SaleTerms,
  saleTerms,
  settlementBetween,
} from './queries.js';
export type { PartnershipTables } from './repo.js';

/** Brand-retailer agreements: level, term, product lines, provinces, supply commitments, history. */
export function createPartnershipModule(): FlywheelModule {
  return {
    name: 'partnership',
    events: partnershipEvents,
    migrations: partnershipMigrations,
    routes: partnershipRoutes,
    seed: seedPartnership,
    homeFigures: async (rt, principal) =>
      principal.orgKind === 'brand' || principal.orgKind === 'retailer'
        ? partnershipFigures(rt.db, principal, rt.clock.now())
        : [],
  };
}
