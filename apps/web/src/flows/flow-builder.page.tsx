import '../styles/flows.css';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { flowsApi } from '../api/flows.api';
import { EditorResourcesProvider } from '../editor/editor-resources';
import { type EditorStore, EditorStoreProvider } from '../editor/store/editor-store';
import { EmptyState } from '../ui/empty-state';
import { errorMessage } from '../ui/format';
import { FlowBuilderLayout } from './builder/flow-builder-layout';
import { storeFromFlow } from './builder/store-from-flow';
import { FlowConnectorsProvider } from './flow-connectors';

/** `/flows/:id`: loads the flow and opens it on the canvas. */
export function FlowBuilderPage() {
  const { id = '' } = useParams();
  const [store, setStore] = useState<EditorStore | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setStore(null);
    setError(null);
    try {
      setStore(storeFromFlow(await flowsApi.get(id)));
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
          title="This flow cannot be opened"
          actions={
            <>
              <button type="button" className="btn" onClick={() => void load()}>
                Try again
              </button>
              <Link className="btn" to="/flows">
                Back to Flows
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
        <span className="spinner" /> Opening flow…
      </div>
    );
  }
  return (
    <EditorStoreProvider store={store}>
      <EditorResourcesProvider initial={[]}>
        <FlowConnectorsProvider>
          <FlowBuilderLayout onReload={() => void load()} />
        </FlowConnectorsProvider>
      </EditorResourcesProvider>
    </EditorStoreProvider>
  );
}
