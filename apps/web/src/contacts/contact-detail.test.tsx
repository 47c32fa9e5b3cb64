import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact, ContactHistoryEntry } from '../api/contacts.api';
import { type Call, json } from '../test/api-response';
import { ToastProvider } from '../ui/toast';
import { ContactDetailPage } from './contact-detail.page';

const AT = new Date(Date.now() - 3 * 60_000).toISOString();

const CONTACT: Contact = {
  id: 'k-1',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  phone: null,
  company: 'Analytical Engines Ltd',
  title: null,
  metadata: { industry: 'Technology', segment: 'Tech', funding: { round: 'A', amount: 2 } },
  provenance: {
    first_name: { connector_id: 'c-hub', connector_name: 'HubSpot enrichment', execution_id: 'x-1', at: AT },
    'metadata.industry': {
      connector_id: 'c-hub',
      connector_name: 'HubSpot enrichment',
      execution_id: 'x-1',
      flow_run_id: 'fr-1',
      at: AT,
    },
    'metadata.segment': { connector_id: null, execution_id: null, flow_run_id: 'fr-1', at: AT },
  },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: AT,
};

const HISTORY: ContactHistoryEntry[] = [
  {
    execution_id: null,
    connector_id: null,
    connector_name: null,
    flow_run_id: 'fr-1',
    completed_at: AT,
    changes: [{ field: 'metadata.segment', old: null, new: 'Tech' }],
  },
  {
    execution_id: 'x-1',
    connector_id: 'c-hub',
    connector_name: 'HubSpot enrichment',
    flow_run_id: 'fr-1',
    completed_at: AT,
    changes: [
      { field: 'first_name', old: 'A.', new: 'Ada' },
      { field: 'metadata.industry', old: null, new: 'Technology' },
    ],
  },
];

function mockApi() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method: init.method ?? 'GET', path: url.pathname, body });
      if (url.pathname === '/api/v1/contacts/k-1/history') return json({ data: HISTORY, next_cursor: null });
      if (url.pathname === '/api/v1/contacts/k-1' && init.method === 'PATCH')
        return json({ ...CONTACT, ...body, provenance: { ...CONTACT.provenance, first_name: undefined } });
      if (url.pathname === '/api/v1/contacts/k-1') return json(CONTACT);
      if (url.pathname === '/api/v1/flows')
        return json({ data: [{ id: 'f-1', name: 'Tag technology contacts' }], next_cursor: null });
      if (url.pathname === '/api/v1/flows/f-1/run') return json({ flowRunId: 'fr-9' }, 202);
      if (url.pathname === '/api/v1/flow-runs/fr-1') return json({ id: 'fr-1', flow_id: 'f-1' });
      if (url.pathname === '/api/v1/flows/f-1') return json({ id: 'f-1', name: 'Tag technology contacts' });
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/contacts/k-1']}>
      <ToastProvider>
        <Routes>
          <Route path="/contacts/:id" element={<ContactDetailPage />} />
          <Route path="/flow-runs/:id" element={<p>Flow run page</p>} />
        </Routes>
      </ToastProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('contact page', () => {
  it('heads an unnamed contact with its e-mail, without repeating it underneath', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        if (url.pathname === '/api/v1/contacts/k-1')
          return json({
            ...CONTACT,
            first_name: null,
            last_name: null,
            company: null,
            title: null,
            provenance: {},
          });
        return json({ data: [], next_cursor: null });
      }),
    );
    renderPage();
    const heading = await screen.findByRole('heading', { name: 'ada@example.com' });
    const subtitle = heading.parentElement?.querySelector('p')?.textContent ?? '';
    expect(subtitle).toMatch(/^Updated /);
    expect(subtitle).not.toContain('ada@example.com');
  });

  it('shows each field with the run that set it', async () => {
    mockApi();
    renderPage();
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    const firstName = screen.getByLabelText('First name').closest('.contact-field') as HTMLElement;
    const chip = within(firstName).getByRole('link', { name: /Set by HubSpot enrichment/ });
    expect(chip.getAttribute('href')).toBe('/executions/x-1');
    const email = screen.getByLabelText('E-mail').closest('.contact-field') as HTMLElement;
    expect(within(email).getByText('Entered by hand')).toBeTruthy();
    // An empty field with no provenance says nothing: nobody entered it.
    const phone = screen.getByLabelText('Phone').closest('.contact-field') as HTMLElement;
    expect(within(phone).queryByText('Entered by hand')).toBeNull();

    // Metadata: values readable, nested ones as JSON, each key with its provenance.
    const industry = screen.getByText('industry').closest('.meta-row') as HTMLElement;
    expect(within(industry).getByText('Technology')).toBeTruthy();
    expect(within(industry).getByRole('link').getAttribute('href')).toBe('/executions/x-1');
    const segment = screen.getByText('segment').closest('.meta-row') as HTMLElement;
    // A value a flow's "Update contact" wrote names the flow and links to its run.
    const byFlow = await within(segment).findByRole('link', { name: /Set by Tag technology contacts/ });
    expect(byFlow.getAttribute('href')).toBe('/flow-runs/fr-1');
    const funding = screen.getByText('funding').closest('.meta-row') as HTMLElement;
    expect(funding.querySelector('pre')?.textContent).toBe(
      JSON.stringify({ round: 'A', amount: 2 }, null, 2),
    );
  });

  it('lists the enrichment history with each change, old → new', async () => {
    mockApi();
    renderPage();
    const history = await screen.findByRole('list', { name: 'Enrichment history' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    const flowEntry = await within(entries[0] as HTMLElement).findByRole('link', {
      name: 'Tag technology contacts',
    });
    expect(flowEntry.getAttribute('href')).toBe('/flows/f-1');
    expect(within(entries[0] as HTMLElement).queryByRole('link', { name: 'Open run' })).toBeNull();
    const hub = entries[1] as HTMLElement;
    expect(within(hub).getByRole('link', { name: 'HubSpot enrichment' }).getAttribute('href')).toBe(
      '/connectors/c-hub',
    );
    expect(within(hub).getByRole('link', { name: 'Open run' }).getAttribute('href')).toBe('/executions/x-1');
    expect(within(hub).getByRole('link', { name: 'Flow run' }).getAttribute('href')).toBe('/flow-runs/fr-1');
    const rows = within(hub)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['first_name', 'A.', '→', 'Ada'],
      ['metadata.industry', '—', '→', 'Technology'],
    ]);
  });

  it('saves only the fields that changed', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    const title = screen.getByLabelText('Title');
    await userEvent.type(title, 'Mathematician');
    await userEvent.click(screen.getByRole('button', { name: 'Save 1 change' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ title: 'Mathematician' });
    await screen.findByRole('button', { name: 'Saved' });
  });

  it('edits metadata as JSON, deleting the keys removed from the text', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await userEvent.click(screen.getByRole('button', { name: 'Edit as JSON' }));
    const text = screen.getByRole('textbox', { name: 'Metadata as JSON' });
    await userEvent.clear(text);
    await userEvent.click(text);
    await userEvent.paste('{"industry": "Software", "funding": {"round": "A", "amount": 2}}');
    await userEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      metadata: { segment: null, industry: 'Software', funding: { round: 'A', amount: 2 } },
    });
  });

  it('runs a flow on this contact and opens the run', async () => {
    const calls = mockApi();
    renderPage();
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    await userEvent.click(screen.getByRole('button', { name: 'Run flow…' }));
    const dialog = screen.getByRole('dialog', { name: 'Run a flow' });
    const picker = within(dialog).getByLabelText('Flow to run');
    await waitFor(() =>
      expect(within(picker).getByRole('option', { name: 'Tag technology contacts' })).toBeTruthy(),
    );
    await userEvent.selectOptions(picker, 'f-1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Run' }));
    await screen.findByText('Flow run page');
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/v1/flows/f-1/run',
      body: { contactId: 'k-1' },
    });
  });
});
