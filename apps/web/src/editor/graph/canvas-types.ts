import type { Edge, Node } from '@xyflow/react';
import type {
  ConditionNodeData,
  EdgeMapping,
  HttpNodeData,
  OutputNodeData,
  TransformNodeData,
} from './engine-types';

/** The node types a connector's palette offers; each has one component in `../nodes`. */
export const CANVAS_NODE_TYPES = ['http', 'condition', 'transform', 'output'] as const;
export type CanvasNodeType = (typeof CANVAS_NODE_TYPES)[number];

export type HttpCanvasNode = Node<HttpNodeData, 'http'>;
export type ConditionCanvasNode = Node<ConditionNodeData, 'condition'>;
export type TransformCanvasNode = Node<TransformNodeData, 'transform'>;
export type OutputCanvasNode = Node<OutputNodeData, 'output'>;

/**
 * A node on the canvas: the domain node's id, type, position and data, plus React Flow's own state
 * (selection, measured size), which is never saved.
 */
export type CanvasNode = HttpCanvasNode | ConditionCanvasNode | TransformCanvasNode | OutputCanvasNode;

export interface CanvasEdgeData extends Record<string, unknown> {
  mapping: EdgeMapping;
}
export type CanvasEdge = Edge<CanvasEdgeData, 'data'>;

/** The data of a node of type `T`. */
export type NodeDataOf<T extends CanvasNodeType> = Extract<CanvasNode, { type: T }>['data'];

export function isCanvasNodeType(type: string): type is CanvasNodeType {
  return (CANVAS_NODE_TYPES as readonly string[]).includes(type);
}

/** A node's type and data without its position: what the inspector needs (stable while dragging). */
export type NodeContent = { [T in CanvasNodeType]: { type: T; data: NodeDataOf<T> } }[CanvasNodeType];
