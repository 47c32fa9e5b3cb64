import { Hono } from 'hono';
import type { AppContext, AppEnv } from './app-context';
import { noRoute } from './errors/api-error';
import { handleError } from './errors/error-handler';
import { auditMutations } from './middleware/audit';
import { requireAuth } from './middleware/auth';
import { limitBody } from './middleware/body-limit';
import { knownRoutesOnly } from './middleware/known-route';
import { apiKeyRoutes } from './routes/api-keys.routes';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { bulkRunRoutes } from './routes/bulk-runs.routes';
import { connectorRunRoutes } from './routes/connector-runs.routes';
import { connectorRoutes } from './routes/connectors.routes';
import { contactRoutes } from './routes/contacts.routes';
import { credentialRoutes } from './routes/credentials.routes';
import { executionRoutes } from './routes/executions.routes';
import { flowRunRoutes } from './routes/flow-runs.routes';
import { flowRoutes } from './routes/flows.routes';
import { meRoutes } from './routes/me.routes';
import { createApiReference } from './routes/openapi.routes';
import { templateRoutes } from './routes/templates.routes';
import { workspaceRoutes } from './routes/workspaces.routes';
import { webAppRoutes } from './web/serve-web-app';

/**
 * The HTTP API under `/api/v1` (DESIGN §6). Pure wiring: every dependency arrives in `ctx`, so tests build
 * the same app over a throw-away database and call it with `app.request()`.
 */
export function createApp(ctx: AppContext) {
  // Reads the routes at its first request, when `app` below is complete.
  const reference = createApiReference(() => app.routes);
  const knownRoutes = knownRoutesOnly(() => app.routes, '/api/v1/');
  const api = new Hono<AppEnv>()
    .use('*', async (c, next) => {
      c.set('ctx', ctx);
      await next();
    })
    .use('*', knownRoutes)
    .use('*', limitBody(ctx.config.maxBodyBytes))
    .route('/auth', authRoutes)
    .route('/', reference.openApiRoutes)
    .use('*', requireAuth)
    .use('*', auditMutations)
    .route('/me', meRoutes)
    .route('/audit-log', auditRoutes)
    .route('/workspaces', workspaceRoutes)
    .route('/api-keys', apiKeyRoutes)
    .route('/connectors', connectorRoutes)
    .route('/connectors', connectorRunRoutes)
    .route('/executions', executionRoutes)
    .route('/workspace/credentials', credentialRoutes)
    .route('/connector-templates', templateRoutes)
    .route('/contacts', contactRoutes)
    .route('/flows', flowRoutes)
    .route('/flow-runs', flowRunRoutes)
    .route('/', bulkRunRoutes);

  const app = new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .route('/api', reference.docsRoutes)
    .route('/api/v1', api)
    .route('/', webAppRoutes(ctx.config.webDistDir))
    .notFound((c) => handleError(noRoute(c.req.method, c.req.path), c));
  app.onError(handleError);
  api.onError(handleError);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
