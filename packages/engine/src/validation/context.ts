import { effectiveSourceHandle, type Graph, type GraphEdge, type GraphKind, type GraphNode } from '../graph';

/** Options of `validateGraph`. */
export interface ValidateOptions {
  /** Which canvas the graph belongs to; decides the allowed node types. Default `connector`. */
  kind?: GraphKind;
  /** Most nodes a graph may have. Default 100. */
  maxNodes?: number;
  /** The connector's `input_schema` field names, when known; enables the `input.<x>` check. */
  inputNames?: string[];
  /** Longest expression or template, in characters. Default 10,000. */
  maxExpressionLength?: number;
  /** Largest JSON request body, in bytes of UTF-8. Default 1 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_VALIDATE_OPTIONS = {
  kind: 'connector',
  maxNodes: 100,
  maxExpressionLength: 10_000,
  maxBodyBytes: 1024 * 1024,
} as const;

/** An edge whose both ends exist and differ: the edges graph algorithms may follow. */
export interface LinkedEdge {
  edge: GraphEdge;
  /** Index in `graph.edges`, for problem paths. */
  index: number;
  /** The handle it leaves through (its own, or the source type's default). */
  handle: string;
}

/** The graph plus the lookups every check needs, computed once. */
export interface ValidationContext {
  graph: Graph;
  kind: GraphKind;
  maxNodes: number;
  inputNames: ReadonlySet<string> | undefined;
  maxExpressionLength: number;
  maxBodyBytes: number;
  /** Index of the first node with each id (later duplicates are reported, then ignored). */
  nodeIndex: Map<string, number>;
  nodeById: Map<string, GraphNode>;
  linked: LinkedEdge[];
  incoming: Map<string, LinkedEdge[]>;
  outgoing: Map<string, LinkedEdge[]>;
}

/** Builds the shared lookups. Tolerates anything `graphSchema` accepts (duplicates, dangling edges…). */
export function createContext(graph: Graph, options: ValidateOptions = {}): ValidationContext {
  const nodeIndex = new Map<string, number>();
  const nodeById = new Map<string, GraphNode>();
  graph.nodes.forEach((node, index) => {
    if (!nodeIndex.has(node.id)) {
      nodeIndex.set(node.id, index);
      nodeById.set(node.id, node);
    }
  });

  const linked: LinkedEdge[] = [];
  const incoming = new Map<string, LinkedEdge[]>();
  const outgoing = new Map<string, LinkedEdge[]>();
  for (const id of nodeById.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  graph.edges.forEach((edge, index) => {
    const source = nodeById.get(edge.source);
    if (!source || !nodeById.has(edge.target) || edge.source === edge.target) return;
    const ref = { edge, index, handle: effectiveSourceHandle(source.type, edge.sourceHandle) };
    linked.push(ref);
    outgoing.get(edge.source)?.push(ref);
    incoming.get(edge.target)?.push(ref);
  });

  return {
    graph,
    kind: options.kind ?? DEFAULT_VALIDATE_OPTIONS.kind,
    maxNodes: options.maxNodes ?? DEFAULT_VALIDATE_OPTIONS.maxNodes,
    inputNames: options.inputNames ? new Set(options.inputNames) : undefined,
    maxExpressionLength: options.maxExpressionLength ?? DEFAULT_VALIDATE_OPTIONS.maxExpressionLength,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_VALIDATE_OPTIONS.maxBodyBytes,
    nodeIndex,
    nodeById,
    linked,
    incoming,
    outgoing,
  };
}

/** The node's `join` rule; types without one (trigger) behave as `all`. */
export function joinOf(node: GraphNode): 'all' | 'any' {
  return ('join' in node.data ? node.data.join : undefined) ?? 'all';
}
