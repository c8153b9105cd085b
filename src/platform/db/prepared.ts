import type { Compilable, CompiledQuery, Insertable } from 'kysely';
import { type Database, type Executor, isPostgres } from './database.js';

const mark = (key: string) => `\u0000prepared:${key}\u0000`;

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

const insertShapes = new Map<string, CompiledQuery>();
const maxPreparedRows = 8;

/**
 * Inserts `rows` (all with the same columns, in the same order) into `table` with a statement
 * compiled once per engine, table, columns and number of rows (up to 8): for the wide rows every order
 * writes (the order, its shipment, payment, reservation, movement), where Kysely's work on the
 * values costs more than SQLite's. Columns whose value is `undefined` are left out, as Kysely does.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: ReadonlyArray<Insertable<Database[T]>>,
): Promise<void> {
  if (rows.length === 0) return;
  // A bulk insert is rare and its shapes many: built each time, as any other statement.
  if (rows.length > maxPreparedRows) {
    await db
      .insertInto(table)
      .values(rows as never)
      .execute();
    return;
  }
  const first = rows[0] as Record<string, unknown>;
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  const shapeKey = `${isPostgres(db) ? 'postgres' : 'sqlite'} ${table} ${rows.length} ${columns.join(',')}`;
  const parameters: unknown[] = [];
  for (const row of rows as ReadonlyArray<Record<string, unknown>>) {
    for (const c of columns) parameters.push(row[c]);
    if (Object.keys(row).filter((c) => row[c] !== undefined).length !== columns.length)
      throw new Error(`insertRows: the rows for ${table} differ in their columns`);
  }
  let query = insertShapes.get(shapeKey);
  if (!query) {
    const marks = rows.map((_, i) => Object.fromEntries(columns.map((c) => [c, mark(`${i}.${c}`)])));
    query = db
      .insertInto(table)
      .values(marks as never)
      .compile();
    // Kysely binds the values row by row, column by column: checked once, here.
    const expected = rows.flatMap((_, i) => columns.map((c) => mark(`${i}.${c}`)));
    if (JSON.stringify(query.parameters) !== JSON.stringify(expected))
      throw new Error(`insertRows: ${table} does not bind its values in row order`);
    insertShapes.set(shapeKey, query);
  }
  await db.executeQuery({ ...query, parameters });
}
