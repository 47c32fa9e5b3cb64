import { parseGraph } from '@connectors/engine';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { type Connector, connectorsApi } from '../api/connectors.api';
import { type Execution, executionsApi } from '../api/executions.api';
import { EmptyState } from '../ui/empty-state';
import { errorMessage } from '../ui/format';
import { EditorLayout } from './editor-layout';
import { EditorResourcesProvider } from './editor-resources';
import { createEditorStore, type EditorStore, EditorStoreProvider } from './store/editor-store';

/** Builds the editor's store from a connector as the API returns it. */
export function storeFromConnector(connector: Connector, lastRun: Execution | null = null): EditorStore {
  const parsed = parseGraph(connector.config);
  if (!parsed.graph) {
    throw new Error(
      `The connector's graph cannot be read: ${parsed.problems.map((p) => p.message).join('; ')}`,
    );
  }
  return createEditorStore({
    connectorId: connector.id,
    version: connector.version,
    graph: parsed.graph,
    lastRun,
    layoutIfOverlapping: true,
    deferValidation: true,
    meta: {
      name: connector.name,
      description: connector.description ?? '',
      icon: connector.icon ?? '',
      category: connector.category ?? '',
      enabled: connector.enabled,
      input_schema: connector.input_schema ?? { fields: [] },
      timeout_ms: connector.timeout_ms,
      max_retries: connector.max_retries,
      continue_on_error: connector.continue_on_error,
    },
  });
}

/** The last test run of a connector, to paint the canvas with on open (none is fine). */
async function lastTestRun(connectorId: string): Promise<Execution | null> {
  try {
    const page = await executionsApi.list({ connector_id: connectorId, mode: 'test', limit: 1 });
    const latest = page.data[0];
    return latest ? await executionsApi.get(latest.id) : null;
  } catch {
    return null;
  }
}

/** `/connectors/:id`: loads the connector and opens it on the canvas. */
export function EditorPage() {
  const { id = '' } = useParams();
  const [store, setStore] = useState<EditorStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setStore(null);
    setError(null);
    try {
      const [connector, run] = await Promise.all([connectorsApi.get(id), lastTestRun(id)]);
      // For the benchmark (docs/benchmarks.md): from here to an interactive canvas is "opening the graph".
      performance.mark('connector:loaded');
      setStore(storeFromConnector(connector, run));
      performance.mark('store:created');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <div className="page">
        <EmptyState
          title="This connector cannot be opened"
          actions={
            <>
              <button type="button" className="btn" onClick={() => void load()}>
                Try again
              </button>
              <Link className="btn" to="/connectors">
                Back to Connectors
              </Link>
            </>
          }
        >
          {error}
        </EmptyState>
      </div>
    );
  }
  if (!store) {
    return (
      <div className="page-loading" role="status">
        <span className="spinner" /> Opening connector…
      </div>
    );
  }
  return (
    <EditorStoreProvider store={store}>
      <EditorResourcesProvider>
        <EditorLayout onReload={() => void load()} />
      </EditorResourcesProvider>
    </EditorStoreProvider>
  );
}
