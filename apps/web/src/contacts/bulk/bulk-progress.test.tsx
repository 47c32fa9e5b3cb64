import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulkRun } from '../../api/bulk-runs.api';
import { type Call, json } from '../../test/api-response';
import { BulkProgress } from './bulk-progress';
import { BulkRunDialog } from './bulk-run-dialog';

const run = (over: Partial<BulkRun>): BulkRun => ({
  id: 'b-1',
  kind: 'connector',
  target_id: 'c-1',
  status: 'running',
  total: 4,
  queued: 4,
  succeeded: 0,
  failed: 0,
  fields_changed: 0,
  created_at: '2026-01-01T00:00:00Z',
  completed_at: null,
  ...over,
});

/** `/bulk-runs/b-1` answers each of `states` in turn (the last one from then on). */
function mockApi(states: BulkRun[]) {
  const calls: Call[] = [];
  let reads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path: url.pathname, body });
      if (url.pathname === '/api/v1/bulk-runs/b-1') {
        const state = states[Math.min(reads, states.length - 1)];
        reads++;
        return json(state);
      }
      if (url.pathname.endsWith('/bulk-execute') || url.pathname.endsWith('/bulk-run'))
        return json({ bulkRunId: 'b-1', total: 4 }, 202);
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bulk progress', () => {
  it('polls until every contact is done, then shows the summary', async () => {
    const calls = mockApi([
      run({ succeeded: 1 }),
      run({ succeeded: 2, failed: 1, fields_changed: 5 }),
      run({ status: 'completed', succeeded: 3, failed: 1, fields_changed: 7 }),
    ]);
    const finished = vi.fn();
    render(<BulkProgress bulkRunId="b-1" total={4} pollMs={5} onFinished={finished} />);
    const bar = screen.getByRole('progressbar', { name: 'Contacts done' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('1'));
    await waitFor(() => expect(finished).toHaveBeenCalledTimes(1));
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(bar.getAttribute('aria-valuemax')).toBe('4');
    expect(screen.getByRole('status').textContent).toBe(
      '3 succeeded, 1 failed; 7 fields changed. Open Executions to see why the failed ones failed.',
    );
    const counts = screen.getByText('Fields changed').parentElement as HTMLElement;
    expect(within(counts).getByText('7')).toBeTruthy();
    // No read after the run is finished.
    const reads = calls.filter((c) => c.path === '/api/v1/bulk-runs/b-1').length;
    await new Promise((r) => setTimeout(r, 30));
    expect(calls.filter((c) => c.path === '/api/v1/bulk-runs/b-1').length).toBe(reads);
  });

  it('starts a flow on the selected contacts and shows its progress', async () => {
    const calls = mockApi([
      run({ kind: 'flow', status: 'completed', succeeded: 2, total: 2, fields_changed: 2 }),
    ]);
    render(
      <MemoryRouter>
        <BulkRunDialog
          target={{ kind: 'flow', id: 'f-1', name: 'Enrich new contacts' }}
          contacts={{ target: { contactIds: ['k-1', 'k-2'] }, label: '2 selected contacts' }}
          onClose={() => {}}
        />
      </MemoryRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run on 2 selected contacts' }));
    await screen.findByText('All 2 runs succeeded; 2 fields changed.');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/v1/flows/f-1/bulk-run',
      body: { contactIds: ['k-1', 'k-2'] },
    });
  });

  it('runs a connector on every contact matching a search', async () => {
    const calls = mockApi([run({ status: 'completed', succeeded: 4 })]);
    render(
      <MemoryRouter>
        <BulkRunDialog target={{ kind: 'connector', id: 'c-1', name: 'HubSpot' }} onClose={() => {}} />
      </MemoryRouter>,
    );
    await userEvent.type(screen.getByLabelText('Contacts'), 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Run on contacts matching “acme”' }));
    await screen.findByRole('progressbar');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/v1/connectors/c-1/bulk-execute',
      body: { filter: { search: 'acme' } },
    });
  });
});
