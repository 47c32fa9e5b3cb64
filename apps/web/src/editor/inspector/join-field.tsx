import { useEditorStore } from '../store/editor-store';

/** When a node with several incoming edges runs: after all of them, or after any. */
export function JoinField({ nodeId, join }: { nodeId: string; join: 'all' | 'any' | undefined }) {
  const updateNodeData = useEditorStore((s) => s.updateNodeData);
  const incoming = useEditorStore((s) => s.edges.reduce((n, e) => (e.target === nodeId ? n + 1 : n), 0));
  return (
    <fieldset className="field fieldset">
      <legend className="field-label">
        Run when{' '}
        {incoming < 2 ? <span className="faint">(matters with two or more incoming edges)</span> : null}
      </legend>
      <label className="checkbox">
        <input
          type="radio"
          name={`join-${nodeId}`}
          checked={(join ?? 'all') === 'all'}
          onChange={() => updateNodeData(nodeId, { join: undefined })}
        />
        every incoming edge is active (all)
      </label>
      <label className="checkbox">
        <input
          type="radio"
          name={`join-${nodeId}`}
          checked={join === 'any'}
          onChange={() => updateNodeData(nodeId, { join: 'any' })}
        />
        at least one is active (any)
      </label>
    </fieldset>
  );
}
