import type { NodeTypes } from '@xyflow/react';
import { ConditionNode } from './condition-node';
import { HttpNode } from './http-node';
import { OutputNode } from './output-node';
import { TransformNode } from './transform-node';

/** Defined once at module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = {
  http: HttpNode,
  condition: ConditionNode,
  transform: TransformNode,
  output: OutputNode,
};
