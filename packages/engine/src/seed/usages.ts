import { templateReferences } from '../expressions';
import type { GraphNode } from '../graph';
import { nodeExpressions } from '../validation';
import type { StepIds } from './node-ids';
import { renameTemplateRoots } from './rename-roots';

/** "Node `consumer` reads `field` of step `producer`" — found in one template of that node. */
export interface Usage {
  /** 0-based position of the step read. */
  producer: number;
  /** Undefined when the whole step is read (`{{step_1}}`). */
  field: string | undefined;
  /** Path of the template inside the consumer node, e.g. `['data', 'url']`. */
  sitePath: (string | number)[];
}

/**
 * Lists which steps a node's templates read, and rewrites those references to the steps' node ids
 * (`{{step_1.x}}` → `{{search.x}}` when step 1's id is `search`). Mutates `node`'s data in place.
 */
export function collectAndRename(node: GraphNode, ids: StepIds): Usage[] {
  const usages: Usage[] = [];
  for (const site of nodeExpressions(node)) {
    let references: string[][];
    try {
      references = templateReferences(site.source);
    } catch {
      continue; // A broken template is left as written; validation reports it.
    }
    for (const [root, field] of references) {
      const producer = root === undefined ? undefined : ids.resolve(root);
      if (producer !== undefined) usages.push({ producer, field, sitePath: site.path });
    }
    const renamed = renameTemplateRoots(site.source, (root) => {
      const producer = ids.resolve(root);
      return producer === undefined ? undefined : ids.nodeIds[producer];
    });
    if (renamed !== site.source) setAt(node, site.path, renamed);
  }
  return usages;
}

/** Writes `value` at `path` inside `target`, when every step of the path exists. */
function setAt(target: unknown, path: readonly (string | number)[], value: string): void {
  let current = target as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) {
    const next = current?.[key];
    if (next === null || typeof next !== 'object') return;
    current = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (current && last !== undefined) current[last] = value;
}
