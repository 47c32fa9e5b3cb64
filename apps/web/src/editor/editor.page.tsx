import { parseGraph } from '@connectors/engine';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { type Connector, connectorsApi } from '../api/connectors.api';
import { type Execution, executionsApi } from '../api/executions.api';
import { CannotOpen, PageLoading } from '../ui/page-state';
import { useLoad } from '../ui/use-load';
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
  const read = useCallback(async () => {
    const [connector, run] = await Promise.all([connectorsApi.get(id), lastTestRun(id)]);
    // For the benchmark (docs/benchmarks.md): from here to an interactive canvas is "opening the graph".
    performance.mark('connector:loaded');
    const store = storeFromConnector(connector, run);
    performance.mark('store:created');
    return store;
  }, [id]);
  const { value: store, error, reload } = useLoad(read);

  if (error) {
    return (
      <CannotOpen
        title="This connector cannot be opened"
        back={{ to: '/connectors', label: 'Back to Connectors' }}
        onRetry={() => void reload()}
      >
        {error}
      </CannotOpen>
    );
  }
  if (!store) return <PageLoading>Opening connector…</PageLoading>;
  return (
    <EditorStoreProvider store={store}>
      <EditorResourcesProvider>
        <EditorLayout onReload={() => void reload()} />
      </EditorResourcesProvider>
    </EditorStoreProvider>
  );
}
