import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connector } from '../api/connectors.api';
import { ToastProvider } from '../ui/toast';
import { ConnectorsPage } from './connectors.page';

const connector = (over: Partial<Connector>): Connector => ({
  id: 'c1',
  name: 'HubSpot enrichment',
  description: 'Finds the contact',
  icon: '🟠',
  category: 'crm',
  type: 'multi-step',
  config: { version: 1, nodes: [], edges: [] },
  input_schema: null,
  field_mappings: {},
  enabled: true,
  timeout_ms: 30000,
  max_retries: 3,
  continue_on_error: false,
  version: 3,
  total_executions: 20,
  successful_executions: 19,
  failed_executions: 1,
  success_rate: 0.95,
  last_executed_at: new Date(Date.now() - 5 * 60_000).toISOString(),
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  problems: [],
  ...over,
});

type Call = { method: string; path: string; body: unknown };

function mockApi(list: Connector[]) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const path = url.pathname + url.search;
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path, body });
      const json = (b: unknown, status = 200) =>
        new Response(JSON.stringify(b), { status, headers: { 'content-type': 'application/json' } });
      if (init.method === 'PUT')
        return json({ ...list[0], ...body, version: (body as { version: number }).version + 1 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return json({ data: list, next_cursor: null });
    }),
  );
  return calls;
}

function renderPage(path = '/connectors') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <ToastProvider>
        <ConnectorsPage />
      </ToastProvider>
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('connectors list', () => {
  it('shows each connector with its category, state, counts, success rate and last run', async () => {
    mockApi([
      connector({}),
      connector({
        id: 'c2',
        name: 'Draft',
        success_rate: null,
        total_executions: 0,
        failed_executions: 0,
        last_executed_at: null,
        problems: [{ code: 'cycle', severity: 'error', message: 'A cycle', path: 'config' }],
      }),
    ]);
    renderPage();
    const row = (await screen.findByRole('link', { name: /^HubSpot enrichment/ })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('CRM')).toBeTruthy();
    expect(within(row).getByRole('switch', { name: 'Enable HubSpot enrichment' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(row).getByText('95%')).toBeTruthy();
    expect(row.textContent).toContain('1 failed');
    expect(within(row).getByText('5 minutes ago')).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Runs of HubSpot enrichment' }).getAttribute('href')).toBe(
      '/executions?connector=c1',
    );
    const draft = screen.getByRole('link', { name: /^Draft/ }).closest('tr') as HTMLElement;
    expect(within(draft).getByText(/Draft · 1 problem/)).toBeTruthy();
    expect(within(draft).getByText('Never')).toBeTruthy();
  });

  it('toggles enabled with the version it was read at', async () => {
    const calls = mockApi([connector({})]);
    renderPage();
    await userEvent.click(await screen.findByRole('switch', { name: 'Enable HubSpot enrichment' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/connectors/c1');
    expect(put?.body).toMatchObject({ enabled: false, version: 3, name: 'HubSpot enrichment' });
  });

  it('asks before deleting, and deletes', async () => {
    const calls = mockApi([connector({})]);
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete HubSpot enrichment' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete HubSpot enrichment?' });
    expect(document.activeElement?.textContent).toBe('Cancel');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete connector' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /^HubSpot enrichment/ })).toBeNull());
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v1/connectors/c1' });
  });

  it('searches and filters through the API, and says what to do when nothing matches', async () => {
    const calls = mockApi([]);
    renderPage('/connectors?q=hub&category=crm');
    expect(await screen.findByRole('heading', { name: 'No connector matches' })).toBeTruthy();
    expect(calls[0]?.path).toBe('/api/v1/connectors?search=hub&category=crm');
  });

  it('imports a file whose name is taken beside the existing connector, as "(imported)"', async () => {
    const calls: Call[] = [];
    const json = (b: unknown, status = 200) =>
      new Response(JSON.stringify(b), { status, headers: { 'content-type': 'application/json' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        const body = init.body ? JSON.parse(String(init.body)) : undefined;
        calls.push({ method: init.method ?? 'GET', path: url.pathname, body });
        if (init.method === 'POST' && body.name === 'HubSpot enrichment')
          return json(
            {
              error: { code: 'name_taken', message: 'A connector named "HubSpot enrichment" already exists' },
            },
            409,
          );
        if (init.method === 'POST') return json(connector({ id: 'c2', name: body.name }), 201);
        return json({ data: [connector({})], next_cursor: null });
      }),
    );
    renderPage();
    await screen.findByRole('link', { name: /^HubSpot enrichment/ });
    const file = new File(
      [JSON.stringify({ name: 'HubSpot enrichment', config: { version: 1, nodes: [], edges: [] } })],
      'hubspot.json',
      { type: 'application/json' },
    );
    await userEvent.upload(screen.getByLabelText('Import a connector from a JSON file'), file);
    expect(
      await screen.findByText(
        'Imported as "HubSpot enrichment (imported)": a connector named "HubSpot enrichment" already exists',
      ),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { name: string }).name)).toEqual([
      'HubSpot enrichment',
      'HubSpot enrichment (imported)',
    ]);
  });

  it('invites to build the first connector on an empty workspace', async () => {
    mockApi([]);
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Build your first connector' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Start from a template/ })).toBeTruthy();
  });
});
