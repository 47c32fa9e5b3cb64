import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialDecryptError, createCredentialCipher, credentialAad } from './credential-cipher';
import { parseKeyring } from './keyring';
import { KeyringError } from './keyring-error';
import { loadKeyring } from './load-keyring';

const key = () => randomBytes(32).toString('base64');

describe('credential cipher', () => {
  const aad = credentialAad('ws-1', 'hubspot');

  it('round-trips with a random IV and the key id beside the value', () => {
    const cipher = createCredentialCipher(parseKeyring(`main:${key()}`));
    const a = cipher.encrypt('pat-secret-123', aad);
    const b = cipher.encrypt('pat-secret-123', aad);
    expect(a.kid).toBe('main');
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toContain('pat-secret');
    expect(cipher.decrypt(a, aad)).toBe('pat-secret-123');
  });

  it('refuses a value copied to another workspace or service, or tampered with', () => {
    const cipher = createCredentialCipher(parseKeyring(key()));
    const value = cipher.encrypt('s3cret', aad);
    expect(() => cipher.decrypt(value, credentialAad('ws-2', 'hubspot'))).toThrow(CredentialDecryptError);
    expect(() => cipher.decrypt(value, credentialAad('ws-1', 'stripe'))).toThrow(CredentialDecryptError);
    const flipped = Buffer.from(value.ct, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt({ ...value, ct: flipped.toString('base64') }, aad)).toThrow(
      CredentialDecryptError,
    );
  });

  it('rotates: decrypts with any known key, encrypts with the first', () => {
    const oldKey = key();
    const before = createCredentialCipher(parseKeyring(`old:${oldKey}`)).encrypt('v1', aad);
    const rotated = createCredentialCipher(parseKeyring(`new:${key()},old:${oldKey}`));
    expect(rotated.currentKid).toBe('new');
    expect(rotated.decrypt(before, aad)).toBe('v1');
    expect(rotated.encrypt('v2', aad).kid).toBe('new');
    const without = createCredentialCipher(parseKeyring(`new:${key()}`));
    expect(() => without.decrypt(before, aad)).toThrow(/key "old"/);
  });

  it('gives a key without an id a stable fingerprint id', () => {
    const k = key();
    expect(parseKeyring(k).current.kid).toBe(parseKeyring(` ${k} `).current.kid);
    expect(parseKeyring(`x:${key()},${k}`).byKid.has(parseKeyring(k).current.kid)).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['not base64 at all!', /not base64/],
    [randomBytes(16).toString('base64'), /32 bytes, not 16/],
    [`bad id!:${key()}`, /key id/],
    [`a:${key()},a:${key()}`, /used twice/],
  ])('refuses a malformed key %#, without key material in the message', (text, message) => {
    let error: unknown;
    try {
      parseKeyring(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KeyringError);
    expect((error as Error).message).toMatch(message);
    for (const part of text.split(/[:,]/))
      if (part.length > 8) expect((error as Error).message).not.toContain(part);
  });
});

describe('loadKeyring', () => {
  it('prefers the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyring-'));
    expect(loadKeyring({ envValue: `env:${key()}`, dataDir: dir })).toMatchObject({ source: 'env' });
  });

  it('generates a 0600 key file on first start and reuses it', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'keyring-')), 'nested');
    const first = loadKeyring({ dataDir: dir });
    expect(first.source).toBe('generated');
    expect(statSync(first.path!).mode & 0o777).toBe(0o600);
    const second = loadKeyring({ envValue: '', dataDir: dir });
    expect(second.source).toBe('file');
    expect(second.keyring.current.kid).toBe(first.keyring.current.kid);
    expect(second.keyring.current.key.equals(first.keyring.current.key)).toBe(true);
  });

  it('refuses a malformed key file, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyring-'));
    writeFileSync(join(dir, 'encryption.key'), 'garbage!');
    expect(() => loadKeyring({ dataDir: dir })).toThrow(new RegExp(join(dir, 'encryption.key')));
    expect(readFileSync(join(dir, 'encryption.key'), 'utf8')).toBe('garbage!');
  });
});
