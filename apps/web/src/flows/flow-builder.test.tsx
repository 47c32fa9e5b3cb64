import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../api/connectors.api';
import type { Flow } from '../api/flows.api';
import { type Call, json } from '../test/api-response';
import { renderEditor } from '../test/render-editor';
import { FlowBuilderLayout } from './builder/flow-builder-layout';
import { newFlowConfig } from './builder/flow-nodes';
import { storeFromFlow } from './builder/store-from-flow';
import { FlowConnectorsProvider } from './flow-connectors';

const HUBSPOT: Connector = {
  id: 'c-hub',
  name: 'HubSpot enrichment',
  description: 'Finds the contact and its company',
  icon: '🟠',
  category: 'crm',
  type: 'multi-step',
  config: {
    version: 1,
    nodes: [
      {
        id: 'step_1',
        type: 'http',
        position: { x: 0, y: 0 },
        data: { name: 'Search contact', method: 'POST', url: 'https://api.hubapi.com/s' },
      },
      {
        id: 'output',
        type: 'output',
        position: { x: 300, y: 0 },
        data: { name: 'Update contact', fieldMappings: { 'metadata.industry': '{{step_1.industry}}' } },
      },
    ],
    edges: [{ id: 'e1', source: 'step_1', target: 'output', data: { mapping: { industry: 'industry' } } }],
  },
  input_schema: {
    fields: [
      { name: 'email', type: 'string', required: true, label: 'E-mail' },
      { name: 'domain', type: 'string', required: false, description: 'The company website' },
    ],
  },
  field_mappings: {},
  enabled: true,
  timeout_ms: 30000,
  max_retries: 3,
  continue_on_error: false,
  version: 1,
  total_executions: 0,
  successful_executions: 0,
  failed_executions: 0,
  success_rate: null,
  last_executed_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  problems: [],
};

const FLOW: Flow = {
  id: 'f-1',
  name: 'Enrich new contacts',
  description: null,
  enabled: false,
  config: newFlowConfig(),
  trigger_event: 'contact.created',
  version: 4,
  problems: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

/** The API at the fetch level: runs list empty; PUT answers `put` (a saved flow, or an error). */
function mockApi(put: (body: Record<string, unknown>) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path: url.pathname, body });
      if (init.method === 'PUT') return put(body);
      if (url.pathname.endsWith('/runs')) return json({ data: [], next_cursor: null });
      if (url.pathname === '/api/v1/flows/f-1') return json({ ...FLOW, version: 9 });
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

function renderBuilder(flow: Flow = FLOW, path = '/flows/f-1') {
  const store = storeFromFlow(flow);
  const result = renderEditor(
    <MemoryRouter initialEntries={[path]}>
      <FlowConnectorsProvider initial={[HUBSPOT]}>
        <FlowBuilderLayout onReload={() => {}} />
      </FlowConnectorsProvider>
    </MemoryRouter>,
    store,
  );
  return { ...result, store };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Flow Builder', () => {
  it('adds a connector node whose form comes from the connector input_schema', async () => {
    mockApi(() => json(FLOW));
    const { store } = renderBuilder();
    act(() => store.getState().selectOnly({ nodes: ['trigger'] }));
    const palette = screen.getByRole('complementary', { name: 'Add nodes' });
    await userEvent.click(within(palette).getByRole('button', { name: /HubSpot enrichment/ }));

    const node = store.getState().nodes.find((n) => n.type === 'connector');
    expect(node).toMatchObject({
      id: 'connector_1',
      data: {
        connectorId: 'c-hub',
        name: 'HubSpot enrichment',
        inputs: { email: '{{contact.email}}', domain: '' },
      },
    });
    // Added after the selected trigger, it is connected from it.
    expect(store.getState().edges).toMatchObject([{ source: 'trigger', target: 'connector_1' }]);

    const inspector = screen.getByRole('complementary', { name: 'Inspector: Node connector_1' });
    expect(within(inspector).getByRole('combobox', { name: /E-mail/ })).toHaveProperty(
      'value',
      '{{contact.email}}',
    );
    expect(within(inspector).getByText('The company website')).toBeTruthy();
    const domain = within(inspector).getByRole('combobox', { name: /domain/ });
    await userEvent.type(domain, 'acme.com');
    expect(store.getState().nodes.find((n) => n.id === 'connector_1')?.data).toMatchObject({
      inputs: { email: '{{contact.email}}', domain: 'acme.com' },
    });
    // The node draws the connector's name and its inputs.
    const drawn = document.querySelector('.cn-node[data-node-id="connector_1"]');
    expect(drawn?.textContent).toContain('HubSpot enrichment');
    expect(drawn?.textContent).toContain('{{contact.email}}');
  });

  it('shows a required input left empty, and the connector steps when expanded', async () => {
    mockApi(() => json(FLOW));
    const { store } = renderBuilder();
    await userEvent.click(screen.getByRole('button', { name: /HubSpot enrichment/ }));
    const inspector = screen.getByRole('complementary', { name: 'Inspector: Node connector_1' });
    await userEvent.clear(within(inspector).getByRole('combobox', { name: /E-mail/ }));
    expect(within(inspector).getByText(/Required: the connector needs a value for email/)).toBeTruthy();
    expect(store.getState().nodes.at(-1)?.data).toMatchObject({ inputs: { email: '' } });
    expect(document.querySelector('.cn-node[data-node-id="connector_1"] .fl-missing')?.textContent).toBe(
      'Needs email',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Show steps' }));
    const steps = screen.getByRole('list', { name: 'Steps of HubSpot enrichment' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Search contacthttp', 'Update contactoutput']);
  });

  it('builds trigger → connector → condition → update contact → delay, valid as a flow', async () => {
    mockApi(() => json(FLOW));
    const { store } = renderBuilder();
    act(() => store.getState().selectOnly({ nodes: ['trigger'] }));
    await userEvent.click(screen.getByRole('button', { name: /HubSpot enrichment/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Condition/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Update contact/ }));
    await userEvent.click(screen.getByRole('button', { name: /^Delay/ }));

    const { nodes, edges } = store.getState();
    expect(nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      'trigger:trigger',
      'connector_1:connector',
      'condition_1:condition',
      'update_1:update_contact',
      'delay_1:delay',
    ]);
    // A node added while another is selected hangs from it; after a condition, from its true port.
    expect(edges.map((e) => `${e.source}/${e.sourceHandle}→${e.target}`)).toEqual([
      'trigger/success→connector_1',
      'connector_1/success→condition_1',
      'condition_1/true→update_1',
    ]);
    // The trigger is there: the palette offers no second one.
    expect(screen.getByRole('button', { name: /^Trigger/ })).toHaveProperty('disabled', true);
    // Flow node types are valid in a flow (validation runs with the flow's rules), only the empty
    // condition and the unconnected delay are problems.
    const codes = store.getState().problems.map((p) => `${p.nodeId ?? ''}:${p.code}`);
    expect(codes.some((c) => c.includes('not_allowed') || c.includes('node_type'))).toBe(false);
    expect(codes.some((c) => c.startsWith('delay_1:'))).toBe(true);
  });

  it('saves the canvas as the flow PUT body, with the version it was read at', async () => {
    const calls = mockApi((body) => json({ ...FLOW, ...body, version: 5 }));
    const { store } = renderBuilder();
    act(() => store.getState().selectOnly({ nodes: ['trigger'] }));
    await userEvent.click(screen.getByRole('button', { name: /HubSpot enrichment/ }));
    act(() => store.getState().selectOnly({}));
    await userEvent.click(screen.getByText('Disabled: runs only by hand'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/flows/f-1');
    expect(put?.body).toMatchObject({
      name: 'Enrich new contacts',
      enabled: true,
      version: 4,
      config: {
        version: 1,
        nodes: [
          { id: 'trigger', type: 'trigger', data: { event: 'contact.created' } },
          {
            id: 'connector_1',
            type: 'connector',
            data: { connectorId: 'c-hub', inputs: { email: '{{contact.email}}', domain: '' } },
          },
        ],
        edges: [{ source: 'trigger', target: 'connector_1', data: { mapping: {} } }],
      },
    });
    // The default handle is left out, as a hand-written graph would.
    const sent = put?.body as { config: { edges: object[] } } | undefined;
    expect(sent?.config.edges[0]).not.toHaveProperty('sourceHandle');
    await waitFor(() => expect(store.getState().version).toBe(5));
    expect(store.getState().dirty).toBe(false);
  });

  it('offers to reload or overwrite when the save answers 409', async () => {
    let first = true;
    const calls = mockApi((body) => {
      if (first) {
        first = false;
        return json(
          { error: { code: 'stale_version', message: 'Stale version', details: { current_version: 9 } } },
          409,
        );
      }
      return json({ ...FLOW, ...body, version: 10 });
    });
    const { store } = renderBuilder();
    await userEvent.click(screen.getByRole('button', { name: /^Delay/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('version 9');
    await userEvent.click(within(banner).getByRole('button', { name: 'Overwrite with mine' }));
    await waitFor(() => expect(store.getState().version).toBe(10));
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((p) => (p.body as { version: number }).version)).toEqual([4, 9]);
  });

  it('paints the node statuses of the run it was opened from (?run=), and clears them on request', async () => {
    const flow: Flow = {
      ...FLOW,
      config: {
        version: 1,
        nodes: [
          ...newFlowConfig().nodes,
          {
            id: 'save',
            type: 'update_contact',
            position: { x: 300, y: 0 },
            data: { name: 'Save', fieldMappings: { title: 'Member' } },
          },
        ],
        edges: [{ id: 'e1', source: 'trigger', target: 'save' }],
      } as Flow['config'],
    };
    const run = {
      id: 'r-7abcdef0',
      flow_id: 'f-1',
      contact_id: 'k-1',
      status: 'failed',
      error_message: 'Step "Save" (save) failed: no contact',
      started_at: '2026-01-01T00:00:00Z',
      completed_at: '2026-01-01T00:00:01Z',
      steps_executed: [
        { step_id: 'trigger', step_name: 'trigger', status: 'success', duration_ms: 3 },
        {
          step_id: 'save',
          step_name: 'Save',
          status: 'failed',
          duration_ms: 5,
          error: { message: 'no contact' },
        },
      ],
      executions: [],
    };
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        calls.push(url.pathname);
        if (url.pathname === '/api/v1/flow-runs/r-7abcdef0') return json(run);
        if (url.pathname.endsWith('/runs')) return json({ data: [], next_cursor: null });
        return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
      }),
    );
    const { store } = renderBuilder(flow, '/flows/f-1?run=r-7abcdef0');
    const status = (id: string) =>
      document.querySelector(`.cn-node[data-node-id="${id}"]`)?.getAttribute('data-run-status');
    await waitFor(() => expect(status('save')).toBe('failed'));
    expect(status('trigger')).toBe('success');
    const bar = screen.getByRole('status', { name: 'Flow run on the canvas' });
    expect(within(bar).getByText('Failed')).toBeTruthy();
    expect(within(bar).getByRole('link', { name: 'View run' }).getAttribute('href')).toBe(
      '/flow-runs/r-7abcdef0',
    );
    await userEvent.click(within(bar).getByRole('button', { name: 'save failed: no contact' }));
    expect(store.getState().nodes.find((n) => n.id === 'save')?.selected).toBe(true);

    await userEvent.click(within(bar).getByRole('button', { name: 'Clear the run from the canvas' }));
    await waitFor(() => expect(status('save')).not.toBe('failed'));
    expect(store.getState().stepsById.size).toBe(0);
    expect(screen.queryByRole('status', { name: 'Flow run on the canvas' })).toBeNull();
    expect(calls.filter((path) => path.startsWith('/api/v1/flow-runs/'))).toEqual([
      '/api/v1/flow-runs/r-7abcdef0',
    ]);
  });
});
