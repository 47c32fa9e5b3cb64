import { createHash, randomBytes } from 'node:crypto';

/** A random token for sessions and API keys: 256 bits, URL-safe. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Sessions and API keys are stored as SHA-256 hashes: a leaked table does not grant access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const SESSION_COOKIE = 'connectors_session';
export const API_KEY_PREFIX = 'ck_';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
