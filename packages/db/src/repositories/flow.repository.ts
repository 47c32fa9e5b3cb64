import { sql } from 'kysely';
import type { Executor } from '../database';
import { StaleVersionError } from '../errors/stale-version.error';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { containsPattern } from '../sql/escape-like';
import { isUuid } from '../sql/is-uuid';
import { jsonb } from '../sql/jsonb';
import type { FlowTriggerEvent } from '../tables/column-types';
import type { Flow } from '../tables/flow.table';

/** A flow's writable fields (the API's names). `config` is the flow graph. */
export interface FlowFields {
  name: string;
  description?: string | null;
  enabled?: boolean;
  config: unknown;
  trigger_event?: FlowTriggerEvent;
}

function columnValues(fields: Partial<FlowFields>) {
  const { config, ...rest } = fields;
  return { ...rest, ...(config === undefined ? {} : { config: jsonb(config) }) };
}

/** Creates a flow at version 1. */
export async function createFlow(
  db: Executor,
  workspaceId: string,
  fields: FlowFields,
  createdBy: string | null = null,
): Promise<Flow> {
  return db
    .insertInto('flows')
    .values({
      ...columnValues(fields),
      name: fields.name,
      config: jsonb(fields.config),
      workspace_id: workspaceId,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A flow of the workspace; undefined for another workspace's id. */
export async function getFlow(db: Executor, workspaceId: string, id: string): Promise<Flow | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('flows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The workspace's flows, newest first, a page at a time; `search` matches the name. */
export async function listFlows(
  db: Executor,
  workspaceId: string,
  options: PageOptions & { search?: string } = {},
): Promise<Page<Flow>> {
  const limit = pageSize(options.limit);
  let query = db.selectFrom('flows').selectAll().where('workspace_id', '=', workspaceId);
  const search = options.search?.trim();
  if (search) query = query.where('name', 'ilike', containsPattern(search));
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(rows, limit);
}

/**
 * Updates the given fields if the flow is still at `expectedVersion`, and bumps the version.
 * @returns the updated flow, or undefined if the workspace has no such flow.
 * @throws StaleVersionError when someone saved a newer version in between.
 */
export async function updateFlow(
  db: Executor,
  workspaceId: string,
  id: string,
  expectedVersion: number,
  fields: Partial<FlowFields>,
): Promise<Flow | undefined> {
  if (!isUuid(id)) return undefined;
  const updated = await db
    .updateTable('flows')
    .set({ ...columnValues(fields), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (updated) return updated;
  const current = await getFlow(db, workspaceId, id);
  if (!current) return undefined;
  throw new StaleVersionError('flow', id, expectedVersion, current.version);
}

/** Deletes a flow of the workspace and its runs; false if there is none. */
export async function deleteFlow(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<{ name: string } | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .deleteFrom('flows')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('name')
    .executeTakeFirst();
}

/** The workspace's enabled flows started by `event`, oldest first. */
export async function listEnabledFlowsForEvent(
  db: Executor,
  workspaceId: string,
  event: FlowTriggerEvent,
): Promise<Flow[]> {
  return db
    .selectFrom('flows')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('trigger_event', '=', event)
    .where('enabled', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
