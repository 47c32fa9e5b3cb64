import type { Generated, Selectable } from 'kysely';
import type { GeneratedTimestamp, Jsonb, NullableTimestamp } from './column-types';

/** What a bulk run runs over each contact. */
export type BulkRunKind = 'connector' | 'flow';

/** A bulk run is `running` until every contact was handed out and every item ended. */
export type BulkRunStatus = 'running' | 'completed';

/**
 * `bulk_runs`: a connector or a flow over many contacts. The contacts are fixed at creation
 * (`contact_ids`, in dispatch order); `queued` is how many were handed out, so a restarted process goes
 * on from there. Items are the executions or flow runs tagged with its id.
 */
export interface BulkRunTable {
  id: Generated<string>;
  workspace_id: string;
  kind: BulkRunKind;
  target_id: string;
  status: Generated<BulkRunStatus>;
  contact_ids: Jsonb<string[]>;
  total: number;
  queued: Generated<number>;
  skipped: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  completed_at: NullableTimestamp;
}

export type BulkRun = Selectable<BulkRunTable>;
