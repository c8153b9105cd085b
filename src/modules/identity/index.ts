import type { FlywheelModule } from '../../platform/module.js';
import { scopeOf } from '../../platform/module.js';
import './errors.js';
import './visibility.js';
import { identityEvents } from './events.js';
import { identityFigures } from './queries.js';
import { identityMigrations } from './repo.js';
import { identityRoutes } from './routes.js';
import { seedIdentity } from './seed.js';

export { createAuthenticator } from './authenticate.js';
/** Creates organisations and members: used by seeds and the CLI. */
export { addMember } from './commands/members.js';
export { createOrg, createPlatform } from './commands/orgs.js';
export { hashPassword } from './domain/credentials.js';
export { englishNameOf } from './domain/names.js';
export type { IdentityTables } from './repo.js';
export { demoStores } from './seed-data.js';

/** Accounts, organisations, roles, sessions, API keys and the audit log. */
export function createIdentityModule(): FlywheelModule {
  return {
    name: 'identity',
    events: identityEvents,
    migrations: identityMigrations,
    routes: identityRoutes,
    seed: seedIdentity,
    homeFigures: (rt, principal) => identityFigures(scopeOf(rt.db, principal), principal),
  };
}
