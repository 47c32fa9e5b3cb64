import type { Edge, Node } from '@xyflow/react';
import type {
  ConditionNodeData,
  ConnectorNodeData,
  DelayNodeData,
  EdgeMapping,
  HttpNodeData,
  OutputNodeData,
  TransformNodeData,
  TriggerNodeData,
  UpdateContactNodeData,
} from './engine-types';

/**
 * The node types the canvas can hold: a connector's (`http`, `condition`, `transform`, `output`, each with
 * one component in `../nodes`) and a flow's (`trigger`, `connector`, `update_contact`, `delay`, drawn by
 * the Flow Builder's own components). Which ones a graph may use is validation's job (its `kind`).
 */
export const CANVAS_NODE_TYPES = [
  'http',
  'condition',
  'transform',
  'output',
  'trigger',
  'connector',
  'update_contact',
  'delay',
] as const;
export type CanvasNodeType = (typeof CANVAS_NODE_TYPES)[number];

export type HttpCanvasNode = Node<HttpNodeData, 'http'>;
export type ConditionCanvasNode = Node<ConditionNodeData, 'condition'>;
export type TransformCanvasNode = Node<TransformNodeData, 'transform'>;
export type OutputCanvasNode = Node<OutputNodeData, 'output'>;
export type TriggerCanvasNode = Node<TriggerNodeData, 'trigger'>;
export type ConnectorCanvasNode = Node<ConnectorNodeData, 'connector'>;
export type UpdateContactCanvasNode = Node<UpdateContactNodeData, 'update_contact'>;
export type DelayCanvasNode = Node<DelayNodeData, 'delay'>;

/**
 * A node on the canvas: the domain node's id, type, position and data, plus React Flow's own state
 * (selection, measured size), which is never saved.
 */
export type CanvasNode =
  | HttpCanvasNode
  | ConditionCanvasNode
  | TransformCanvasNode
  | OutputCanvasNode
  | TriggerCanvasNode
  | ConnectorCanvasNode
  | UpdateContactCanvasNode
  | DelayCanvasNode;

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
