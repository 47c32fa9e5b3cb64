import { useMemo } from 'react';
import { useEditorResources } from '../editor-resources';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store';
import { type NodeScope, nodeScope } from '../templates/node-scope';

/** A node's scope for suggestions and checks; recomputed on content changes only (not while dragging). */
export function useNodeScope(nodeId: string): NodeScope {
  const store = useEditorStoreApi();
  const revision = useEditorStore((s) => s.revision);
  const { credentials } = useEditorResources();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` stands for the graph's content
  return useMemo(() => {
    const { nodes, edges, meta } = store.getState();
    return nodeScope({ nodes, edges, inputs: meta.input_schema.fields }, nodeId, credentials);
  }, [store, nodeId, credentials, revision]);
}
