import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { isApiError, setUnauthorizedHandler, setWorkspaceId } from '../api/api-client';
import { authApi, type Me, type Workspace } from '../api/auth.api';

const WORKSPACE_KEY = 'connectors.workspace';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me & { workspace: Workspace } };

export interface Session {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signUp: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  switchWorkspace: (id: string) => Promise<void>;
  createWorkspace: (name: string) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

function rememberedWorkspace(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

function rememberWorkspace(id: string | null) {
  try {
    if (id) localStorage.setItem(WORKSPACE_KEY, id);
    else localStorage.removeItem(WORKSPACE_KEY);
  } catch {
    // private mode: the choice lasts for this tab only
  }
  setWorkspaceId(id);
}

/**
 * Who is signed in and which workspace every request acts in (`X-Workspace-Id`, remembered per browser).
 * A 401 from any request returns the app to the sign-in screen.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const load = useCallback(async () => {
    setWorkspaceId(rememberedWorkspace());
    try {
      let me = await authApi.me().catch(async (error: unknown) => {
        // A remembered workspace the user left answers 404: fall back to their first.
        if (isApiError(error) && error.status === 404) {
          rememberWorkspace(null);
          return authApi.me();
        }
        throw error;
      });
      if (!me.user || !me.workspace) {
        setState({ status: 'signed-out' });
        return;
      }
      rememberWorkspace(me.workspace.id);
      me = { ...me, workspace: me.workspace };
      setState({ status: 'signed-in', me: me as Me & { workspace: Workspace } });
    } catch {
      setState({ status: 'signed-out' });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ status: 'signed-out' }));
    void load();
    return () => setUnauthorizedHandler(null);
  }, [load]);

  const session = useMemo<Session>(
    () => ({
      state,
      signIn: async (email, password) => {
        await authApi.signIn(email, password);
        rememberWorkspace(null);
        await load();
      },
      signUp: async (email, password) => {
        const { workspace } = await authApi.signUp(email, password);
        rememberWorkspace(workspace.id);
        await load();
      },
      signOut: async () => {
        await authApi.signOut().catch(() => undefined);
        rememberWorkspace(null);
        setState({ status: 'signed-out' });
      },
      switchWorkspace: async (id) => {
        rememberWorkspace(id);
        await load();
      },
      createWorkspace: async (name) => {
        const workspace = await authApi.createWorkspace(name);
        rememberWorkspace(workspace.id);
        await load();
      },
    }),
    [state, load],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user's `/me` (only inside the signed-in shell). */
export function useMe(): Me & { workspace: Workspace } {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}
