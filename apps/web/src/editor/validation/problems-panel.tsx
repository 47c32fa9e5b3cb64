import type { GraphProblem } from '@connectors/engine';
import { useShallow } from 'zustand/react/shallow';
import { IconAlert, IconClose } from '../../ui/icons';
import { useEditorStore } from '../store/editor-store';
import { problemNodeId } from '../store/validation-slice';

/**
 * Every problem of the graph, live: errors (which block running) first, then warnings. A problem opens
 * its node; one with a fix offers it ("Connect step_1 → step_3").
 */
export function ProblemsPanel({
  onClose,
  onFocusNode,
  subject = 'connector',
}: {
  onClose: () => void;
  onFocusNode: (id: string) => void;
  /** What is being edited, for "the connector is ready to run" (the Flow Builder says flow). */
  subject?: string;
}) {
  const { problems, nodeIds, connectNodes } = useEditorStore(
    useShallow((s) => ({
      problems: s.problems,
      nodeIds: s.nodes.map((n) => n.id).join('\n'),
      connectNodes: s.connectNodes,
    })),
  );
  const ids = nodeIds ? nodeIds.split('\n') : [];
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <section className="problems-panel" aria-label="Problems">
      <header className="panel-header">
        <h2>Problems</h2>
        <span className="faint">A draft with problems saves, but cannot run.</span>
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          aria-label="Close problems"
          onClick={onClose}
        >
          <IconClose />
        </button>
      </header>
      {sorted.length === 0 ? (
        <p className="problems-empty muted">No problems: the {subject} is ready to run.</p>
      ) : (
        <ul className="problem-list">
          {sorted.map((problem, index) => (
            <ProblemItem
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id and may repeat
              key={index}
              problem={problem}
              nodeId={problemNodeId(problem, ids)}
              onFocusNode={onFocusNode}
              onConnect={connectNodes}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({
  problem,
  nodeId,
  onFocusNode,
  onConnect,
}: {
  problem: GraphProblem;
  nodeId: string | undefined;
  onFocusNode: (id: string) => void;
  onConnect: (source: string, target: string) => void;
}) {
  return (
    <li className={`problem problem-${problem.severity}`}>
      <IconAlert className="problem-icon" />
      <span className="problem-message">{problem.message}</span>
      {nodeId ? (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onFocusNode(nodeId)}>
          Show <code>{nodeId}</code>
        </button>
      ) : null}
      {problem.fix ? (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => problem.fix && onConnect(problem.fix.source, problem.fix.target)}
        >
          {problem.fix.label}
        </button>
      ) : null}
    </li>
  );
}
