/** The engine's graph types the editor uses, in one place. */
export type {
  ConditionNodeData,
  ConnectorNodeData,
  DelayNodeData,
  FieldMappings,
  FieldMappingValue,
  Graph,
  GraphEdge,
  GraphNode,
  HttpNodeData,
  InputField,
  InputSchema,
  KeyValue,
  OutputNodeData,
  TransformNodeData,
  TriggerNodeData,
  UpdateContactNodeData,
} from '@connectors/engine';

/** `{ name: JSONata }` carried by an edge. */
export type EdgeMapping = Record<string, string>;
