import { type InputField, NODE_TYPES } from '@connectors/engine';
import type { Credential } from '../../api/credentials.api';
import type { CanvasEdge, CanvasNode } from '../graph/canvas-types';

/** What a node's templates and expressions can read (DESIGN §3 "A node's scope is exactly…"). */
export interface NodeScope {
  nodeId: string;
  /** `workspace.*` / `credentials.*` are readable (http nodes only). */
  secrets: boolean;
  inputs: readonly InputField[];
  credentials: readonly Pick<Credential, 'service_name' | 'fields'>[];
  /** The edges into the node: where they come from and the names each carries. */
  incoming: { edgeId: string; source: string; sourceName: string; names: string[] }[];
  /** Every node id in the graph, to tell "not connected" from "does not exist". */
  nodeIds: ReadonlySet<string>;
}

/** The contact fields a live run has in scope (absent in a test run without a contact). */
export const CONTACT_FIELDS = [
  'email',
  'first_name',
  'last_name',
  'phone',
  'company',
  'title',
  'metadata',
] as const;

/** Builds a node's scope from the canvas (pure). */
export function nodeScope(
  state: { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[]; inputs: readonly InputField[] },
  nodeId: string,
  credentials: readonly Pick<Credential, 'service_name' | 'fields'>[],
): NodeScope {
  const node = state.nodes.find((n) => n.id === nodeId);
  const names = new Map(state.nodes.map((n) => [n.id, n.data.name || n.id]));
  const secrets = node ? Boolean(NODE_TYPES[node.type]?.secretsInScope) : false;
  return {
    nodeId,
    secrets,
    inputs: state.inputs,
    credentials,
    incoming: state.edges
      .filter((e) => e.target === nodeId)
      .map((e) => ({
        edgeId: e.id,
        source: e.source,
        sourceName: names.get(e.source) ?? e.source,
        names: Object.keys(e.data?.mapping ?? {}),
      })),
    nodeIds: new Set(state.nodes.map((n) => n.id)),
  };
}
