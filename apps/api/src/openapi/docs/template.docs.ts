import { connectorSchema } from '../../schemas/connector.schema';
import { listTemplatesQuerySchema, templatePageSchema, templateSchema } from '../../schemas/template.schema';
import type { RouteDoc } from '../route-doc';

const base = '/api/v1/connector-templates';
const id = { id: 'The template id (a UUID)' };

/** Connector templates (`src/routes/templates.routes.ts`). */
export const templateDocs: RouteDoc[] = [
  {
    method: 'get',
    path: base,
    operationId: 'listConnectorTemplates',
    tag: 'Templates',
    summary: 'List connector templates',
    description:
      'Ready-made connectors for real APIs (HubSpot, ZeroBounce, Hunter, People Data Labs, Nominatim, Google Geocoding), featured first. `required_credentials` names the workspace credentials to store first.',
    query: listTemplatesQuerySchema,
    responses: { 200: { description: 'Every matching template (one page)', schema: templatePageSchema } },
  },
  {
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getConnectorTemplate',
    tag: 'Templates',
    summary: 'Get a connector template',
    params: id,
    responses: { 200: { description: 'The template', schema: templateSchema } },
  },
  {
    method: 'post',
    path: `${base}/:id/install`,
    operationId: 'installConnectorTemplate',
    tag: 'Templates',
    summary: 'Install a template as a connector',
    description:
      'Clones the template into the workspace as an ordinary connector, named as the template (" (2)", " (3)"… when taken), and counts the install. No body.',
    params: id,
    responses: { 201: { description: 'The new connector', schema: connectorSchema } },
  },
];
