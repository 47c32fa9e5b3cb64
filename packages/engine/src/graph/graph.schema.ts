import { z } from 'zod';
import { conditionNodeSchema } from './nodes/condition-node.schema';
import { connectorNodeSchema } from './nodes/connector-node.schema';
import { delayNodeSchema } from './nodes/delay-node.schema';
import { httpNodeSchema } from './nodes/http-node.schema';
import { outputNodeSchema } from './nodes/output-node.schema';
import { transformNodeSchema } from './nodes/transform-node.schema';
import { triggerNodeSchema } from './nodes/trigger-node.schema';
import { updateContactNodeSchema } from './nodes/update-contact-node.schema';

export const DEFAULT_MAX_NODES = 100;

export const graphNodeSchema = z.discriminatedUnion('type', [
  httpNodeSchema,
  conditionNodeSchema,
  transformNodeSchema,
  outputNodeSchema,
  connectorNodeSchema,
  triggerNodeSchema,
  updateContactNodeSchema,
  delayNodeSchema,
]);
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphNodeOf<T extends GraphNode['type']> = Extract<GraphNode, { type: T }>;

/** `{ name: JSONata }`: what an edge carries from its source into its target's scope. */
export const edgeMappingSchema = z.record(z.string().min(1).max(200), z.string().max(10_000));

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().max(100),
  target: z.string().max(100),
  sourceHandle: z.string().max(50).nullish(),
  targetHandle: z.string().max(50).nullish(),
  data: z.object({ mapping: edgeMappingSchema.default({}) }).default({ mapping: {} }),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/**
 * The canonical connector (and flow) graph of DESIGN §3. The shape is checked here; what makes a graph
 * runnable (cycles, references, ids…) is `validateGraph`'s job, so a draft can be saved with problems.
 */
export const graphSchema = z.object({
  version: z.literal(1).default(1),
  nodes: z.array(graphNodeSchema).max(10_000),
  edges: z.array(graphEdgeSchema).max(50_000).default([]),
});
export type Graph = z.infer<typeof graphSchema>;
/** A graph as written by a user, before defaults are filled in. */
export type GraphInput = z.input<typeof graphSchema>;
