import { auditPageSchema, listAuditQuerySchema } from '../../routes/audit.routes';
import type { RouteDoc } from '../route-doc';

/** The audit log (`src/routes/audit.routes.ts`, recorded by `src/middleware/audit.ts`). */
export const auditDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/audit-log',
    operationId: 'listAuditLog',
    tag: 'Audit log',
    summary: 'List who changed or ran what',
    description:
      'Every successful create, update, delete and run in the workspace (connectors, credentials, API keys, contacts, flows, …), newest first, a page at a time (keyset cursor). Each entry names the actor (user and/or API key), the action, the resource and the route; never a request body or a secret.',
    query: listAuditQuerySchema,
    responses: { 200: { description: 'A page of audit entries', schema: auditPageSchema } },
  },
];
