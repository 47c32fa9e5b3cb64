import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptedValue } from '@connectors/db';
import type { Keyring } from './keyring';

/** A stored value that cannot be decrypted: unknown key id, tampered, or copied from elsewhere. */
export class CredentialDecryptError extends Error {
  override readonly name = 'CredentialDecryptError';
}

/** Encrypts and decrypts single credential fields with a keyring (AES-256-GCM). */
export interface CredentialCipher {
  /** The key id new values are encrypted with. */
  readonly currentKid: string;
  encrypt(plaintext: string, aad: string): EncryptedValue;
  /** @throws CredentialDecryptError */
  decrypt(value: EncryptedValue, aad: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The additional authenticated data of a credential field: the workspace and the service. A ciphertext
 * copied into another workspace or service row fails authentication instead of decrypting there.
 */
export function credentialAad(workspaceId: string, serviceName: string): string {
  return `${workspaceId}:${serviceName}`;
}

/**
 * AES-256-GCM with a random 12-byte IV per value and the key id stored beside it: new values use the
 * keyring's current key, old ones decrypt with whichever known key their `kid` names (rotation).
 *
 * @example
 * const cipher = createCredentialCipher(parseKeyring(process.env.CONNECTORS_ENCRYPTION_KEY!));
 * const stored = cipher.encrypt('pat-123', credentialAad(workspaceId, 'hubspot'));
 */
export function createCredentialCipher(keyring: Keyring): CredentialCipher {
  return {
    currentKid: keyring.current.kid,
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        kid: keyring.current.kid,
        iv: iv.toString('base64'),
        ct: ct.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    },
    decrypt(value, aad) {
      const entry = keyring.byKid.get(value.kid);
      if (!entry) {
        throw new CredentialDecryptError(
          `The credential was encrypted with key "${value.kid}", which is not in CONNECTORS_ENCRYPTION_KEY`,
        );
      }
      try {
        const iv = Buffer.from(value.iv, 'base64');
        const tag = Buffer.from(value.tag, 'base64');
        if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('bad sizes');
        const decipher = createDecipheriv('aes-256-gcm', entry.key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(Buffer.from(value.ct, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new CredentialDecryptError(
          'The credential could not be decrypted (it was altered or belongs to another workspace or service); store it again',
        );
      }
    },
  };
}
