import type { Executor } from '../database';
import type { ConnectorExecution } from '../tables/connector-execution.table';
import { type ClaimOptions, claimExecutionsCapped } from './execution-claim.repository';

/**
 * Like `claimExecutions`, but no workspace gets more than `perWorkspace` runs at once: one workspace's
 * burst of executions cannot take every slot while another's wait. The claimed rows of
 * `claimExecutionsCapped` (one statement; see there for how the cap is counted), without its
 * `heldBack` flag.
 */
export async function claimExecutionsPerWorkspace(
  db: Executor,
  options: ClaimOptions & { limit: number; perWorkspace: number },
): Promise<ConnectorExecution[]> {
  return (await claimExecutionsCapped(db, options)).claimed;
}
