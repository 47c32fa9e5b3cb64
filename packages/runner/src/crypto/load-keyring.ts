import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyringEntry, type Keyring, parseKeyring } from './keyring';
import { KeyringError } from './keyring-error';

/** Where the key comes from: the environment value, else a file in the data directory. */
export interface LoadKeyringOptions {
  /** `CONNECTORS_ENCRYPTION_KEY`, if set. */
  envValue?: string | undefined;
  /** The data directory; the generated key lives in `<dataDir>/encryption.key`. */
  dataDir: string;
}

/** How the keyring was obtained, so the caller can warn about a generated key in production. */
export interface LoadedKeyring {
  keyring: Keyring;
  source: 'env' | 'file' | 'generated';
  /** The key file, when one was read or written. */
  path?: string;
}

export const KEY_FILE_NAME = 'encryption.key';

/**
 * Loads the credential keyring: from `CONNECTORS_ENCRYPTION_KEY` when set; otherwise from
 * `<dataDir>/encryption.key`, generating that file (mode 0600) on the first local start so that a
 * fresh install needs no setup, and reusing it afterwards.
 *
 * @throws KeyringError for a malformed key or an unreadable file (never with key material in it).
 */
export function loadKeyring(options: LoadKeyringOptions): LoadedKeyring {
  if (options.envValue !== undefined && options.envValue.trim() !== '') {
    return { keyring: parseKeyring(options.envValue), source: 'env' };
  }
  const path = join(options.dataDir, KEY_FILE_NAME);
  const existing = readKeyFile(path);
  if (existing !== undefined) return { keyring: parseKeyring(existing, path), source: 'file', path };
  mkdirSync(options.dataDir, { recursive: true });
  const entry = generateKeyringEntry();
  try {
    // 'wx': if another process created the file in between, use theirs rather than overwrite it.
    writeFileSync(path, `${entry}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { keyring: parseKeyring(readKeyFile(path) ?? '', path), source: 'file', path };
    }
    throw new KeyringError(`Cannot write the encryption key file ${path}: ${(error as Error).message}`);
  }
  return { keyring: parseKeyring(entry, path), source: 'generated', path };
}

function readKeyFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyringError(`Cannot read the encryption key file ${path}: ${(error as Error).message}`);
  }
}
