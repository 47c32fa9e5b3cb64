import {
  createFlowSchema,
  flowPageSchema,
  flowRunAcceptedSchema,
  flowRunPageSchema,
  flowRunSchema,
  flowSchema,
  listFlowRunsQuerySchema,
  listFlowsQuerySchema,
  runFlowBodySchema,
  updateFlowSchema,
} from '../../schemas/flow.schema';
import type { RouteDoc } from '../route-doc';

const base = '/api/v1/flows';
const id = { id: 'The flow id (a UUID); another workspace’s id answers 404' };
const notRunnable = '422 graph_invalid: the flow graph has errors (details: its problems, as on the flow)';

const flowExample = {
  name: 'Enrich new contacts',
  enabled: true,
  config: {
    version: 1,
    nodes: [
      { id: 'start', type: 'trigger', data: { name: 'New contact', event: 'contact.created' } },
      {
        id: 'enrich',
        type: 'connector',
        data: { name: 'HubSpot', connectorId: '5f0c…', inputs: { email: '{{contact.email}}' } },
      },
      {
        id: 'save',
        type: 'update_contact',
        data: {
          name: 'Save title',
          fieldMappings: { title: { template: '{{enrich.title}}', write: 'if_empty' } },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'enrich' },
      { id: 'e2', source: 'enrich', target: 'save', data: { mapping: { title: 'title' } } },
    ],
  },
};

const writeNotes =
  '`trigger_event` is derived from the trigger node; `problems` lists what keeps the graph from running (a draft with problems is saved; running it answers 422). Unknown fields are ignored.';

/** Flow CRUD, runs and flow runs (`flows.routes.ts`, `flow-runs.routes.ts`). */
export const flowDocs: RouteDoc[] = [
  {
    method: 'post',
    path: base,
    operationId: 'createFlow',
    tag: 'Flows',
    summary: 'Create a flow',
    description: `\`config\` is the flow graph \`{ version, nodes, edges }\` with node types \`trigger\`, \`connector\`, \`condition\`, \`transform\`, \`update_contact\` and \`delay\`. ${writeNotes}`,
    body: createFlowSchema,
    bodyExample: flowExample,
    responses: { 201: { description: 'The created flow (version 1)', schema: flowSchema } },
  },
  {
    method: 'get',
    path: base,
    operationId: 'listFlows',
    tag: 'Flows',
    summary: 'List flows',
    description:
      'Each flow carries `last_run`: its newest run (status and times), or null when it never ran.',
    query: listFlowsQuerySchema,
    responses: { 200: { description: 'A page of flows, newest first', schema: flowPageSchema } },
  },
  {
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getFlow',
    tag: 'Flows',
    summary: 'Get a flow',
    params: id,
    responses: { 200: { description: 'The flow', schema: flowSchema } },
  },
  {
    method: 'put',
    path: `${base}/:id`,
    operationId: 'replaceFlow',
    tag: 'Flows',
    summary: 'Replace a flow',
    description: `Send the whole flow and the \`version\` it was read at. ${writeNotes}`,
    params: id,
    body: updateFlowSchema,
    responses: { 200: { description: 'The flow at its next version', schema: flowSchema } },
    errors: { 409: 'stale_version: the flow changed since it was read (details: current_version)' },
  },
  {
    method: 'delete',
    path: `${base}/:id`,
    operationId: 'deleteFlow',
    tag: 'Flows',
    summary: 'Delete a flow and its runs',
    params: id,
    responses: { 204: { description: 'Deleted' } },
  },
  {
    method: 'post',
    path: `${base}/:id/run`,
    operationId: 'runFlow',
    tag: 'Flows',
    summary: 'Run a flow over a contact',
    description:
      'Queues a flow run (whether the flow is enabled or not: `enabled` only governs its trigger) and answers at once; follow it at `/flow-runs/{id}`.',
    params: id,
    body: runFlowBodySchema,
    responses: { 202: { description: 'Queued', schema: flowRunAcceptedSchema } },
    errors: { 422: notRunnable },
  },
  {
    method: 'get',
    path: `${base}/:id/runs`,
    operationId: 'listFlowRuns',
    tag: 'Flows',
    summary: 'List a flow’s runs',
    params: id,
    query: listFlowRunsQuerySchema,
    responses: { 200: { description: 'A page of flow runs, newest first', schema: flowRunPageSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/flow-runs/:id',
    operationId: 'getFlowRun',
    tag: 'Flows',
    summary: 'Get a flow run',
    description:
      'With its steps, the graph it ran (`graph_snapshot`) and its child executions (one per connector node that ran; each is a full execution at `/executions/{id}`).',
    params: { id: 'The flow run id (a UUID)' },
    responses: { 200: { description: 'The flow run', schema: flowRunSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/flow-runs/:id/cancel',
    operationId: 'cancelFlowRun',
    tag: 'Flows',
    summary: 'Cancel a flow run',
    description:
      'Ends a pending or running flow run `cancelled`, with its unfinished child executions; no further node starts (the local worker stops at once, the Trigger.dev task when it stores its next node). Cancelling a cancelled run again answers 200.',
    params: { id: 'The flow run id (a UUID)' },
    responses: { 200: { description: 'The cancelled flow run', schema: flowRunSchema } },
    errors: { 409: 'flow_run_finished: the run already ended (details: status)' },
  },
];
