import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Flow, FlowRun } from '../../api/flows.api';
import { json } from '../../test/api-response';
import { ToastProvider } from '../../ui/toast';
import { FlowRunPage } from './flow-run.page';

const GRAPH = {
  version: 1 as const,
  nodes: [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { name: 'Start', event: 'manual' } },
    {
      id: 'connector_1',
      type: 'connector',
      position: { x: 300, y: 0 },
      data: { name: 'Enrich', connectorId: 'c-hub', inputs: { email: '{{contact.email}}' } },
    },
    {
      id: 'update_1',
      type: 'update_contact',
      position: { x: 600, y: 0 },
      data: { name: 'Tag', fieldMappings: { 'metadata.segment': 'Tech' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'connector_1', data: { mapping: {} } },
    { id: 'e2', source: 'connector_1', target: 'update_1', data: { mapping: {} } },
  ],
} as Flow['config'];

const FLOW: Flow = {
  id: 'f-1',
  name: 'Enrich and tag',
  description: null,
  enabled: true,
  config: GRAPH,
  trigger_event: 'manual',
  version: 2,
  problems: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

const step = (id: string, status: 'success' | 'failed' | 'skipped', error?: string) => ({
  step_id: id,
  step_name: id,
  step_type: '',
  status,
  handle: status === 'success' ? 'success' : null,
  started_at: '2026-01-01T00:00:00Z',
  finished_at: '2026-01-01T00:00:01Z',
  duration_ms: 40,
  edge_values: {},
  output: id === 'trigger' ? { email: 'ada@example.com' } : null,
  error: error ? { message: error, code: 'x' } : null,
});

/** `/flow-runs/r-1` answers each of `runs` in turn. */
function mockApi(runs: FlowRun[]) {
  let reads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL) => {
      if (url.pathname === '/api/v1/flow-runs/r-1') return json(runs[Math.min(reads++, runs.length - 1)]);
      if (url.pathname === '/api/v1/flows/f-1') return json(FLOW);
      if (url.pathname === '/api/v1/contacts/k-1')
        return json({ id: 'k-1', email: 'ada@example.com', first_name: 'Ada', last_name: null });
      if (url.pathname === '/api/v1/connectors') return json({ data: [], next_cursor: null });
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
}

const baseRun: FlowRun = {
  id: 'r-1',
  flow_id: 'f-1',
  contact_id: 'k-1',
  status: 'running',
  steps_executed: [],
  error_message: null,
  started_at: '2026-01-01T00:00:00Z',
  completed_at: null,
  executions: [],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('flow run view', () => {
  it('paints each node with its status as the run goes on, and links to the child run', async () => {
    mockApi([
      {
        ...baseRun,
        steps_executed: [step('trigger', 'success')],
        executions: [
          {
            id: 'x-1',
            node_id: 'connector_1',
            connector_id: 'c-hub',
            status: 'running',
            execution_time_ms: null,
          },
        ],
      },
      {
        ...baseRun,
        status: 'failed',
        error_message: 'Enrich failed',
        completed_at: '2026-01-01T00:00:02Z',
        steps_executed: [
          step('trigger', 'success'),
          step('connector_1', 'failed', 'HubSpot answered 500'),
          step('update_1', 'skipped'),
        ],
        executions: [
          {
            id: 'x-1',
            node_id: 'connector_1',
            connector_id: 'c-hub',
            status: 'failed',
            execution_time_ms: 900,
          },
        ],
      },
    ]);
    render(
      <MemoryRouter initialEntries={['/flow-runs/r-1']}>
        <ToastProvider>
          <Routes>
            <Route path="/flow-runs/:id" element={<FlowRunPage />} />
          </Routes>
        </ToastProvider>
      </MemoryRouter>,
    );
    const status = (id: string) =>
      document.querySelector(`.cn-node[data-node-id="${id}"]`)?.getAttribute('data-run-status');
    await waitFor(() => expect(status('trigger')).toBe('success'));
    // While the child execution runs, its node shows as running.
    expect(status('connector_1')).toBe('running');
    await waitFor(() => expect(status('connector_1')).toBe('failed'), { timeout: 4000 });
    expect(status('update_1')).toBe('skipped');

    const details = screen.getByRole('complementary', { name: 'Run details' });
    expect(within(details).getByRole('alert').textContent).toBe('Enrich failed');
    expect(within(details).getByText('HubSpot answered 500')).toBeTruthy();
    expect(
      within(details)
        .getByRole('link', { name: /Open connector run/ })
        .getAttribute('href'),
    ).toBe('/executions/x-1');
    expect(within(details).getByRole('link', { name: 'Ada · ada@example.com' }).getAttribute('href')).toBe(
      '/contacts/k-1',
    );

    // A step's output, and a step that shows its node on the canvas.
    const trigger = details.querySelector('.fl-run-step[data-node-id="trigger"]') as HTMLElement;
    expect(JSON.parse(trigger.querySelector('.fl-output pre')?.textContent ?? '')).toEqual({
      email: 'ada@example.com',
    });
    await userEvent.click(within(details).getByRole('button', { name: 'Tag' }));
    await waitFor(() =>
      expect(
        document.querySelector('.cn-node[data-node-id="update_1"]')?.classList.contains('is-selected'),
      ).toBe(true),
    );
    expect(details.querySelector('.fl-run-step.is-selected')?.getAttribute('data-node-id')).toBe('update_1');
  });

  it('cancels a run that is going on, and opens the flow in the builder with this run', async () => {
    const calls: string[] = [];
    let cancelled = false;
    const running: FlowRun = { ...baseRun, steps_executed: [step('trigger', 'success')] };
    const stopped: FlowRun = { ...running, status: 'cancelled', completed_at: '2026-01-01T00:00:03Z' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit = {}) => {
        calls.push(`${init.method ?? 'GET'} ${url.pathname}`);
        if (url.pathname === '/api/v1/flow-runs/r-1/cancel' && init.method === 'POST') {
          cancelled = true;
          return json(stopped);
        }
        if (url.pathname === '/api/v1/flow-runs/r-1') return json(cancelled ? stopped : running);
        if (url.pathname === '/api/v1/flows/f-1') return json(FLOW);
        if (url.pathname === '/api/v1/connectors') return json({ data: [], next_cursor: null });
        return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
      }),
    );
    render(
      <MemoryRouter initialEntries={['/flow-runs/r-1']}>
        <ToastProvider>
          <Routes>
            <Route path="/flow-runs/:id" element={<FlowRunPage />} />
          </Routes>
        </ToastProvider>
      </MemoryRouter>,
    );
    expect((await screen.findByRole('link', { name: 'Open in builder' })).getAttribute('href')).toBe(
      '/flows/f-1?run=r-1',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(calls).toContain('POST /api/v1/flow-runs/r-1/cancel');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull());
    expect(screen.getAllByText('Cancelled').length).toBeGreaterThan(0);
  });
});
