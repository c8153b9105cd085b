import type { Compilable, CompiledQuery } from 'kysely';
import { type Executor, isPostgres } from './database.js';

/**
 * A statement of fixed shape on every request's path (the session lookup, the audit row, an
 * order's history), built and compiled with Kysely once per engine and bound per call: building
 * and compiling cost more than SQLite running such a statement. `build` reads its values from
 * `p` and must pass each into the query as a value, untouched. A shape that depends on a value
 * (an `in` list, a computed value) does not belong here.
 */
export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Executor, p: P) => Compilable<R>,
): (db: Executor, p: P) => Promise<R[]> {
  const shapes = new Map<'postgres' | 'sqlite', { query: CompiledQuery<R>; slots: Array<string | null> }>();
  const mark = (key: string) => `\u0000prepared:${key}\u0000`;
  return async (db, p) => {
    const engine = isPostgres(db) ? 'postgres' : 'sqlite';
    let shape = shapes.get(engine);
    if (!shape) {
      // Each value `build` reads stands as a mark; the compiled parameters say where each goes.
      const keyOf = new Map<unknown, string>();
      const marks = new Proxy({} as P, {
        get: (_, name) => {
          const key = String(name);
          keyOf.set(mark(key), key);
          return mark(key);
        },
      });
      const query = build(db, marks).compile();
      const slots = query.parameters.map((v) => {
        if (typeof v === 'string' && !keyOf.has(v) && v.includes('\u0000prepared:'))
          throw new Error(`prepared: a value is computed from ${JSON.stringify(v)}, not passed through`);
        return keyOf.get(v) ?? null;
      });
      for (const key of keyOf.values())
        if (!slots.includes(key)) throw new Error(`prepared: ${key} does not reach the query as a value`);
      shape = { query, slots };
      shapes.set(engine, shape);
    }
    const { query, slots } = shape;
    const parameters = slots.map((key, i) => (key === null ? query.parameters[i] : p[key]));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}

/** A row's `columns` read one by one from `p`, so that `prepared` sees each: for inserts. */
export function fields<P extends Record<string, unknown>, K extends keyof P & string>(
  p: P,
  columns: readonly K[],
): Pick<P, K> {
  return Object.fromEntries(columns.map((c) => [c, p[c]])) as Pick<P, K>;
}
