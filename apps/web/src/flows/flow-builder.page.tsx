import '../styles/flows.css';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { flowsApi } from '../api/flows.api';
import { EditorResourcesProvider } from '../editor/editor-resources';
import { EditorStoreProvider } from '../editor/store/editor-store';
import { CannotOpen, PageLoading } from '../ui/page-state';
import { useLoad } from '../ui/use-load';
import { FlowBuilderLayout } from './builder/flow-builder-layout';
import { storeFromFlow } from './builder/store-from-flow';
import { FlowConnectorsProvider } from './flow-connectors';

/** `/flows/:id`: loads the flow and opens it on the canvas. */
export function FlowBuilderPage() {
  const { id = '' } = useParams();
  const read = useCallback(async () => storeFromFlow(await flowsApi.get(id)), [id]);
  const { value: store, error, reload } = useLoad(read);

  if (error) {
    return (
      <CannotOpen
        title="This flow cannot be opened"
        back={{ to: '/flows', label: 'Back to Flows' }}
        onRetry={() => void reload()}
      >
        {error}
      </CannotOpen>
    );
  }
  if (!store) return <PageLoading>Opening flow…</PageLoading>;
  return (
    <EditorStoreProvider store={store}>
      <EditorResourcesProvider initial={[]}>
        <FlowConnectorsProvider>
          <FlowBuilderLayout onReload={() => void reload()} />
        </FlowConnectorsProvider>
      </EditorResourcesProvider>
    </EditorStoreProvider>
  );
}
