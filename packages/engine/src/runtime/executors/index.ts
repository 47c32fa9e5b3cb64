import type { NodeExecutor } from '../executor';
import { executeCondition } from './condition.executor';
import { executeDelay, executeTrigger } from './flow-basics.executor';
import { executeHttp } from './http.executor';
import { executeOutput } from './output.executor';
import { executeTransform } from './transform.executor';

/**
 * The executors the engine owns. `connector` and `update_contact` need the database, so the runner that
 * runs flows passes them in.
 */
export const defaultExecutors: Record<string, NodeExecutor> = {
  http: executeHttp as NodeExecutor,
  condition: executeCondition as NodeExecutor,
  transform: executeTransform as NodeExecutor,
  output: executeOutput as NodeExecutor,
  trigger: executeTrigger,
  delay: executeDelay as NodeExecutor,
};

export { jsonataBoolean } from './jsonata-boolean';
export { evaluateFieldMappings, type OutputFields } from './output.executor';
