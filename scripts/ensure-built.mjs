// Builds the server and the web app when their sources are newer than the build: `npm start`
// on a fresh clone builds once, later starts are instant.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const targets = [
  {
    name: 'server',
    sources: ['src', 'tsconfig.json', 'package.json'],
    output: 'dist/server/cli/main.js',
    command: 'npm run build:server --silent',
  },
  {
    name: 'web app',
    sources: ['web', 'vite.config.ts', 'package.json'],
    output: 'dist/web/index.html',
    command: 'npm run build:web --silent',
  },
];
for (const t of targets) {
  const built = existsSync(t.output) ? statSync(t.output).mtimeMs : 0;
  const changed = Math.max(
    ...t.sources.map((s) =>
      existsSync(s) && statSync(s).isDirectory() ? newest(s) : existsSync(s) ? statSync(s).mtimeMs : 0,
    ),
  );
  if (changed > built) {
    console.log(`building the ${t.name}…`);
    execSync(t.command, { stdio: 'inherit' });
  }
}
