import type { StepExecuted } from '../../api/executions.api';
import { type FlowRun, type FlowRunStep, stepDuration, stepNodeId } from '../../api/flows.api';

/**
 * A flow run's steps as the canvas paints them (the connector editor's `StepExecuted`), keyed by node id.
 * A connector node whose child execution is still going shows as `running`.
 */
export function flowRunSteps(run: FlowRun): Map<string, StepExecuted> {
  const steps = new Map<string, StepExecuted>();
  for (const step of run.steps_executed ?? []) {
    const id = stepNodeId(step);
    if (id) steps.set(id, toStep(step, id));
  }
  for (const execution of run.executions ?? []) {
    if (!execution.node_id || steps.has(execution.node_id)) continue;
    if (execution.status === 'running' || execution.status === 'pending') {
      steps.set(
        execution.node_id,
        toStep({ status: 'running', duration_ms: null } as FlowRunStep, execution.node_id),
      );
    }
  }
  return steps;
}

function toStep(step: FlowRunStep, id: string): StepExecuted {
  return {
    step_id: id,
    step_name: step.step_name ?? step.nodeName ?? id,
    step_type: '',
    status: step.status,
    handle: step.handle ?? null,
    started_at: step.started_at ?? step.startedAt ?? null,
    finished_at: null,
    duration_ms: stepDuration(step),
    attempts: [],
    edge_values: {},
    output: step.output ?? null,
    error: step.error ? { message: step.error.message, code: 'flow' } : null,
  };
}
