import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { envVariables } from '../../src/platform/config.js';
import { dialectOf } from '../../src/platform/db/database.js';
import { signIn } from '../support/http.js';
import { exited, serverEntry, startServerProcess } from '../support/server-process.js';

const run = promisify(execFile);

// The CLI on a SQLite file of its own (the PostgreSQL pass runs the same commands in the crash test).
describe('flywheel CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-cli-'));
  const env = { ...process.env, DATABASE_URL: join(dir, 'cli.db'), LOG_LEVEL: 'warn' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, seeds the demo world once, creates a user, serves it and stops cleanly on SIGTERM', async () => {
    expect(dialectOf(env.DATABASE_URL)).toBe('sqlite');
    expect((await run(process.execPath, [serverEntry, 'migrate'], { env })).stdout).toContain(
      'migrations applied',
    );
    const seeded = await run(process.execPath, [serverEntry, 'seed', 'demo'], { env });
    expect(seeded.stdout).toContain('brand@oppo.demo');
    expect((await run(process.execPath, [serverEntry, 'seed', 'demo'], { env })).stdout).toContain(
      'nothing seeded',
    );

    const { stdout: orgs } = await run(
      'node',
      [
        '-e',
        `const D=require('better-sqlite3');console.log(new D(${JSON.stringify(env.DATABASE_URL)}).prepare("select id from identity_org where name='OPPO'").get().id)`,
      ],
      { env },
    );
    const oppo = orgs.trim();
    const created = await run(
      process.execPath,
      [
        serverEntry,
        'user',
        'create',
        '--email',
        'ops@oppo.demo',
        '--name',
        'Ops',
        '--password',
        'long-enough-1',
        '--org',
        oppo,
        '--role',
        'staff',
      ],
      { env },
    );
    expect(created.stdout).toContain(`created ops@oppo.demo as staff of ${oppo}`);
    await expect(
      run(process.execPath, [serverEntry, 'user', 'create', '--email', 'x@y.z'], { env }),
    ).rejects.toThrow();

    const server = await startServerProcess({ DATABASE_URL: env.DATABASE_URL });
    const headers = await signIn(server.base, 'ops@oppo.demo', 'long-enough-1');
    const me = (await (await fetch(`${server.base}/api/auth/me`, { headers })).json()) as {
      role: string;
      org: { id: string };
    };
    expect(me).toMatchObject({ role: 'staff', org: { id: oppo } });
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
  }, 120_000);

  it('answers usage for an unknown command with exit code 2', async () => {
    const err = await run(process.execPath, [serverEntry, 'fly'], { env }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stdout).toContain('Usage:');
  });

  it('documents every environment variable in the README table', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(envVariables)) expect(readme, name).toContain(`| \`${name}\` |`);
  });
});
