import type { NodeTypes } from '@xyflow/react';
import { ConditionNode } from '../../editor/nodes/condition-node';
import { TransformNode } from '../../editor/nodes/transform-node';
import { ConnectorFlowNode } from './connector-flow-node';
import { DelayNode } from './delay-node';
import { TriggerNode } from './trigger-node';
import { UpdateContactNode } from './update-contact-node';

/** The Flow Builder's node components (conditions and transforms are the connector editor's own). */
export const flowNodeTypes: NodeTypes = {
  trigger: TriggerNode,
  connector: ConnectorFlowNode,
  condition: ConditionNode,
  transform: TransformNode,
  update_contact: UpdateContactNode,
  delay: DelayNode,
};
