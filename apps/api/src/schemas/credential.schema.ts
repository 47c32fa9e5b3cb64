import { NODE_ID_PATTERN } from '@connectors/engine';
import { z } from 'zod';
import { hasUnstorableCharacter } from '../lib/json-guard';

/** Service and field names are identifiers, so `{{credentials.<service>.<field>}}` needs no quoting. */
const identifier = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(NODE_ID_PATTERN, `${what} must be a name like hubspot or api_key (letters, digits, _)`);

const secretValue = z
  .string()
  .min(1, 'must not be empty')
  .max(10_000)
  .refine((value) => !hasUnstorableCharacter(value), 'must not contain NUL or unpaired surrogates');

/** A host name or IP literal, as in a URL (`api.hubapi.com`, `127.0.0.1`, `[::1]`); stored lower-case. */
const host = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/,
    'must be a host name such as api.hubapi.com (no scheme, port or path)',
  );

/**
 * `POST /workspace/credentials`: stores (or replaces) a service's secrets. `allowed_hosts` binds the
 * credential to hosts; left empty, it is bound to the host of the first request that uses it.
 */
export const upsertCredentialSchema = z
  .object({
    service: identifier('service').optional(),
    service_name: identifier('service_name').optional(),
    credentials: z
      .record(identifier('A field name'), secretValue)
      .refine((fields) => Object.keys(fields).length > 0, 'give at least one field, e.g. { "token": "…" }')
      .refine((fields) => Object.keys(fields).length <= 20, 'at most 20 fields'),
    allowed_hosts: z.array(host).max(20).default([]),
  })
  .refine((body) => body.service !== undefined || body.service_name !== undefined, {
    message: 'service is required',
    path: ['service'],
  });

/** A stored credential as listed: names only, never a secret. */
export const credentialSchema = z.object({
  id: z.string(),
  service_name: z.string(),
  fields: z.array(z.string()).meta({ description: 'Names of the stored fields; values are never returned' }),
  allowed_hosts: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  last_used_at: z.string().nullable(),
});
