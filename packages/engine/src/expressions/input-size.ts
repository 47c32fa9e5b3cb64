import { ExpressionError } from './expression.error';

/** UTF-8 byte length of a string, without an encoder (the engine also runs in the browser). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a surrogate pair is one 4-byte code point
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Byte length of `value` serialised as JSON (0 for `undefined`); throws `limit` for a cycle. */
export function jsonByteLength(value: unknown): number {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new ExpressionError(
      'limit',
      'The input cannot be serialised as JSON (it is cyclic or too large)',
      '',
      {
        cause: err,
      },
    );
  }
  return text === undefined ? 0 : utf8ByteLength(text);
}

/**
 * Checks an expression's input against a size budget, measured as JSON. Callers check once per input
 * (for instance a response body before mappings run over it) rather than on every evaluation.
 * Returns the size in bytes; throws `ExpressionError` code `limit` beyond `maxBytes`.
 */
export function assertInputSize(value: unknown, maxBytes: number): number {
  const bytes = jsonByteLength(value);
  if (bytes > maxBytes) {
    throw new ExpressionError(
      'limit',
      `The input is ${bytes} bytes as JSON, more than the ${maxBytes} bytes an expression may read`,
      '',
    );
  }
  return bytes;
}
