import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './format';

export interface Loaded<T> {
  /** What `read` gave, or null while it reads (and after it failed). */
  value: T | null;
  /** Why the last read failed, as the API said it. */
  error: string | null;
  /** Reads again from scratch: the page shows its spinner, then the new value or the error. */
  reload: () => Promise<void>;
}

/**
 * The one thing a page opens (a flow, a connector), read when the page mounts and again when `read`
 * changes, so pass it through `useCallback` with what it reads by (the id in the URL).
 */
export function useLoad<T>(read: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setValue(null);
    setError(null);
    try {
      const next = await read();
      // As an updater, so that a value which is itself a function is kept, not called.
      setValue(() => next);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [read]);
  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, error, reload };
}
