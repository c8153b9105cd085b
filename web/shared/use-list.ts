import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from './api';

/** A server-side paginated list: the first page on load, the next on `more()`, fresh on `reload()`. */
export function useList<T>(path: string | null) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (cursor: string | null) => {
      if (!path) return;
      setLoading(true);
      try {
        const sep = path.includes('?') ? '&' : '?';
        const page = await api<Page<T>>(
          'GET',
          cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
        );
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNext(page.nextCursor);
      } finally {
        setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    // Another list (a new filter, another shop): what the last one showed goes at once.
    setItems([]);
    setNext(null);
    void load(null);
  }, [load]);

  const reload = useCallback(() => load(null), [load]);
  const more = useCallback(() => load(next), [load, next]);
  return { items, loading, hasMore: next !== null, more, reload };
}
