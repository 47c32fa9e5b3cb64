import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/api-client';
import { errorMessage } from './format';

/**
 * A list page's rows read a page at a time (keyset cursors): the first page when `query` changes (a
 * new filter starts from the spinner), `reload` to read it again in place (after a change, or to
 * follow runs that are going on), `more` for the next page. Pass `query` through `useCallback` with
 * what it filters by.
 */
export function usePagedList<T>(query: (cursor?: string) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const reload = useCallback(async () => {
    try {
      const page = await query();
      setItems(page.data);
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
      setItems([]);
    }
  }, [query]);
  useEffect(() => {
    setItems(null);
    setError(null);
    void reload();
  }, [reload]);

  const more = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await query(cursor);
      setItems((list) => [...(list ?? []), ...page.data]);
      setCursor(page.next_cursor);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }, [query, cursor]);

  return { items, setItems, hasMore: Boolean(cursor), error, loadingMore, reload, more };
}
