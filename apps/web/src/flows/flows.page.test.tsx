import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Flow } from '../api/flows.api';
import { type Call, json } from '../test/api-response';
import { ToastProvider } from '../ui/toast';
import { FlowsPage } from './flows.page';

const FLOW: Flow = {
  id: 'f-1',
  name: 'Enrich new contacts',
  description: null,
  enabled: false,
  config: { version: 1, nodes: [], edges: [] },
  trigger_event: 'contact.created',
  version: 3,
  problems: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

function mockApi(list: Flow[]) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path: url.pathname, body });
      if (init.method === 'POST') return json({ ...FLOW, ...body, id: 'f-new', version: 1 }, 201);
      if (init.method === 'PUT') return json({ ...FLOW, ...body, version: body.version + 1 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      return json({ data: list, next_cursor: null });
    }),
  );
  return calls;
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/flows']}>
      <ToastProvider>
        <Routes>
          <Route path="/flows" element={<FlowsPage />} />
          <Route path="/flows/:id" element={<p>Builder open</p>} />
        </Routes>
      </ToastProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('flows list', () => {
  it('creates a flow with its trigger and opens it', async () => {
    const calls = mockApi([]);
    renderPage();
    await screen.findByRole('heading', { name: 'No flows yet' });
    await userEvent.click(screen.getByRole('button', { name: 'New flow' }));
    await userEvent.type(screen.getByLabelText('Name'), 'Tag new contacts');
    await userEvent.click(screen.getByRole('button', { name: 'Create flow' }));
    await screen.findByText('Builder open');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Tag new contacts',
      enabled: false,
      config: {
        version: 1,
        nodes: [
          {
            id: 'trigger',
            type: 'trigger',
            position: { x: 0, y: 0 },
            data: { name: 'Contact created', event: 'contact.created' },
          },
        ],
        edges: [],
      },
    });
  });

  it('switches a flow on with the version it was read at, and deletes one', async () => {
    const calls = mockApi([FLOW]);
    renderPage();
    const row = (await screen.findByRole('link', { name: /Enrich new contacts/ })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('When a contact is created')).toBeTruthy();
    await userEvent.click(within(row).getByRole('switch', { name: 'Enable Enrich new contacts' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      path: '/api/v1/flows/f-1',
      body: { name: 'Enrich new contacts', enabled: true, version: 3, config: FLOW.config },
    });
    await userEvent.click(within(row).getByRole('button', { name: 'Delete Enrich new contacts' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete flow' }));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/flows/f-1')).toBe(true),
    );
  });

  it("shows each flow's last run, linking to it, and Never for a flow that never ran", async () => {
    const ranAt = new Date(Date.now() - 3 * 60_000).toISOString();
    mockApi([
      {
        ...FLOW,
        last_run: { id: 'r-9', status: 'failed', created_at: ranAt, started_at: ranAt, completed_at: ranAt },
      },
      { ...FLOW, id: 'f-2', name: 'Quiet flow', last_run: null },
    ]);
    renderPage();
    const last = await screen.findByRole('link', {
      name: 'Last run of Enrich new contacts: failed, 3 minutes ago',
    });
    expect(last.getAttribute('href')).toBe('/flow-runs/r-9');
    expect(within(last).getByText('Failed')).toBeTruthy();
    const quiet = screen.getByRole('link', { name: /^Quiet flow/ }).closest('tr') as HTMLElement;
    expect(within(quiet).getByText('Never')).toBeTruthy();
  });
});
