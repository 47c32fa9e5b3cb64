import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../session/session-context';
import { AuditPage } from './audit.page';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

const workspace = { id: '00000000-0000-4000-8000-000000000001', name: 'Acme' };
const me = {
  id: '00000000-0000-4000-8000-0000000000a1',
  email: 'ada@example.com',
  name: null,
  created_at: '',
};
const entry = (n: number, extra: Record<string, unknown>) => ({
  id: `00000000-0000-4000-8000-00000000010${n}`,
  actor: { user_id: me.id, api_key_id: null, email: me.email },
  method: 'POST',
  route: '/api/v1/connectors',
  status: 201,
  created_at: new Date(Date.now() - n * 60_000).toISOString(),
  ...extra,
});

/** The page as the app shows it: only once the session is signed in. */
function SignedIn() {
  return useSession().state.status === 'signed-in' ? <AuditPage /> : null;
}

describe('the Activity page', () => {
  it('lists who did what, links the resources, filters and loads more', async () => {
    const requests: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        requests.push(url.pathname + url.search);
        if (url.pathname === '/api/v1/me') return json({ user: me, workspace, workspaces: [workspace] });
        if (url.pathname === '/api/v1/api-keys') {
          return json({ data: [{ id: 'k1', name: 'CRM sync', prefix: 'ck_' }], next_cursor: null });
        }
        if (url.searchParams.get('cursor') === 'page2') {
          return json({
            data: [
              entry(3, {
                action: 'delete',
                resource_type: 'credential',
                resource_id: 'hubspot',
                actor: {
                  user_id: '00000000-0000-4000-8000-0000000000b2',
                  api_key_id: null,
                  email: 'grace@example.com',
                },
              }),
            ],
            next_cursor: null,
          });
        }
        if (url.searchParams.get('resource_type') === 'flow') return json({ data: [], next_cursor: null });
        return json({
          data: [
            entry(1, {
              action: 'execute',
              resource_type: 'connector',
              resource_id: 'c-1',
              resource_name: 'HubSpot enrichment',
            }),
            entry(2, {
              action: 'create',
              resource_type: 'contact',
              resource_id: 'p-1',
              actor: { user_id: me.id, api_key_id: 'k1', email: me.email },
            }),
          ],
          next_cursor: 'page2',
        });
      }),
    );
    render(
      <MemoryRouter initialEntries={['/activity']}>
        <SessionProvider>
          <Routes>
            <Route path="/activity" element={<SignedIn />} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );
    const rows = await screen.findAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'WhenWhoWhatResource',
      expect.stringContaining('Youran connectorHubSpot enrichment'),
      expect.stringContaining('You, with the API key “CRM sync”created contactp-1'),
    ]);
    expect(
      within(rows[1] as HTMLElement)
        .getByRole('link', { name: 'HubSpot enrichment' })
        .getAttribute('href'),
    ).toBe('/connectors/c-1');
    await userEvent.click(screen.getByRole('button', { name: /Load more/ }));
    expect(await screen.findByText('deleted credential')).toBeTruthy();
    // A teammate is named by e-mail.
    expect(screen.getByText('grace@example.com')).toBeTruthy();
    // A deleted resource has nothing to open.
    expect(screen.queryByRole('link', { name: 'hubspot' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Load more/ })).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Filter by resource'), 'flow');
    expect(await screen.findByText('No activity yet')).toBeTruthy();
    expect(requests).toContain('/api/v1/audit-log?resource_type=flow');
  });
});
