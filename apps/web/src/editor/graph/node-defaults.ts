import { RESERVED_SCOPE_NAMES } from '@connectors/engine';
import type { CanvasNode, CanvasNodeType, NodeDataOf } from './canvas-types';

const PREFIX: Record<CanvasNodeType, string> = {
  http: 'step_',
  condition: 'condition_',
  transform: 'transform_',
  output: 'output',
  trigger: 'trigger',
  connector: 'connector_',
  update_contact: 'update_',
  delay: 'delay_',
};

/** Types of which a graph holds one: the id is the bare prefix (`output`, `trigger`). */
const SINGLE = new Set<CanvasNodeType>(['output', 'trigger']);

/**
 * A new node id: `step_N` for http nodes (as in the seed, so `{{step_1.contactId}}` reads naturally),
 * `condition_N`, `transform_N`, and `output` for the one output node; never one already taken.
 */
export function nextNodeId(type: CanvasNodeType, taken: Iterable<string>): string {
  const used = new Set(taken);
  const prefix = PREFIX[type];
  if (SINGLE.has(type) && !used.has(prefix)) return prefix;
  let highest = 0;
  for (const id of used) {
    const match = id.startsWith(prefix) ? /^(\d+)$/.exec(id.slice(prefix.length)) : null;
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  let n = highest + 1;
  const sep = SINGLE.has(type) ? '_' : '';
  while (used.has(`${prefix}${sep}${n}`)) n++;
  return `${prefix}${sep}${n}`;
}

/** A new edge id (`e1`, `e2`…) not already taken. */
export function nextEdgeId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let highest = 0;
  for (const id of used) {
    const match = /^e(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `e${highest + 1}`;
}

/** What a freshly dropped node holds. */
export function defaultNodeData<T extends CanvasNodeType>(type: T, id: string): NodeDataOf<T> {
  return defaultData(type, id) as unknown as NodeDataOf<T>;
}

function defaultData(type: CanvasNodeType, id: string): CanvasNode['data'] {
  switch (type) {
    case 'http': {
      const n = /^step_(\d+)$/.exec(id)?.[1];
      return {
        name: n ? `Step ${n}` : 'HTTP request',
        method: 'GET',
        url: '',
        queryParams: [],
        headers: [],
      };
    }
    case 'condition':
      return { name: 'Condition', expression: '' };
    case 'transform':
      return { name: 'Transform', values: {} };
    case 'output':
      // DESIGN §3: the output node should use join "any", so it writes what the branches that ran found.
      return { name: 'Update contact', fieldMappings: {}, join: 'any' };
    case 'trigger':
      return { name: 'Trigger', event: 'contact.created' };
    case 'connector':
      return { name: 'Connector', connectorId: '', inputs: {} };
    case 'update_contact':
      return { name: 'Update contact', fieldMappings: {} };
    case 'delay':
      return { name: 'Delay', seconds: 60 };
    default:
      throw new Error(`unknown node type ${type satisfies never}`);
  }
}

export function createCanvasNode(
  type: CanvasNodeType,
  id: string,
  position: { x: number; y: number },
): CanvasNode {
  return { id, type, position, data: defaultNodeData(type, id) } as CanvasNode;
}

/** Why an id cannot be used, or null when it can. */
export function nodeIdProblem(id: string, others: Iterable<string>): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) return 'Use letters, digits and _, not starting with a digit.';
  if ((RESERVED_SCOPE_NAMES as readonly string[]).includes(id)) return `${id} is a reserved name.`;
  for (const other of others) if (other === id) return `Another node is already called ${id}.`;
  return null;
}
