import { z } from 'zod';
import type { RouteDoc } from '../route-doc';

// The auth routes keep their schemas private; these mirror them (src/routes/auth.routes.ts).
const credentials = z.object({
  email: z.email().max(320),
  password: z.string().min(8).max(200),
});
const signup = credentials.extend({
  name: z.string().max(200).optional(),
  workspace_name: z.string().min(1).max(200).optional(),
});
const user = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  created_at: z.iso.datetime(),
});
const workspace = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(['owner', 'admin', 'member']).optional(),
  created_at: z.iso.datetime(),
});
const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
});
const member = z.object({
  user_id: z.uuid(),
  email: z.string(),
  name: z.string().nullable().optional(),
  role: z.enum(['owner', 'admin', 'member']),
  created_at: z.iso.datetime().optional(),
});

/** Health, the API description itself, sign-up/login, the caller, workspaces and API keys. */
export const accountDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tag: 'System',
    summary: 'Health check',
    public: true,
    responses: { 200: { description: 'The server is up', schema: z.object({ status: z.literal('ok') }) } },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'openApiDocument',
    tag: 'System',
    summary: 'This OpenAPI 3.1 document',
    public: true,
    responses: { 200: { description: 'The OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
  },
  {
    method: 'get',
    path: '/api/docs',
    operationId: 'apiReference',
    tag: 'System',
    summary: 'The API reference page (HTML, works offline)',
    public: true,
    responses: { 200: { description: 'An HTML page', contentType: 'text/html', schema: z.string() } },
  },
  {
    method: 'post',
    path: '/api/v1/auth/signup',
    operationId: 'signup',
    tag: 'Auth',
    summary: 'Sign up',
    description: 'Creates a user and their first workspace, and sets the httpOnly session cookie.',
    public: true,
    body: signup,
    responses: {
      201: { description: 'Signed up and signed in', schema: z.object({ user, workspace }) },
    },
    errors: { 409: 'email_taken' },
  },
  {
    method: 'post',
    path: '/api/v1/auth/login',
    operationId: 'login',
    tag: 'Auth',
    summary: 'Sign in',
    public: true,
    body: credentials,
    responses: { 200: { description: 'Signed in (session cookie set)', schema: z.object({ user }) } },
    errors: { 401: 'invalid_credentials' },
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    tag: 'Auth',
    summary: 'Sign out',
    public: true,
    responses: { 204: { description: 'Signed out (cookie cleared)' } },
  },
  {
    method: 'get',
    path: '/api/v1/me',
    operationId: 'me',
    tag: 'Auth',
    summary: 'Who is calling, and in which workspace',
    responses: {
      200: {
        description: 'The caller',
        schema: z.object({
          user: user.nullable(),
          api_key_id: z.uuid().nullable(),
          workspace,
          workspaces: z.array(workspace),
        }),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/workspaces',
    operationId: 'listWorkspaces',
    tag: 'Workspaces',
    summary: 'List my workspaces',
    responses: {
      200: {
        description: 'Workspaces',
        schema: z.object({ data: z.array(workspace), next_cursor: z.null() }),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/workspaces',
    operationId: 'createWorkspace',
    tag: 'Workspaces',
    summary: 'Create a workspace',
    body: z.object({ name: z.string().min(1).max(200) }),
    responses: { 201: { description: 'The workspace (you are its owner)', schema: workspace } },
    errors: { 403: 'session_required: API keys cannot create workspaces' },
  },
  {
    method: 'get',
    path: '/api/v1/workspaces/:id/members',
    operationId: 'listWorkspaceMembers',
    tag: 'Workspaces',
    summary: 'List a workspace’s members',
    params: { id: 'The workspace id' },
    responses: {
      200: { description: 'Members', schema: z.object({ data: z.array(member), next_cursor: z.null() }) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/workspaces/:id/members',
    operationId: 'addWorkspaceMember',
    tag: 'Workspaces',
    summary: 'Add a member by e-mail',
    params: { id: 'The workspace id' },
    body: z.object({ email: z.email(), role: z.enum(['admin', 'member']).default('member') }),
    responses: { 201: { description: 'The membership', schema: member } },
    errors: { 403: 'Only owners and admins add members', 409: 'already_member' },
  },
  {
    method: 'post',
    path: '/api/v1/api-keys',
    operationId: 'createApiKey',
    tag: 'API keys',
    summary: 'Create an API key',
    description:
      'The key is shown once, in this response; only its hash is stored. Use it as `Authorization: Bearer <key>`.',
    body: z.object({ name: z.string().min(1).max(200) }),
    responses: {
      201: {
        description: 'The key, in clear, once',
        schema: apiKey.omit({ last_used_at: true }).extend({ key: z.string() }),
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/api-keys',
    operationId: 'listApiKeys',
    tag: 'API keys',
    summary: 'List API keys (never the keys themselves)',
    responses: {
      200: { description: 'Keys', schema: z.object({ data: z.array(apiKey), next_cursor: z.null() }) },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/api-keys/:id',
    operationId: 'revokeApiKey',
    tag: 'API keys',
    summary: 'Revoke an API key',
    params: { id: 'The key id' },
    responses: { 204: { description: 'Revoked' } },
  },
];
