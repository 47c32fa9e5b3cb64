import type { z } from 'zod';
import { conditionNodeSchema } from './nodes/condition-node.schema';
import { connectorNodeSchema } from './nodes/connector-node.schema';
import { delayNodeSchema } from './nodes/delay-node.schema';
import { httpNodeSchema } from './nodes/http-node.schema';
import { outputNodeSchema } from './nodes/output-node.schema';
import { transformNodeSchema } from './nodes/transform-node.schema';
import { triggerNodeSchema } from './nodes/trigger-node.schema';
import { updateContactNodeSchema } from './nodes/update-contact-node.schema';

/** Which canvas a graph belongs to; each has its own palette of node types. */
export type GraphKind = 'connector' | 'flow';

/** Where a piece of a node's data is evaluated, so validation and the editor treat it alike. */
export interface NodeExpression {
  /** Path inside the node, e.g. `data.url` or `data.fieldMappings.first_name`. */
  path: (string | number)[];
  source: string;
  /** `template`: a string with `{{ }}` parts; `jsonata`: an expression on its own. */
  kind: 'template' | 'jsonata';
}

export interface NodeTypeDefinition {
  type: string;
  label: string;
  kinds: readonly GraphKind[];
  /** Handles an edge may leave through; the first is used when an edge names none. */
  sourceHandles: readonly string[];
  /** An edge out of this node must name its handle (conditions: true/false). */
  requiresSourceHandle: boolean;
  /** Whether nodes of this type may have incoming edges. */
  acceptsInput: boolean;
  /** Whether secrets (`workspace.*`, `credentials.*`) are in this node's scope. */
  secretsInScope: boolean;
  /**
   * What `$` is in the mappings on this node's outgoing edges: its `result` (an http response body, a child
   * connector's `output_data`) or its `scope` (conditions pass their inputs on).
   */
  mappingInput: 'result' | 'scope';
  schema: z.ZodType;
}

const all = ['connector', 'flow'] as const;

/** Every node type, keyed by its `type` tag. New node types are one schema file plus an entry here. */
export const NODE_TYPES = {
  http: {
    type: 'http',
    label: 'HTTP request',
    kinds: ['connector'],
    sourceHandles: ['success', 'error'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: true,
    mappingInput: 'result',
    schema: httpNodeSchema,
  },
  condition: {
    type: 'condition',
    label: 'Condition',
    kinds: all,
    sourceHandles: ['true', 'false'],
    requiresSourceHandle: true,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: conditionNodeSchema,
  },
  transform: {
    type: 'transform',
    label: 'Transform',
    kinds: all,
    sourceHandles: ['success'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: transformNodeSchema,
  },
  output: {
    type: 'output',
    label: 'Output',
    kinds: ['connector'],
    sourceHandles: ['success'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: outputNodeSchema,
  },
  connector: {
    type: 'connector',
    label: 'Connector',
    kinds: ['flow'],
    sourceHandles: ['success', 'error'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'result',
    schema: connectorNodeSchema,
  },
  trigger: {
    type: 'trigger',
    label: 'Trigger',
    kinds: ['flow'],
    sourceHandles: ['success'],
    requiresSourceHandle: false,
    acceptsInput: false,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: triggerNodeSchema,
  },
  update_contact: {
    type: 'update_contact',
    label: 'Update contact',
    kinds: ['flow'],
    sourceHandles: ['success'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: updateContactNodeSchema,
  },
  delay: {
    type: 'delay',
    label: 'Delay',
    kinds: ['flow'],
    sourceHandles: ['success'],
    requiresSourceHandle: false,
    acceptsInput: true,
    secretsInScope: false,
    mappingInput: 'scope',
    schema: delayNodeSchema,
  },
} as const satisfies Record<string, NodeTypeDefinition>;

export type NodeType = keyof typeof NODE_TYPES;

export function nodeTypeDefinition(type: string): NodeTypeDefinition | undefined {
  return Object.hasOwn(NODE_TYPES, type) ? NODE_TYPES[type as NodeType] : undefined;
}

/** The handle an edge leaves through: its own, or the source type's default (`success`). */
export function effectiveSourceHandle(sourceType: string, sourceHandle: string | null | undefined): string {
  if (sourceHandle) return sourceHandle;
  return nodeTypeDefinition(sourceType)?.sourceHandles[0] ?? 'success';
}
