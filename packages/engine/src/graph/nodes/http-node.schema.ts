import { z } from 'zod';
import { joinSchema, keyValueSchema, nodeNameSchema, nodeSchemaOf } from '../common.schema';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const bearerAuth = z.object({ type: z.literal('bearer'), token: z.string().max(10_000) });
const apiKeyAuth = z.object({
  type: z.literal('api-key'),
  apiKey: z.string().max(10_000),
  /** Where the key goes: a header (default) or a query parameter. */
  in: z.enum(['header', 'query']).default('header'),
  /** Header or query parameter name; the seed's `headerName` is accepted too. */
  name: z.string().max(200).optional(),
  headerName: z.string().max(200).optional(),
});
const basicAuth = z.object({
  type: z.literal('basic'),
  username: z.string().max(10_000),
  password: z.string().max(10_000).default(''),
});
const oauth2Auth = z.object({
  type: z.literal('oauth2'),
  grantType: z.literal('client_credentials').default('client_credentials'),
  tokenUrl: z.string().max(4_000),
  clientId: z.string().max(10_000),
  clientSecret: z.string().max(10_000),
  scope: z.string().max(2_000).optional(),
  audience: z.string().max(2_000).optional(),
  /** Send client id/secret as HTTP Basic (default) or in the form body. */
  clientAuth: z.enum(['header', 'body']).default('header'),
});
const noAuth = z.object({ type: z.literal('none') });

export const authSchema = z.discriminatedUnion('type', [
  noAuth,
  bearerAuth,
  apiKeyAuth,
  basicAuth,
  oauth2Auth,
]);
export type Auth = z.infer<typeof authSchema>;

export const retrySchema = z.object({
  /** Every attempt counts: 3 means up to three calls. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  factor: z.number().min(1).max(10).default(2),
  minDelayMs: z.number().int().min(0).max(60_000).default(1_000),
  maxDelayMs: z.number().int().min(0).max(300_000).default(10_000),
});
export type Retry = z.infer<typeof retrySchema>;

export const httpNodeDataSchema = z.object({
  name: nodeNameSchema.default(''),
  description: z.string().max(2_000).optional(),
  /** Checked by validation rather than here so a draft with a typo can still be saved. */
  method: z.string().max(20).default('GET'),
  url: z.string().max(8_000).default(''),
  queryParams: z.array(keyValueSchema).max(100).default([]),
  headers: z.array(keyValueSchema).max(100).default([]),
  auth: authSchema.optional(),
  body: z.unknown().optional(),
  bodyType: z.enum(['json', 'form', 'text', 'none']).optional(),
  timeoutMs: z.number().int().min(1).max(300_000).optional(),
  retry: retrySchema.optional(),
  join: joinSchema.optional(),
});
export type HttpNodeData = z.infer<typeof httpNodeDataSchema>;

export const httpNodeSchema = nodeSchemaOf('http', httpNodeDataSchema);
export type HttpNode = z.infer<typeof httpNodeSchema>;
