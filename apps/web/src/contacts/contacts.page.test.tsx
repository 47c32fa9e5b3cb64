import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../api/contacts.api';
import { json } from '../test/api-response';
import { ToastProvider } from '../ui/toast';
import { ContactsPage } from './contacts.page';

const contact = (n: number): Contact => ({
  id: `k-${n}`,
  email: `person${n}@example.com`,
  first_name: `Person ${n}`,
  last_name: null,
  phone: null,
  company: null,
  title: null,
  metadata: {},
  provenance:
    n === 1 ? { first_name: { connector_id: 'c', execution_id: 'x', at: '2026-01-01T00:00:00Z' } } : {},
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

type Call = { method: string; path: string; query: string; body: unknown };

/** Two pages of contacts (keyset cursor `p2`), a search answering one, and the bulk routes. */
function mockApi() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path: url.pathname, query: url.search, body });
      if (url.pathname === '/api/v1/contacts') {
        if (url.searchParams.get('search')) return json({ data: [contact(7)], next_cursor: null });
        if (url.searchParams.get('cursor') === 'p2') return json({ data: [contact(3)], next_cursor: null });
        return json({ data: [contact(1), contact(2)], next_cursor: 'p2' });
      }
      if (url.pathname === '/api/v1/connectors')
        return json({ data: [{ id: 'c-1', name: 'HubSpot', icon: null }], next_cursor: null });
      if (url.pathname === '/api/v1/connectors/c-1/bulk-execute')
        return json({ bulkRunId: 'b-1', total: 2 }, 202);
      if (url.pathname === '/api/v1/bulk-runs/b-1')
        return json({
          id: 'b-1',
          status: 'running',
          total: 2,
          queued: 2,
          succeeded: 0,
          failed: 0,
          fields_changed: 0,
        });
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

function renderPage() {
  return render(
    <MemoryRouter>
      <ToastProvider>
        <ContactsPage />
      </ToastProvider>
    </MemoryRouter>,
  );
}

const rows = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[2]?.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('contacts list', () => {
  it('pages with the keyset cursor and searches', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByText('person1@example.com');
    expect(rows()).toEqual(['person1@example.com', 'person2@example.com']);
    expect(screen.getByRole('link', { name: 'Person 1' }).getAttribute('href')).toBe('/contacts/k-1');
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('1 field by connectors');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('person3@example.com');
    expect(rows()).toEqual(['person1@example.com', 'person2@example.com', 'person3@example.com']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(calls.some((c) => c.query.includes('cursor=p2'))).toBe(true);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'seven');
    await waitFor(() => expect(rows()).toEqual(['person7@example.com']));
    expect(calls.at(-1)?.query).toContain('search=seven');
    expect(screen.getByText('On all matching:')).toBeTruthy();
  });

  it('runs a connector on the selected contacts', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByText('person1@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select person1@example.com' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select person2@example.com' }));
    expect(screen.getByRole('group', { name: 'Run on contacts' }).textContent).toContain('2 selected');
    await userEvent.click(screen.getByRole('button', { name: 'Run connector…' }));
    const dialog = screen.getByRole('dialog', { name: 'Run a connector' });
    const picker = within(dialog).getByLabelText('Connector to run');
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'HubSpot' })).toBeTruthy());
    await userEvent.selectOptions(picker, 'c-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run on 2 selected contacts' }));
    await within(dialog).findByRole('progressbar');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ contactIds: ['k-1', 'k-2'] });
  });

  it('with nothing selected, runs on every contact matching the search', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByText('person1@example.com');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'seven');
    await waitFor(() => expect(rows()).toEqual(['person7@example.com']));
    await userEvent.click(screen.getByRole('button', { name: 'Run connector…' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(
      'Runs on every contact matching “seven”, one run per contact, in the background.',
    );
    const picker = within(dialog).getByLabelText('Connector to run');
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'HubSpot' })).toBeTruthy());
    await userEvent.selectOptions(picker, 'c-1');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Run on every contact matching “seven”' }),
    );
    await within(dialog).findByRole('progressbar');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ filter: { search: 'seven' } });
  });
});
