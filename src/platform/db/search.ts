import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * `column` contains `word`, case aside, the same on both engines: PostgreSQL's `like` minds case
 * and SQLite's does not, and neither has a default escape character on both, so `%` and `_` in a
 * shopper's words are escaped and said to be.
 */
export function containsWord(column: string, word: string): RawBuilder<SqlBool> {
  const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** The words of a search, at most `max` of them: each must match for a row to be found. */
export function searchWords(q: string, max = 5): string[] {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, max);
}
