import type { EdgeTypes } from '@xyflow/react';
import { DataEdge } from './data-edge';

/** Module scope, like `nodeTypes`. */
export const edgeTypes: EdgeTypes = { data: DataEdge };
