import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nodeIdProblem } from '../graph/node-defaults';
import { useEditorStore } from '../store/editor-store';

/** The node's display name and its id (what templates read, `{{step_1.x}}`); renaming rewrites references. */
export function NodeIdentity({ nodeId, name }: { nodeId: string; name: string }) {
  const { updateNodeData, renameNode, otherIds } = useEditorStore(
    useShallow((s) => ({
      updateNodeData: s.updateNodeData,
      renameNode: s.renameNode,
      otherIds: s.nodes.flatMap((n) => (n.id === nodeId ? [] : [n.id])).join(','),
    })),
  );
  const [draftId, setDraftId] = useState(nodeId);
  useEffect(() => setDraftId(nodeId), [nodeId]);
  const idProblem = draftId === nodeId ? null : nodeIdProblem(draftId, otherIds.split(','));
  const commitId = () => {
    if (draftId !== nodeId && !idProblem) renameNode(nodeId, draftId);
    else setDraftId(nodeId);
  };
  return (
    <div className="insp-identity">
      <div className="field">
        <label className="field-label" htmlFor={`name-${nodeId}`}>
          Name
        </label>
        <input
          id={`name-${nodeId}`}
          className="input"
          value={name}
          placeholder={nodeId}
          onChange={(e) => updateNodeData(nodeId, { name: e.target.value }, { coalesce: `${nodeId}.name` })}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`id-${nodeId}`}>
          Id
        </label>
        <input
          id={`id-${nodeId}`}
          className="input input-mono"
          value={draftId}
          aria-invalid={Boolean(idProblem)}
          aria-describedby={idProblem ? `id-err-${nodeId}` : undefined}
          onChange={(e) => setDraftId(e.target.value.trim())}
          onBlur={commitId}
          title={`Templates read this node's values as {{${nodeId}.name}}; renaming updates them`}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitId();
            if (e.key === 'Escape') setDraftId(nodeId);
          }}
        />
        {idProblem ? (
          <span className="field-error" id={`id-err-${nodeId}`}>
            {idProblem}
          </span>
        ) : null}
      </div>
    </div>
  );
}
