import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { createFlywheel, type Flywheel, seedDemoWorld, version } from '../app.js';
import { addMember, hashPassword } from '../modules/identity/index.js';
import { loadConfig } from '../platform/config.js';
import { dialectOf } from '../platform/db/database.js';
import { DomainError } from '../platform/errors.js';
import type { DemoWorld } from '../platform/module.js';
import { type Role, roles } from '../platform/principal.js';
import { runWrite } from '../platform/write.js';

const usage = `flywheel ${version}

Usage:
  flywheel serve                  migrate, load the demo world into an empty database, serve
  flywheel migrate                apply pending migrations
  flywheel seed demo              load the demo world into an empty database
  flywheel user create --email E --name N --password P --org ORG_ID [--role owner|admin|staff|viewer]
`;

async function open(): Promise<Flywheel> {
  const config = loadConfig();
  if (dialectOf(config.databaseUrl) === 'sqlite' && config.databaseUrl !== ':memory:') {
    mkdirSync(dirname(config.databaseUrl.replace(/^sqlite:(\/\/)?/, '')), { recursive: true });
  }
  return createFlywheel(config);
}

async function seedWithProgress(fw: Flywheel): Promise<DemoWorld | null> {
  const bar = process.stdout.isTTY
    ? new SingleBar({ format: 'seeding demo world [{bar}] {value}/{total} {module}', hideCursor: true })
    : null;
  const world = await seedDemoWorld(fw, (module, i, n) => {
    if (bar) {
      if (i === 0) bar.start(n, 0, { module });
      bar.update(i, { module });
      if (module === 'done') bar.stop();
    } else if (module !== 'done') {
      console.log(`seeding demo world: ${module} (${i + 1}/${n})`);
    }
  });
  return world;
}

function printLogins(world: DemoWorld, url: string): void {
  console.log(`\nFlywheel demo world loaded. Sign in at ${url}/login (shoppers at ${url}/shop):`);
  console.table(
    world.logins.map((l) => ({ role: l.role, email: l.email, password: l.password, organisation: l.org })),
  );
}

async function serve(): Promise<void> {
  const fw = await open();
  const { config } = fw.rt;
  let world: DemoWorld | null = null;
  if (config.seedDemo) world = await seedWithProgress(fw);
  await fw.start();
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  await fw.app.listen({ port: config.port, host: config.host });
  if (world) printLogins(world, url);
  else if (config.seedDemo)
    console.log(`Flywheel is serving ${url} (the database already had data; demo logins are in the README).`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    fw.rt.logger.info({ signal }, 'shutting down');
    await fw.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const [command, sub] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate': {
      const fw = await open();
      console.log('migrations applied');
      await fw.close();
      return;
    }
    case 'seed': {
      if (sub !== 'demo') throw new Error('usage: flywheel seed demo');
      const fw = await open();
      const world = await seedWithProgress(fw);
      await fw.relay.drain();
      await fw.close();
      if (world) printLogins(world, 'http://localhost:3000');
      else console.log('the database already holds data; nothing seeded');
      return;
    }
    case 'user': {
      if (sub !== 'create') throw new Error('usage: flywheel user create …');
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          org: { type: 'string' },
          role: { type: 'string', default: 'admin' },
        },
      });
      if (!values.email || !values.name || !values.password || !values.org)
        throw new Error('--email, --name, --password and --org are required');
      if (!roles.includes(values.role as Role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
      const fw = await open();
      try {
        const org = await fw.rt.db
          .selectFrom('identity_org')
          .select(['id'])
          .where('id', '=', values.org)
          .executeTakeFirst();
        if (!org) throw new Error(`no organisation ${values.org}`);
        const passwordHash = await hashPassword(values.password);
        const { body } = await runWrite(
          { db: fw.rt.db, clock: fw.rt.clock, hooks: fw.rt.hooks },
          { principal: null, requestId: 'cli', ip: null },
          { action: 'identity.member.create' },
          (ctx) =>
            addMember(ctx, null, {
              orgId: org.id,
              email: values.email!,
              name: values.name!,
              passwordHash,
              role: values.role as Role,
            }),
        );
        console.log(`created ${body.email} as ${body.role} of ${org.id} (${body.userId})`);
      } finally {
        await fw.close();
      }
      return;
    }
    default:
      console.log(usage);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
});
