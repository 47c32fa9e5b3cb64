import { createHash, randomBytes } from 'node:crypto';
import { KeyringError } from './keyring-error';

/** One AES-256 key and the id stored beside every value it encrypts. */
export interface KeyringEntry {
  kid: string;
  key: Buffer;
}

/** The keys credentials may be decrypted with; `current` encrypts everything new. */
export interface Keyring {
  current: KeyringEntry;
  byKid: ReadonlyMap<string, KeyringEntry>;
}

const KEY_BYTES = 32;
const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The id of a key given without one: a short fingerprint (SHA-256 prefix), so the same key always gets
 * the same id and can later be listed as an old key of a keyring without renaming anything.
 */
export function fingerprintKid(key: Buffer): string {
  return `k${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * Parses `CONNECTORS_ENCRYPTION_KEY`: one key (base64 of 32 bytes) or a comma-separated keyring
 * `kid:base64,kid:base64,…` whose first entry is the current key; the others only decrypt (rotation).
 * An entry without `kid:` gets its fingerprint as id.
 *
 * @param source names the origin in error messages (`CONNECTORS_ENCRYPTION_KEY`, a file path).
 * @throws KeyringError naming the faulty entry; the message never contains key material.
 * @example
 * parseKeyring('2026:QUJD…=,k1:WFla…=').current.kid // '2026'
 */
export function parseKeyring(text: string, source = 'CONNECTORS_ENCRYPTION_KEY'): Keyring {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (entries.length === 0)
    throw new KeyringError(`${source} is empty: expected a base64-encoded 32-byte key`);
  const byKid = new Map<string, KeyringEntry>();
  const ordered: KeyringEntry[] = [];
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `${source} (entry ${index + 1})` : source;
    const colon = entry.indexOf(':');
    const kid = colon >= 0 ? entry.slice(0, colon).trim() : undefined;
    const encoded = (colon >= 0 ? entry.slice(colon + 1) : entry).trim();
    if (kid !== undefined && !KID_PATTERN.test(kid)) {
      throw new KeyringError(`${where}: the key id must be 1–32 letters, digits, "_" or "-"`);
    }
    if (!BASE64_PATTERN.test(encoded)) {
      throw new KeyringError(`${where} is not base64: expected a base64-encoded 32-byte key`);
    }
    // Node's base64 decoder reads the URL-safe alphabet too.
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new KeyringError(`${where} must decode to ${KEY_BYTES} bytes, not ${key.length}`);
    }
    const resolvedKid = kid ?? fingerprintKid(key);
    if (byKid.has(resolvedKid)) throw new KeyringError(`${where}: the key id "${resolvedKid}" is used twice`);
    const parsed = { kid: resolvedKid, key };
    byKid.set(resolvedKid, parsed);
    ordered.push(parsed);
  });
  return { current: ordered[0]!, byKid };
}

/** A new random key in the keyring text format (`kid:base64`). */
export function generateKeyringEntry(): string {
  const key = randomBytes(KEY_BYTES);
  return `${fingerprintKid(key)}:${key.toString('base64')}`;
}
