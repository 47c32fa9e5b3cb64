import {
  type Connector,
  type ConnectorFields,
  createConnector,
  deleteConnector,
  getConnector,
  listConnectors,
  StaleVersionError,
  updateConnector,
} from '@connectors/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-context';
import { ApiError, notFound } from '../errors/api-error';
import { readConnectorBody } from '../lib/connector-input';
import { connectorView } from '../lib/connector-view';
import { copyNames, createWithUniqueName } from '../lib/unique-name';
import { validate } from '../lib/validate';
import {
  createConnectorSchema,
  listConnectorsQuerySchema,
  updateConnectorSchema,
} from '../schemas/connector.schema';

/** 409 for an edit based on an old (or no) version, naming the current one so the client can reload. */
function staleVersion(current: number, sent: number | undefined): ApiError {
  const yours = sent === undefined ? 'no version' : `version ${sent}`;
  return new ApiError(
    409,
    'stale_version',
    `The connector is at version ${current} and this edit was based on ${yours}: reload it, reapply the change and send version ${current}`,
    { current_version: current, sent_version: sent ?? null },
  );
}

/** A stored connector's fields, copied one by one (statistics and version are not copied). */
function copyOf(row: Connector): ConnectorFields {
  return {
    name: row.name,
    description: row.description,
    icon: row.icon,
    category: row.category,
    type: row.type,
    config: row.config,
    input_schema: row.input_schema,
    field_mappings: row.field_mappings,
    enabled: row.enabled,
    timeout_ms: row.timeout_ms,
    max_retries: row.max_retries,
    continue_on_error: row.continue_on_error,
  };
}

/**
 * Connectors of the workspace (DESIGN §6). `config` is stored as the canonical graph; the seed's list form
 * is converted on write. A graph with problems is saved as a draft and its problems listed; running it is
 * refused elsewhere (422). Another workspace's ids, and ids that are not UUIDs, answer 404.
 */
export const connectorRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createConnectorSchema), async (c) => {
    const input = readConnectorBody(c.req.valid('json'));
    const row = await createConnector(c.var.ctx.db, c.var.auth.workspaceId, input.fields, c.var.auth.userId);
    return c.json(connectorView(row, input.warnings), 201);
  })
  .get('/', validate('query', listConnectorsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const page = await listConnectors(c.var.ctx.db, c.var.auth.workspaceId, {
      search: query.search,
      category: query.category,
      enabled: query.enabled,
      cursor: query.cursor,
      limit: query.limit,
    });
    return c.json({ data: page.data.map((row) => connectorView(row)), next_cursor: page.nextCursor });
  })
  .get('/:id', async (c) => {
    const row = await getConnector(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!row) throw notFound('Connector');
    return c.json(connectorView(row));
  })
  .put('/:id', validate('json', updateConnectorSchema), async (c) => {
    const { db } = c.var.ctx;
    const { workspaceId } = c.var.auth;
    const id = c.req.param('id');
    const body = c.req.valid('json');
    const input = readConnectorBody(body);
    if (body.version === undefined) {
      const current = await getConnector(db, workspaceId, id);
      if (!current) throw notFound('Connector');
      throw staleVersion(current.version, undefined);
    }
    let row: Connector | undefined;
    try {
      row = await updateConnector(db, workspaceId, id, body.version, input.fields);
    } catch (error) {
      if (error instanceof StaleVersionError) throw staleVersion(error.currentVersion, body.version);
      throw error;
    }
    if (!row) throw notFound('Connector');
    return c.json(connectorView(row, input.warnings));
  })
  .delete('/:id', async (c) => {
    const deleted = await deleteConnector(c.var.ctx.db, c.var.auth.workspaceId, c.req.param('id'));
    if (!deleted) throw notFound('Connector');
    c.set('auditName', deleted.name);
    return c.body(null, 204);
  })
  .post('/:id/clone', async (c) => {
    const { db } = c.var.ctx;
    const { workspaceId, userId } = c.var.auth;
    const source = await getConnector(db, workspaceId, c.req.param('id'));
    if (!source) throw notFound('Connector');
    const row = await createWithUniqueName(db, workspaceId, copyOf(source), copyNames(source.name), userId);
    return c.json(connectorView(row), 201);
  });
