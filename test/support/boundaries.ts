import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One place the module boundaries of DESIGN §4 are crossed. */
export type Violation = { file: string; line: number; rule: BoundaryRule; detail: string };

export type BoundaryRule =
  /** A module imports another module's file other than its `index.ts`. */
  | 'internal_import'
  /** The platform imports a module: it must know none. */
  | 'platform_imports_module'
  /** A `routes.ts` builds SQL: routes validate, call one command or query and reply. */
  | 'sql_in_routes'
  /** A module names another module's table (not a `<owner>_…_view` the owner declares). */
  | 'foreign_table';

/** The files of a source tree as `{ path relative to the root: text }`. */
export type SourceTree = Record<string, string>;

export function readTree(root: string, under = 'src'): SourceTree {
  const tree: SourceTree = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts'))
        tree[relative(root, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(join(root, under));
  return tree;
}

const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/**
 * The tables each module owns: the keys of the table types it merges into the platform's
 * `Database` (`catalog_product: { … }` in its `repo.ts`), and the views it declares.
 */
export function tableOwners(tree: SourceTree): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [file, text] of Object.entries(tree)) {
    const m = moduleOf(file);
    if (!m) continue;
    for (const match of text.matchAll(/^\s+([a-z]+_[a-z0-9_]+): \{/gm))
      if (match[1].startsWith(`${m}_`)) owners.set(match[1], m);
    for (const match of text.matchAll(/create(?:Or Replace)? view\s+([a-z0-9_]+_view)\b/gi))
      owners.set(match[1], m);
  }
  return owners;
}

const sqlInRoutes =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom)\(|\bsql`|\.transaction\(\)/;

/**
 * Checks a source tree against the module boundaries (DESIGN §4, STYLE "Layout"): what a
 * reader and a reviewer would otherwise check by hand. Comments are not code and are skipped.
 */
export function checkBoundaries(tree: SourceTree): Violation[] {
  const owners = tableOwners(tree);
  const out: Violation[] = [];
  for (const [file, text] of Object.entries(tree)) {
    const mod = moduleOf(file);
    const lines = text.split('\n');
    let inBlockComment = false;
    for (const [i, raw] of lines.entries()) {
      const line = i + 1;
      const trimmed = raw.trim();
      if (inBlockComment) {
        if (trimmed.includes('*/')) inBlockComment = false;
        continue;
      }
      if (trimmed.startsWith('/*')) {
        inBlockComment = !trimmed.includes('*/');
        continue;
      }
      if (trimmed.startsWith('//')) continue;
      const code = raw.replace(/\s\/\/ .*$/, '');

      for (const imp of code.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = resolve('/', dirname(file), imp[1]).slice(1);
        const targetModule = moduleOf(target);
        if (file.startsWith('src/platform/') && targetModule)
          out.push({ file, line, rule: 'platform_imports_module', detail: imp[1] });
        else if (
          mod &&
          targetModule &&
          targetModule !== mod &&
          target !== `src/modules/${targetModule}/index.js`
        )
          out.push({ file, line, rule: 'internal_import', detail: imp[1] });
      }
      if (mod && /(^|\/)[a-z-]*routes\.ts$/.test(file) && sqlInRoutes.test(code))
        out.push({ file, line, rule: 'sql_in_routes', detail: trimmed.slice(0, 80) });
      if (mod) {
        // A foreign key names a table without reading it: a row refers to another by id.
        const reads = code.replace(/\.references\('[^']*'\)/g, '');
        for (const t of reads.matchAll(/'([a-z]+_[a-z0-9_]+)(?:\.[a-z0-9_*]+)?(?: as [a-z0-9_]+)?'/g)) {
          const owner = owners.get(t[1]);
          if (owner && owner !== mod && !t[1].endsWith('_view'))
            out.push({ file, line, rule: 'foreign_table', detail: `${t[1]} (owned by ${owner})` });
        }
      }
    }
  }
  // One statement may name a table several times on a line: once is enough.
  const seen = new Set<string>();
  return out.filter((v) => {
    const key = `${v.file}:${v.line}:${v.rule}:${v.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per violation, as a reviewer reads them. */
export function formatViolations(vs: Violation[]): string[] {
  return vs.map((v) => `${v.file}:${v.line} ${v.rule}: ${v.detail}`);
}
