import type { AttemptRecord } from '@connectors/engine';
import type { Execution, StepExecuted } from '../api/executions.api';
import { seedGraph } from '../test/fixtures';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + ms).toISOString();

function attempt(n: number, startMs: number, durationMs: number, status: number, body: unknown, url: string) {
  const record: AttemptRecord = {
    attempt: n,
    started_at: at(startMs),
    duration_ms: durationMs,
    request: { method: 'GET', url, headers: { Authorization: 'Bearer ••••••' }, body: null },
    response: { status, headers: { 'content-type': 'application/json' }, body },
    error: status >= 400 ? `HTTP ${status}` : null,
  };
  return record;
}

function step(over: Partial<StepExecuted> & Pick<StepExecuted, 'step_id'>): StepExecuted {
  return {
    step_name: over.step_id,
    step_type: 'http',
    status: 'success',
    handle: 'success',
    started_at: null,
    finished_at: null,
    duration_ms: null,
    attempts: [],
    edge_values: {},
    output: null,
    error: null,
    ...over,
  };
}

/**
 * A live run of the seed connector that failed on step_2 after two attempts with a 1 s backoff between
 * them; step_3 and the output were skipped.
 */
export function failedRun(): Execution {
  const contactUrl = 'https://api.hubapi.com/crm/v3/objects/contacts/101';
  return {
    id: '11111111-1111-4111-8111-111111111111',
    connector_id: 'c-1',
    contact_id: 'p-1',
    contact: { id: 'p-1', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
    connector_name: 'HubSpot enrichment',
    status: 'failed',
    mode: 'live',
    current_step: null,
    input_data: { email: 'ada@example.com' },
    output_data: null,
    error_message: 'Step "Get contact" (step_2) failed',
    execution_time_ms: 1500,
    attempt: 1,
    connector_version: 3,
    retry_of: null,
    trigger_run_id: 'run_abc123',
    created_at: at(-5),
    started_at: at(0),
    completed_at: at(1500),
    graph_snapshot: seedGraph(),
    connector_changes: {
      current_version: 4,
      changed: true,
      changed_steps: ['step_2'],
      reusable_steps: ['step_1'],
    },
    steps_executed: [
      step({
        step_id: 'step_1',
        step_name: 'Search contact',
        started_at: at(0),
        finished_at: at(200),
        duration_ms: 200,
        attempts: [attempt(1, 0, 200, 200, { results: [{ id: '101' }] }, 'https://api.hubapi.com/search')],
        edge_values: { e1: { contactId: '101' } },
        output: { status: 200 },
      }),
      step({
        step_id: 'step_2',
        step_name: 'Get contact',
        status: 'failed',
        handle: null,
        started_at: at(200),
        finished_at: at(1500),
        duration_ms: 1300,
        attempts: [
          { ...attempt(1, 200, 100, 503, { message: 'busy' }, contactUrl), retry_delay_ms: 1000 },
          attempt(2, 1300, 200, 500, { status: 'error', message: 'Upstream exploded' }, contactUrl),
        ],
        error: {
          message: `GET ${contactUrl} answered HTTP 500 (after 2 attempts)`,
          code: 'http_status',
          status: 500,
        },
      }),
      step({
        step_id: 'step_3',
        step_name: 'Get company',
        status: 'skipped',
        handle: null,
        finished_at: at(1500),
      }),
      step({
        step_id: 'output',
        step_name: 'Update contact',
        step_type: 'output',
        status: 'skipped',
        handle: null,
        finished_at: at(1500),
      }),
    ],
  };
}

/** The retry of `failedRun` from its failed step, after step_2's URL was fixed: a success. */
export function retriedRun(): Execution {
  const failed = failedRun();
  const [search] = failed.steps_executed ?? [];
  const fixedUrl = 'https://api.hubapi.com/v2/contacts/101';
  return {
    ...failed,
    id: '22222222-2222-4222-8222-222222222222',
    status: 'success',
    error_message: null,
    retry_of: failed.id,
    connector_version: 4,
    trigger_run_id: null,
    created_at: at(60_000),
    started_at: at(60_000),
    completed_at: at(60_400),
    execution_time_ms: 400,
    output_data: { first_name: 'Ada' },
    connector_changes: {
      current_version: 4,
      changed: false,
      changed_steps: [],
      reusable_steps: ['step_1', 'step_2'],
    },
    steps_executed: [
      search as StepExecuted,
      step({
        step_id: 'step_2',
        step_name: 'Get contact',
        started_at: at(60_000),
        finished_at: at(60_150),
        duration_ms: 150,
        attempts: [attempt(1, 60_000, 150, 200, { properties: { firstname: 'Ada' } }, fixedUrl)],
        edge_values: { e2: { companyId: '9' }, e3: { firstName: 'Ada' } },
      }),
      step({
        step_id: 'step_3',
        step_name: 'Get company',
        started_at: at(60_150),
        finished_at: at(60_350),
        duration_ms: 200,
        attempts: [
          attempt(1, 60_150, 200, 200, { properties: { name: 'Engines' } }, 'https://api.hubapi.com/c/9'),
        ],
      }),
      step({
        step_id: 'output',
        step_name: 'Update contact',
        step_type: 'output',
        started_at: at(60_350),
        finished_at: at(60_360),
        duration_ms: 10,
        output: { first_name: 'Ada' },
      }),
    ],
  };
}
