import type { SelectQueryBuilder } from 'kysely';
import { DomainError } from '../errors.js';

/**
 * Keyset pagination over a sortable id column (ids are ULID-based, so id order is creation
 * order): stable under concurrent inserts, unlike offsets. The cursor is opaque to clients.
 */
export async function paginate<DB, TB extends keyof DB, O extends { id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  idColumn: string,
  page: { limit?: number; cursor?: string },
  order: 'asc' | 'desc' = 'desc',
): Promise<{ items: O[]; nextCursor: string | null }> {
  const limit = page.limit ?? 50;
  let q = query as SelectQueryBuilder<any, any, O>;
  if (page.cursor) {
    const after = decodeCursor(page.cursor);
    q = q.where(idColumn, order === 'desc' ? '<' : '>', after);
  }
  const rows = await q
    .orderBy(idColumn, order)
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1].id) : null;
  return { items, nextCursor };
}

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only an id this API wrote: anything else (a forged cursor, a NUL) never reaches a query.
    if (typeof parsed.after === 'string' && /^[a-z]+_[0-9a-z]{26}$/.test(parsed.after)) return parsed.after;
  } catch {
    // fall through to the 400 below
  }
  throw new DomainError('pagination.cursor_invalid', 'cursor is not one this API issued', {
    errors: [{ field: 'cursor', message: 'not a cursor issued by this API' }],
  });
}
