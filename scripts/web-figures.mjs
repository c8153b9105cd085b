// After `vite build`: writes a brotli and a gzip copy of every text asset (the server sends the
// one the browser accepts) and prints what each first page costs in gzipped JavaScript, from the
// build's manifest: the storefront's (/shop) and the console's sign-in page (/login).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = 'dist/web';
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));

function files(at) {
  return readdirSync(at).flatMap((name) => {
    const path = join(at, name);
    return statSync(path).isDirectory() ? (name === '.vite' ? [] : files(path)) : [path];
  });
}

const gzipped = new Map();
for (const path of files(dir)) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(path)) continue;
  const body = readFileSync(path);
  const gz = gzipSync(body, { level: 9 });
  gzipped.set(path, gz.length);
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

/** The JavaScript a page loads before it shows: its chunk and every chunk it imports statically. */
function firstLoad(keys) {
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return [...seen].filter((f) => f.endsWith('.js'));
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const cost = (list) => list.reduce((sum, f) => sum + (gzipped.get(join(dir, f)) ?? 0), 0);
const pages = {
  storefront: firstLoad(['index.html', 'shop/Shop.tsx']),
  'console sign-in': firstLoad(['index.html', 'console/pages/identity/Login.tsx']),
};
const all = [...gzipped.entries()].filter(([f]) => f.endsWith('.js')).reduce((s, [, n]) => s + n, 0);
for (const [name, list] of Object.entries(pages))
  console.log(`web: ${name} first page ${kb(cost(list))} of gzipped JavaScript in ${list.length} files`);
console.log(`web: all JavaScript ${kb(all)} gzipped; assets written with .br and .gz copies`);
