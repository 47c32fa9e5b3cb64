import type { EncryptedValue } from '@connectors/db';
import { type CredentialCipher, credentialAad } from './credential-cipher';

/** Encrypts every field of a credential on its own, bound to its workspace and service. */
export function encryptCredentialFields(
  cipher: CredentialCipher,
  workspaceId: string,
  serviceName: string,
  fields: Record<string, string>,
): Record<string, EncryptedValue> {
  const aad = credentialAad(workspaceId, serviceName);
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, cipher.encrypt(value, aad)]),
  );
}

/** Decrypts one field of a stored credential. @throws CredentialDecryptError */
export function decryptCredentialField(
  cipher: CredentialCipher,
  workspaceId: string,
  serviceName: string,
  value: EncryptedValue,
): string {
  return cipher.decrypt(value, credentialAad(workspaceId, serviceName));
}
