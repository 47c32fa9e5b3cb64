import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { SessionProvider } from './session/session-context';
import { json } from './test/api-response';
import { ToastProvider } from './ui/toast';

afterEach(() => vi.unstubAllGlobals());

describe('signing in from a screen behind sign-in', () => {
  it('opens the screen the user was going to, not the connectors list', async () => {
    const workspace = { id: '00000000-0000-4000-8000-000000000001', name: "ada's workspace" };
    const user = { id: 'u1', email: 'ada@example.com', name: null, created_at: '' };
    let signedIn = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        if (url.pathname === '/api/v1/auth/login') {
          signedIn = true;
          return json({ user, workspace });
        }
        if (!signedIn) return json({ error: { code: 'unauthorized', message: 'Sign in' } }, 401);
        if (url.pathname === '/api/v1/me') return json({ user, workspace, workspaces: [workspace] });
        return json({ data: [], next_cursor: null });
      }),
    );
    render(
      <MemoryRouter initialEntries={['/contacts']}>
        <SessionProvider>
          <ToastProvider>
            <App />
          </ToastProvider>
        </SessionProvider>
      </MemoryRouter>,
    );
    await userEvent.type(await screen.findByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Contacts' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Connectors' })).toBeNull();
  });
});
