/**
 * The encryption key is missing, malformed or unreadable. Its message says what is wrong and where,
 * never any key material, so it can be printed at start-up.
 */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}
