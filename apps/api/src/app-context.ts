import type { Executor } from '@connectors/db';
import type { AppConfig } from './config';

/** What every route can reach: the database and the configuration. Wired once in `server.ts`. */
export interface AppContext {
  db: Executor;
  config: AppConfig;
}

/** Who is calling and in which workspace; set by the auth middleware. */
export interface AuthContext {
  workspaceId: string;
  userId: string | null;
  apiKeyId: string | null;
  sessionId: string | null;
}

export interface AppEnv {
  Variables: { auth: AuthContext; ctx: AppContext };
}
