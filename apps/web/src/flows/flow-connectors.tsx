import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Connector, connectorsApi } from '../api/connectors.api';

interface FlowConnectors {
  /** The workspace's connectors, by name; null while loading. */
  list: Connector[] | null;
  byId: ReadonlyMap<string, Connector>;
  error: string | null;
  reload: () => void;
}

const Context = createContext<FlowConnectors>({ list: [], byId: new Map(), error: null, reload: () => {} });

/** Loads every page of `/connectors` (a workspace has tens, not thousands). */
async function loadAll(): Promise<Connector[]> {
  const all: Connector[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await connectorsApi.list({ cursor, limit: 100 });
    all.push(...page.data);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The connectors a flow can drop in as nodes: the palette lists them, a connector node draws its icon and
 * name, and its inspector builds the input form from the connector's `input_schema`.
 */
export function FlowConnectorsProvider({
  children,
  initial,
}: {
  children: ReactNode;
  initial?: Connector[];
}) {
  const [list, setList] = useState<Connector[] | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    loadAll()
      .then((all) => {
        setList(all);
        setError(null);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(() => {
    if (!initial) reload();
  }, [initial, reload]);
  const value = useMemo<FlowConnectors>(
    () => ({ list, byId: new Map((list ?? []).map((c) => [c.id, c])), error, reload }),
    [list, error, reload],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useFlowConnectors(): FlowConnectors {
  return useContext(Context);
}
