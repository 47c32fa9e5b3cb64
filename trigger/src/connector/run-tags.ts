import type { ConnectorExecution } from '@connectors/db';

/** Trigger.dev accepts at most 10 tags per run, each under 128 characters. */
export const MAX_RUN_TAGS = 10;
export const MAX_RUN_TAG_LENGTH = 127;

/**
 * The Trigger.dev tags of an execution's run, so the dashboard filters runs by workspace, connector,
 * contact and flow run: `workspace:<id>`, `connector:<id>`, `contact:<id>`, `flow-run:<id>`. Ids are
 * uuids, so every tag is far below the length limit; the guard keeps that true if ids ever change.
 *
 * @example
 * executionRunTags(execution) // ['workspace:…', 'connector:…', 'contact:…']
 */
export function executionRunTags(
  execution: Pick<ConnectorExecution, 'workspace_id' | 'connector_id' | 'contact_id' | 'flow_run_id'>,
): string[] {
  const tags = [`workspace:${execution.workspace_id}`, `connector:${execution.connector_id}`];
  if (execution.contact_id) tags.push(`contact:${execution.contact_id}`);
  if (execution.flow_run_id) tags.push(`flow-run:${execution.flow_run_id}`);
  return tags.filter((tag) => tag.length <= MAX_RUN_TAG_LENGTH).slice(0, MAX_RUN_TAGS);
}
