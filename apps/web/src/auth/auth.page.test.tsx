import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../session/session-context';
import { AuthPage } from './auth.page';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

function renderAuth(mode: 'sign-in' | 'sign-up') {
  return render(
    <MemoryRouter initialEntries={['/auth']}>
      <SessionProvider>
        <Routes>
          <Route path="/auth" element={<AuthPage mode={mode} />} />
          <Route path="/connectors" element={<p>Connectors screen</p>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('sign in / sign up', () => {
  it('shows the API’s message when the password is wrong', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL) => {
        if (url.pathname === '/api/v1/me')
          return json({ error: { code: 'unauthorized', message: 'Sign in' } }, 401);
        return json(
          { error: { code: 'invalid_credentials', message: 'The e-mail or the password is wrong' } },
          401,
        );
      }),
    );
    renderAuth('sign-in');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The e-mail or the password is wrong');
  });

  it('signs up, remembers the new workspace and opens the connectors', async () => {
    const workspace = { id: '00000000-0000-4000-8000-000000000001', name: "ada's workspace" };
    const user = { id: 'u1', email: 'ada@example.com', name: null, created_at: '' };
    let signedUp = false;
    const headers: (string | undefined)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: URL, init: RequestInit) => {
        if (url.pathname === '/api/v1/auth/signup') {
          signedUp = true;
          return json({ user, workspace }, 201);
        }
        headers.push((init.headers as Record<string, string>)['X-Workspace-Id']);
        if (!signedUp) return json({ error: { code: 'unauthorized', message: 'Sign in' } }, 401);
        return json({ user, workspace, workspaces: [workspace] });
      }),
    );
    renderAuth('sign-up');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Connectors screen')).toBeTruthy();
    expect(headers.at(-1)).toBe(workspace.id);
    expect(localStorage.getItem('connectors.workspace')).toBe(workspace.id);
  });
});
