import type { GraphProblem } from '@connectors/engine';
import type { StepExecuted } from '../../api/executions.api';
import { useEditorStore } from '../store/editor-store';

const NONE: GraphProblem[] = [];

/** A node's validation problems and its step in the last run; both stable references between renders. */
export function useNodeStatus(id: string): { problems: GraphProblem[]; step: StepExecuted | undefined } {
  const problems = useEditorStore((s) => s.problemsByNode.get(id) ?? NONE);
  const step = useEditorStore((s) => s.stepsById.get(id));
  return { problems, step };
}
