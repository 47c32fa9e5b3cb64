import { defineConfig } from '@trigger.dev/sdk';

/**
 * The Trigger.dev project (DESIGN §4): the tasks in `src/tasks` run the same runner as the API's local
 * worker. `TRIGGER_PROJECT_REF` is the project's ref (`proj_…`) from the Trigger.dev dashboard. Deploy with
 * `pnpm --filter @connectors/trigger run deploy` (`run`: pnpm has a `deploy` command of its own), see
 * docs/deploy.md.
 */
export default defineConfig({
  project: process.env.TRIGGER_PROJECT_REF ?? 'proj_set_TRIGGER_PROJECT_REF',
  dirs: ['./src/tasks'],
  runtime: 'node',
  // Compute seconds a run may take unless its task says otherwise (execute-connector: 20 minutes).
  maxDuration: 3_600,
  retries: {
    enabledInDev: true,
    // Retries are for infrastructure faults only (a failed connector run returns normally), and every
    // retry resumes from the persisted steps.
    default: { maxAttempts: 5, factor: 2, minTimeoutInMs: 2_000, maxTimeoutInMs: 60_000, randomize: true },
  },
  // Everything is bundled, workspace packages included. PGlite's JavaScript comes along with
  // @connectors/db but is never started: tasks always reach PostgreSQL through DATABASE_URL.
});
