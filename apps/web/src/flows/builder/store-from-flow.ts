import { parseGraph } from '@connectors/engine';
import type { Flow } from '../../api/flows.api';
import { createEditorStore, type EditorStore } from '../../editor/store/editor-store';

/** The editor's store for a flow: the same graph model, undo and validation, with the flow's rules. */
export function storeFromFlow(flow: Flow): EditorStore {
  const parsed = parseGraph(flow.config);
  if (!parsed.graph) {
    throw new Error(`The flow's graph cannot be read: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  return createEditorStore({
    kind: 'flow',
    connectorId: flow.id,
    version: flow.version,
    graph: parsed.graph,
    layoutIfOverlapping: true,
    meta: {
      name: flow.name,
      description: flow.description ?? '',
      enabled: flow.enabled,
      icon: '⚡',
      category: '',
      input_schema: { fields: [] },
    },
  });
}
