import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiKey } from '../api/api-keys.api';
import { type Call, json } from '../test/api-response';
import { ToastProvider } from '../ui/toast';
import { ApiKeysPage } from './api-keys.page';

afterEach(() => vi.unstubAllGlobals());

const CI: ApiKey = {
  id: 'k-1',
  name: 'CI',
  prefix: 'ck_ab12cd',
  created_at: new Date(Date.now() - 3_600_000).toISOString(),
  last_used_at: null,
};

function mockApi(initial: ApiKey[]) {
  let keys = [...initial];
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: URL, init: RequestInit) => {
      const method = init.method ?? 'GET';
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path: url.pathname, body });
      if (url.pathname === '/api/v1/api-keys' && method === 'GET')
        return json({ data: keys, next_cursor: null });
      if (url.pathname === '/api/v1/api-keys' && method === 'POST') {
        const created = {
          id: 'k-2',
          name: body.name,
          prefix: 'ck_zz99yy',
          created_at: new Date().toISOString(),
        };
        keys = [{ ...created, last_used_at: null }, ...keys];
        return json({ ...created, key: 'ck_zz99yy-the-whole-secret' }, 201);
      }
      if (url.pathname === '/api/v1/api-keys/k-1' && method === 'DELETE') {
        keys = keys.filter((k) => k.id !== 'k-1');
        return new Response(null, { status: 204 });
      }
      return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
    }),
  );
  return calls;
}

function renderPage() {
  return render(
    <MemoryRouter>
      <ToastProvider>
        <ApiKeysPage />
      </ToastProvider>
    </MemoryRouter>,
  );
}

describe('API keys', () => {
  it('says what a key is for when there is none', async () => {
    mockApi([]);
    renderPage();
    expect(await screen.findByRole('region', { name: 'No API keys yet' })).toBeTruthy();
  });

  it('creates a key and shows it once, then lists it by its prefix only', async () => {
    const calls = mockApi([CI]);
    renderPage();
    expect(await screen.findByText('ck_ab12cd…')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New API key' }));
    const form = screen.getByRole('dialog', { name: 'New API key' });
    expect((within(form).getByRole('button', { name: 'Create key' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await userEvent.type(within(form).getByLabelText('Name'), 'CRM sync');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'CRM sync' });

    const shown = await screen.findByRole('dialog', { name: 'API key "CRM sync" created' });
    expect((within(shown).getByLabelText('The new API key') as HTMLInputElement).value).toBe(
      'ck_zz99yy-the-whole-secret',
    );
    await userEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('ck_zz99yy…')).toBeTruthy();
    expect(screen.queryByText(/the-whole-secret/)).toBeNull();
  });

  it('revokes a key after a confirmation', async () => {
    const calls = mockApi([CI]);
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke CI' }));
    const confirm = screen.getByRole('dialog', { name: 'Revoke CI?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Revoke key' }));
    expect(await screen.findByRole('region', { name: 'No API keys yet' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/api-keys/k-1')).toBe(true);
  });
});
