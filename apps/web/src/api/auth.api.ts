import { apiRequest } from './api-client';

export interface User {
  id: string;
  email: string;
  name: string | null;
  created_at: string;
}

export interface Workspace {
  id: string;
  name: string;
  role?: string;
  created_at?: string;
}

/** `GET /me`: the user, the workspace this session acts in, and every workspace of the user. */
export interface Me {
  user: User | null;
  workspace: Workspace | null;
  workspaces: Workspace[];
}

export const authApi = {
  signUp: (email: string, password: string) =>
    apiRequest<{ user: User; workspace: Workspace }>('/auth/signup', {
      method: 'POST',
      body: { email, password },
    }),
  signIn: (email: string, password: string) =>
    apiRequest<{ user: User }>('/auth/login', { method: 'POST', body: { email, password } }),
  signOut: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
  me: () => apiRequest<Me>('/me'),
  createWorkspace: (name: string) => apiRequest<Workspace>('/workspaces', { method: 'POST', body: { name } }),
};
