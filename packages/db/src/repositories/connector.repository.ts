import { sql } from 'kysely';
import type { Executor } from '../database';
import { NameTakenError } from '../errors/name-taken.error';
import { StaleVersionError } from '../errors/stale-version.error';
import { isUniqueViolation } from '../errors/unique-violation';
import { type Page, type PageOptions, pageSize, toPage } from '../pagination/keyset-cursor';
import { keysetPage } from '../pagination/keyset-query';
import { containsPattern } from '../sql/escape-like';
import { isUuid } from '../sql/is-uuid';
import { jsonb, nullableJsonb } from '../sql/jsonb';
import { QueryTemplates } from '../sql/query-template';
import type { Connector } from '../tables/connector.table';
import type { Contact, ContactTable } from '../tables/contact.table';

/** A connector's writable fields (the API's names). `config` is the canonical graph. */
export interface ConnectorFields {
  name: string;
  description?: string | null;
  icon?: string | null;
  category?: string | null;
  type?: string;
  config: unknown;
  input_schema?: unknown;
  field_mappings?: Record<string, unknown> | null;
  enabled?: boolean;
  timeout_ms?: number;
  max_retries?: number;
  continue_on_error?: boolean;
}

/** Filters for `listConnectors`. */
export interface ListConnectorsOptions extends PageOptions {
  /** Matches name or description, case-insensitively, anywhere. */
  search?: string;
  category?: string;
  enabled?: boolean;
}

/** How a finished live run counts in the connector's statistics. */
export type RunOutcome = 'success' | 'failed' | 'other';

const UNIQUE_NAME = 'connectors_workspace_name_unique';

function columnValues(fields: Partial<ConnectorFields>) {
  const { config, input_schema, field_mappings, ...scalars } = fields;
  return {
    ...scalars,
    ...(config === undefined ? {} : { config: jsonb(config) }),
    ...(input_schema === undefined ? {} : { input_schema: nullableJsonb(input_schema) }),
    ...(field_mappings === undefined ? {} : { field_mappings: nullableJsonb(field_mappings) }),
  };
}

/**
 * Creates a connector at version 1.
 * @throws NameTakenError when the workspace already has a connector with this name.
 */
export async function createConnector(
  db: Executor,
  workspaceId: string,
  fields: ConnectorFields,
  createdBy: string | null = null,
): Promise<Connector> {
  try {
    return await db
      .insertInto('connectors')
      .values({
        ...columnValues(fields),
        name: fields.name,
        config: jsonb(fields.config),
        workspace_id: workspaceId,
        created_by: createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_NAME))
      throw new NameTakenError('connector', fields.name, { cause: error });
    throw error;
  }
}

/** A connector of the workspace; undefined for another workspace's id. */
export async function getConnector(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<Connector | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('connectors')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Every column of `contacts`, read under a prefix next to the connector's own columns (both tables have
 * `id`, `workspace_id`, `created_at`…). `satisfies` keeps the list in step with `ContactTable`.
 */
const CONTACT_COLUMNS = Object.keys({
  id: true,
  workspace_id: true,
  email: true,
  first_name: true,
  last_name: true,
  phone: true,
  company: true,
  title: true,
  metadata: true,
  created_at: true,
  updated_at: true,
} satisfies Record<keyof ContactTable, true>) as (keyof ContactTable)[];
const CONTACT_PREFIX = 'contact__';

/**
 * A connector of the workspace and, when `contactId` is given, a contact of the same workspace, in one
 * statement (what a run needs before it is queued). Each is undefined when the workspace has no such row
 * (or the id is not a uuid), independently of the other. The rows are the same as `getConnector`'s and
 * `getContact`'s: native columns joined onto a one-row select, not a JSON subselect, so dates stay
 * `Date`s and jsonb comes parsed by the driver.
 */
export async function getConnectorWithContact(
  db: Executor,
  workspaceId: string,
  connectorId: string,
  contactId?: string,
): Promise<{ connector: Connector | undefined; contact: Contact | undefined }> {
  const withConnector = isUuid(connectorId);
  const withContact = contactId !== undefined && isUuid(contactId);
  if (!withConnector && !withContact) return { connector: undefined, contact: undefined };
  const { rows } = await templates.executeNamed(
    db,
    'connector-with-contact',
    {
      workspaceId,
      ...(withConnector ? { connectorId } : {}),
      ...(withContact ? { contactId } : {}),
    },
    (p) => connectorWithContactStatement(db, p),
  );
  const row = rows[0] as Record<string, unknown>;
  const connector: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(CONTACT_PREFIX)) contact[key.slice(CONTACT_PREFIX.length)] = value;
    else connector[key] = value;
  }
  return {
    connector: connector.id == null ? undefined : (connector as Connector),
    contact: contact.id == null ? undefined : (contact as Contact),
  };
}

/** Statements built once per shape (`QueryTemplates`): every execute request reads with one. */
const templates = new QueryTemplates();

/** The statement of `getConnectorWithContact` (an id left out joins nothing). */
function connectorWithContactStatement(db: Executor, p: Record<string, unknown>) {
  // Both joined onto one row, each with a condition of its own, so a missing one leaves only its
  // columns null; an id that is not a uuid joins nothing instead of failing the cast.
  const workspaceId = p.workspaceId as string;
  return db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one'))
    .leftJoin('connectors as c', (join) =>
      'connectorId' in p
        ? join.on('c.workspace_id', '=', workspaceId).on('c.id', '=', p.connectorId as string)
        : join.on(sql<boolean>`false`),
    )
    .leftJoin('contacts as ct', (join) =>
      'contactId' in p
        ? join.on('ct.workspace_id', '=', workspaceId).on('ct.id', '=', p.contactId as string)
        : join.on(sql<boolean>`false`),
    )
    .selectAll('c')
    .select((eb) => CONTACT_COLUMNS.map((column) => eb.ref(`ct.${column}`).as(`${CONTACT_PREFIX}${column}`)));
}

/** The workspace's connectors, newest first, a page at a time. */
export async function listConnectors(
  db: Executor,
  workspaceId: string,
  options: ListConnectorsOptions = {},
): Promise<Page<Connector>> {
  const limit = pageSize(options.limit);
  let query = db.selectFrom('connectors').selectAll().where('workspace_id', '=', workspaceId);
  const search = options.search?.trim();
  if (search) {
    const pattern = containsPattern(search);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('description', 'ilike', pattern)]));
  }
  if (options.category !== undefined) query = query.where('category', '=', options.category);
  if (options.enabled !== undefined) query = query.where('enabled', '=', options.enabled);
  const rows = await keysetPage(query, options.cursor, limit).execute();
  return toPage(rows, limit);
}

/**
 * Updates the given fields if the connector is still at `expectedVersion`, and bumps the version. For a
 * PUT, pass every field.
 *
 * @returns the updated connector, or undefined if the workspace has no such connector.
 * @throws StaleVersionError when someone saved a newer version in between.
 * @throws NameTakenError when renamed to a name the workspace already uses.
 */
export async function updateConnector(
  db: Executor,
  workspaceId: string,
  id: string,
  expectedVersion: number,
  fields: Partial<ConnectorFields>,
): Promise<Connector | undefined> {
  if (!isUuid(id)) return undefined;
  let updated: Connector | undefined;
  try {
    updated = await db
      .updateTable('connectors')
      .set({ ...columnValues(fields), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
  } catch (error) {
    if (isUniqueViolation(error, UNIQUE_NAME)) {
      throw new NameTakenError('connector', fields.name ?? '', { cause: error });
    }
    throw error;
  }
  if (updated) return updated;
  const current = await db
    .selectFrom('connectors')
    .select('version')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) return undefined;
  throw new StaleVersionError('connector', id, expectedVersion, current.version);
}

/** Deletes a connector of the workspace, and with it its executions; false if there is none. */
export async function deleteConnector(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<{ name: string } | undefined> {
  if (!isUuid(id)) return undefined;
  return db
    .deleteFrom('connectors')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('name')
    .executeTakeFirst();
}

/**
 * Counts one finished live run: `total_executions` always, `successful_executions` or
 * `failed_executions` by outcome, and `last_executed_at`. Does not bump `version` (statistics are not
 * an edit). Test runs must not be counted.
 */
export async function incrementConnectorStats(
  db: Executor,
  workspaceId: string,
  id: string,
  outcome: RunOutcome,
  executedAt: Date = new Date(),
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .updateTable('connectors')
    .set((eb) => ({
      total_executions: eb('total_executions', '+', 1),
      successful_executions: eb('successful_executions', '+', outcome === 'success' ? 1 : 0),
      failed_executions: eb('failed_executions', '+', outcome === 'failed' ? 1 : 0),
      last_executed_at: executedAt,
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
