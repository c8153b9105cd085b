import type { FlywheelModule } from '../../platform/module.js';
import './errors.js';
import './visibility.js';
import { ledgerFigures } from './queries.js';
import { ledgerMigrations } from './repo.js';
import { ledgerRoutes } from './routes.js';

export { type PostInput, postTransaction } from './commands/post.js';
export {
  type AccountKind,
  compensationEntries,
  debtNettingEntries,
  depositEntries,
  paymentEntries,
  refundEntries,
  retailerShareEntries,
  type TransactionKind,
  unbalanced,
} from './domain/accounts.js';
export { balancesOf, bookedByCause, unbalancedTransactions } from './queries.js';
export type { LedgerTables } from './repo.js';

/** Double-entry money: balanced transactions, balances and statements per organisation. */
export function createLedgerModule(): FlywheelModule {
  return {
    name: 'ledger',
    migrations: ledgerMigrations,
    routes: ledgerRoutes,
    homeFigures: (rt, principal) => ledgerFigures(rt.db, principal),
  };
}
