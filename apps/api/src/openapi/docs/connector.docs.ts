import {
  connectorPageSchema,
  connectorSchema,
  createConnectorSchema,
  listConnectorsQuerySchema,
  updateConnectorSchema,
} from '../../schemas/connector.schema';
import type { RouteDoc } from '../route-doc';

const base = '/api/v1/connectors';
const id = { id: 'The connector id (a UUID); another workspace’s id answers 404' };

const seedExample = {
  name: 'HubSpot Contact Enrichment',
  type: 'multi-step',
  steps: [
    {
      id: 'step_1',
      name: 'Search Contact by Email',
      method: 'POST',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts/search',
      auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
      body: {
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: '{{input.email}}' }] }],
      },
      outputMapping: { contactId: 'results[0].id' },
    },
    {
      id: 'step_2',
      name: 'Get Contact Details',
      method: 'GET',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts/{{step_1.contactId}}',
      auth: { type: 'bearer', token: '{{workspace.hubspot_token}}' },
      outputMapping: { firstName: 'properties.firstname', lastName: 'properties.lastname' },
    },
  ],
  finalMapping: { first_name: '{{step_2.firstName}}', last_name: '{{step_2.lastName}}' },
  input_schema: { fields: [{ name: 'email', type: 'string', required: true }] },
};

const writeNotes =
  'Unknown fields are ignored (so a connector read with GET can be sent back), never stored. A malformed `config` is a 400 naming each field (`config.nodes.2.data.url`); a graph that parses but has problems (a cycle, a missing edge…) is saved as a draft and its `problems` listed — errors there block execute and test (422), not saving.';

/** Connector CRUD and clone (`src/routes/connectors.routes.ts`). */
export const connectorDocs: RouteDoc[] = [
  {
    method: 'post',
    path: base,
    operationId: 'createConnector',
    tag: 'Connectors',
    summary: 'Create a connector',
    description: `\`config\` is the canonical graph \`{ version, nodes, edges }\` or the seed list form (\`steps\` at the top level or in \`config\`, \`finalMapping\`), converted on save. ${writeNotes}`,
    body: createConnectorSchema,
    bodyExample: seedExample,
    responses: { 201: { description: 'The created connector (version 1)', schema: connectorSchema } },
    errors: { 409: 'name_taken: the workspace already has a connector with this name' },
  },
  {
    method: 'get',
    path: base,
    operationId: 'listConnectors',
    tag: 'Connectors',
    summary: 'List connectors',
    description: 'Newest first, a page at a time (keyset cursor).',
    query: listConnectorsQuerySchema,
    responses: { 200: { description: 'A page of connectors', schema: connectorPageSchema } },
  },
  {
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getConnector',
    tag: 'Connectors',
    summary: 'Get a connector',
    params: id,
    responses: { 200: { description: 'The connector, with its current problems', schema: connectorSchema } },
  },
  {
    method: 'put',
    path: `${base}/:id`,
    operationId: 'replaceConnector',
    tag: 'Connectors',
    summary: 'Replace a connector',
    description: `Replaces the whole resource (omitted optional fields take their defaults) and needs the \`version\` it was read at: a stale or missing one answers 409 \`stale_version\` with \`details.current_version\`. ${writeNotes}`,
    params: id,
    body: updateConnectorSchema,
    responses: { 200: { description: 'The connector at its new version', schema: connectorSchema } },
    errors: { 409: 'stale_version (details: { current_version, sent_version }) or name_taken' },
  },
  {
    method: 'delete',
    path: `${base}/:id`,
    operationId: 'deleteConnector',
    tag: 'Connectors',
    summary: 'Delete a connector and its executions',
    params: id,
    responses: { 204: { description: 'Deleted' } },
  },
  {
    method: 'post',
    path: `${base}/:id/clone`,
    operationId: 'cloneConnector',
    tag: 'Connectors',
    summary: 'Clone a connector',
    description:
      'Copies it as "<name> (copy)", then "(copy 2)"…, at version 1 with fresh statistics. No body.',
    params: id,
    responses: { 201: { description: 'The copy', schema: connectorSchema } },
  },
];
