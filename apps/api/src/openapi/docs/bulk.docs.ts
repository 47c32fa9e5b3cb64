import { bulkAcceptedSchema, bulkBodySchema, bulkRunSchema } from '../../schemas/bulk-run.schema';
import type { RouteDoc } from '../route-doc';

const how =
  'The contacts are fixed now: the ids given, or every contact matching `filter.search` as `GET /contacts?search=` does. They are handed out in the background within the workspace’s execution rate limit (each item takes one unit; the bulk run pauses while the budget is spent) and survive a restart of the API. Follow progress at `/bulk-runs/{id}`.';

/** Bulk runs (`bulk-runs.routes.ts`). */
export const bulkDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/connectors/:id/bulk-execute',
    operationId: 'bulkExecuteConnector',
    tag: 'Bulk runs',
    summary: 'Execute a connector on many contacts',
    description: `One live execution per contact, tagged with the bulk run; a contact whose inputs cannot be resolved counts as failed. ${how}`,
    params: { id: 'The connector id (a UUID)' },
    body: bulkBodySchema,
    bodyExample: { filter: { search: 'acme' } },
    responses: { 202: { description: 'Started', schema: bulkAcceptedSchema } },
    errors: {
      409: 'connector_disabled',
      422: 'graph_invalid: the connector’s graph has errors',
    },
  },
  {
    method: 'post',
    path: '/api/v1/flows/:id/bulk-run',
    operationId: 'bulkRunFlow',
    tag: 'Bulk runs',
    summary: 'Run a flow on many contacts',
    description: `One flow run per contact, tagged with the bulk run. ${how}`,
    params: { id: 'The flow id (a UUID)' },
    body: bulkBodySchema,
    bodyExample: { contactIds: ['5f0c…', '7a21…'] },
    responses: { 202: { description: 'Started', schema: bulkAcceptedSchema } },
    errors: { 422: 'graph_invalid: the flow’s graph has errors' },
  },
  {
    method: 'get',
    path: '/api/v1/bulk-runs/:id',
    operationId: 'getBulkRun',
    tag: 'Bulk runs',
    summary: 'Follow a bulk run',
    description:
      '`queued` contacts were handed out so far; `succeeded` and `failed` count the items that ended; `fields_changed` the contact fields they changed. `completed` once every contact was handed out and every item ended.',
    params: { id: 'The bulk run id (a UUID)' },
    responses: { 200: { description: 'The bulk run', schema: bulkRunSchema } },
  },
];
