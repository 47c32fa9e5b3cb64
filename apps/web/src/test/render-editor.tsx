import { render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { Credential } from '../api/credentials.api';
import type { Execution } from '../api/executions.api';
import { EditorResourcesProvider } from '../editor/editor-resources';
import {
  createEditorStore,
  type EditorInit,
  type EditorStore,
  EditorStoreProvider,
} from '../editor/store/editor-store';
import { ToastProvider } from '../ui/toast';
import { seedGraph } from './fixtures';

export const CREDENTIALS: Credential[] = [
  {
    id: 'c1',
    service_name: 'hubspot',
    fields: ['token'],
    allowed_hosts: [],
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    last_used_at: null,
  },
];

/** A store holding the seed connector with its `email` input. */
export function seedStore(init: Partial<EditorInit> = {}): EditorStore {
  return createEditorStore({
    connectorId: 'c-1',
    version: 1,
    graph: seedGraph(),
    meta: { name: 'HubSpot', input_schema: { fields: [{ name: 'email', type: 'string', required: true }] } },
    ...init,
  });
}

/** Renders editor parts with an injected store, the credentials, and React Flow's provider. */
export function renderEditor(ui: ReactNode, store: EditorStore = seedStore()) {
  const result = render(
    <ToastProvider>
      <EditorStoreProvider store={store}>
        <EditorResourcesProvider initial={CREDENTIALS}>
          <ReactFlowProvider>{ui}</ReactFlowProvider>
        </EditorResourcesProvider>
      </EditorStoreProvider>
    </ToastProvider>,
  );
  return { ...result, store };
}

/** A finished test run of the seed connector, as `/test` answers it. */
export function seedRun(): Execution {
  const step = (id: string, body: unknown, edgeValues: Record<string, Record<string, unknown>>) => ({
    step_id: id,
    step_name: id,
    step_type: 'http',
    status: 'success' as const,
    handle: 'success',
    started_at: '2026-01-01T00:00:00Z',
    finished_at: '2026-01-01T00:00:00Z',
    duration_ms: 120,
    attempts: [
      {
        attempt: 1,
        started_at: '2026-01-01T00:00:00Z',
        duration_ms: 120,
        request: {
          method: 'GET',
          url: `https://api.hubapi.com/${id}`,
          headers: { authorization: '***' },
          body: null,
        },
        response: { status: 200, headers: { 'content-type': 'application/json' }, body },
        error: null,
      },
    ],
    edge_values: edgeValues,
    output: 200,
    error: null,
  });
  return {
    id: 'x-1',
    connector_id: 'c-1',
    contact_id: null,
    status: 'success',
    mode: 'test',
    current_step: null,
    input_data: { email: 'ada@example.com' },
    output_data: { first_name: 'Ada' },
    error_message: null,
    execution_time_ms: 400,
    attempt: 1,
    connector_version: 1,
    retry_of: null,
    created_at: '2026-01-01T00:00:00Z',
    started_at: '2026-01-01T00:00:00Z',
    completed_at: '2026-01-01T00:00:00Z',
    steps_executed: [
      step('step_1', { results: [{ id: '7' }], total: 1 }, { e1: { contactId: '7' } }),
      step('step_2', { properties: { firstname: 'Ada', lastname: 'Lovelace' } }, { e2: { companyId: '9' } }),
    ],
  };
}
