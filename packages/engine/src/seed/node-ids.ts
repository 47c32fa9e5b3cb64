import { NODE_ID_PATTERN, RESERVED_SCOPE_NAMES } from '../graph';
import type { SeedStep } from './step-schema';

const RESERVED: ReadonlySet<string> = new Set(RESERVED_SCOPE_NAMES);

/** Node ids for the steps, and how a template's root name resolves to a step. */
export interface StepIds {
  /** Node id of each step, by position. */
  nodeIds: string[];
  /** The step (0-based position) a root name refers to: its own id first, else `step_<N>` by position. */
  resolve(root: string): number | undefined;
  /** Whether a step's own id could not be kept (missing, invalid, reserved or a duplicate). */
  replaced: boolean[];
}

/**
 * A step keeps its own id when it is a valid node id not used by an earlier step; otherwise it becomes
 * `step_<N>` (its 1-based position), suffixed if a kept id already took that name.
 */
export function assignNodeIds(steps: readonly SeedStep[]): StepIds {
  const used = new Set<string>();
  const byOwnId = new Map<string, number>();
  const nodeIds: (string | undefined)[] = steps.map((step, i) => {
    const id = step.id === undefined ? undefined : String(step.id);
    if (id === undefined || !NODE_ID_PATTERN.test(id) || RESERVED.has(id) || used.has(id)) return undefined;
    used.add(id);
    byOwnId.set(id, i);
    return id;
  });
  const replaced = nodeIds.map((id) => id === undefined);
  const finalIds = nodeIds.map((id, i) => {
    if (id !== undefined) return id;
    let candidate = `step_${i + 1}`;
    for (let k = 2; used.has(candidate); k++) candidate = `step_${i + 1}_${k}`;
    used.add(candidate);
    return candidate;
  });

  return {
    nodeIds: finalIds,
    replaced,
    resolve(root) {
      const own = byOwnId.get(root);
      if (own !== undefined) return own;
      const match = /^step_([1-9][0-9]*)$/.exec(root);
      const position = match ? Number(match[1]) - 1 : -1;
      return position >= 0 && position < steps.length ? position : undefined;
    },
  };
}

/** An id not taken by any step, for the output node. */
export function freeId(base: string, taken: readonly string[]): string {
  const set = new Set(taken);
  let candidate = base;
  for (let k = 2; set.has(candidate); k++) candidate = `${base}_${k}`;
  return candidate;
}
