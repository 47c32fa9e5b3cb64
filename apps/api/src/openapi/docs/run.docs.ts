import { z } from 'zod';
import { credentialSchema, upsertCredentialSchema } from '../../schemas/credential.schema';
import {
  executeBodySchema,
  executionAcceptedSchema,
  executionPageSchema,
  executionSchema,
  listExecutionsQuerySchema,
  retryBodySchema,
  testBodySchema,
} from '../../schemas/execution.schema';
import type { RouteDoc } from '../route-doc';

const executionId = { id: 'The execution id (a UUID)' };
const connectorId = { id: 'The connector id (a UUID)' };
const notRunnable = '422 graph_invalid: the graph has errors (details: its problems, as on the connector)';
const rateLimited = 'rate_limited: too many executions this minute (see the Retry-After header)';

/** Running connectors, executions and credentials (`connector-runs`, `executions`, `credentials` routes). */
export const runDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/connectors/:id/execute',
    operationId: 'executeConnector',
    tag: 'Executions',
    summary: 'Execute a connector against a contact',
    description:
      'Queues a live run and answers at once; follow it at `/executions/{id}` or `/executions/{id}/events`. Inputs are checked against `input_schema`; a missing one falls back to the contact’s field of the same name. An `Idempotency-Key` header makes a replay answer the first execution.',
    params: connectorId,
    headers: [
      {
        name: 'Idempotency-Key',
        description: '1 to 255 characters; a replay answers 202 with the same execution',
      },
    ],
    body: executeBodySchema,
    bodyExample: { contactId: '5f0c…', inputs: { email: 'john@acme.com' } },
    responses: { 202: { description: 'Queued', schema: executionAcceptedSchema } },
    errors: { 409: 'connector_disabled or idempotency_key_reused', 422: notRunnable, 429: rateLimited },
  },
  {
    method: 'post',
    path: '/api/v1/connectors/:id/test',
    operationId: 'testConnector',
    tag: 'Executions',
    summary: 'Test a connector now',
    description:
      'Runs synchronously and answers the recorded execution (`mode: "test"`); touches no contact and does not count in the statistics.',
    params: connectorId,
    body: testBodySchema,
    bodyOptional: true,
    responses: { 200: { description: 'The finished test execution', schema: executionSchema } },
    errors: { 422: notRunnable, 429: rateLimited },
  },
  {
    method: 'get',
    path: '/api/v1/connectors/:id/executions',
    operationId: 'listConnectorExecutions',
    tag: 'Executions',
    summary: 'List a connector’s executions',
    params: connectorId,
    query: listExecutionsQuerySchema,
    responses: { 200: { description: 'A page of executions (without steps)', schema: executionPageSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/executions',
    operationId: 'listExecutions',
    tag: 'Executions',
    summary: 'List the workspace’s executions',
    query: listExecutionsQuerySchema,
    responses: { 200: { description: 'A page of executions (without steps)', schema: executionPageSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/executions/:id',
    operationId: 'getExecution',
    tag: 'Executions',
    summary: 'Get an execution with every step',
    params: executionId,
    responses: { 200: { description: 'The execution', schema: executionSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/executions/:id/events',
    operationId: 'streamExecutionEvents',
    tag: 'Executions',
    summary: 'Follow an execution live (Server-Sent Events)',
    description:
      'Replays what is persisted (from `Last-Event-ID` if sent), then streams node started/succeeded/failed/skipped and run finished events until the run ends.',
    params: executionId,
    headers: [{ name: 'Last-Event-ID', description: 'Resume after this event id' }],
    responses: {
      200: { description: 'An event stream', contentType: 'text/event-stream', schema: z.string() },
    },
  },
  {
    method: 'post',
    path: '/api/v1/executions/:id/cancel',
    operationId: 'cancelExecution',
    tag: 'Executions',
    summary: 'Cancel a pending or running execution',
    params: executionId,
    responses: { 200: { description: 'The cancelled execution', schema: executionSchema } },
    errors: { 409: 'execution_finished: it already ended' },
  },
  {
    method: 'post',
    path: '/api/v1/executions/:id/retry',
    operationId: 'retryExecution',
    tag: 'Executions',
    summary: 'Retry an execution',
    description:
      'A new execution (`retry_of` set). With `from_failed`, the steps that succeeded and whose configuration is unchanged are reused, not called again.',
    params: executionId,
    body: retryBodySchema,
    bodyOptional: true,
    responses: { 202: { description: 'Queued', schema: executionAcceptedSchema } },
    errors: {
      409: 'execution_not_finished, connector_disabled or contact_deleted',
      422: notRunnable,
      429: rateLimited,
    },
  },
  {
    method: 'post',
    path: '/api/v1/workspace/credentials',
    operationId: 'upsertCredential',
    tag: 'Credentials',
    summary: 'Store a service’s credentials',
    description:
      'Encrypted (AES-256-GCM) and never returned. Read in connectors as `{{workspace.<service>_token}}` or `{{credentials.<service>.<field>}}`. Replaces the service’s credentials if present (200).',
    body: upsertCredentialSchema,
    bodyExample: {
      service: 'hubspot',
      credentials: { token: 'pat-na1-…' },
      allowed_hosts: ['api.hubapi.com'],
    },
    responses: {
      201: { description: 'Stored', schema: credentialSchema },
      200: { description: 'Replaced', schema: credentialSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/workspace/credentials',
    operationId: 'listCredentials',
    tag: 'Credentials',
    summary: 'List stored credentials (names only)',
    responses: {
      200: {
        description: 'Services and field names; never a secret',
        schema: z.object({ data: z.array(credentialSchema), next_cursor: z.null() }),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/workspace/credentials/:service',
    operationId: 'deleteCredential',
    tag: 'Credentials',
    summary: 'Delete a service’s credentials',
    params: { service: 'The service name, e.g. hubspot' },
    responses: { 204: { description: 'Deleted' } },
  },
];
