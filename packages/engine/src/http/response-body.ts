/** Reading a response body without ever holding more than the allowed number of bytes. */
import type { Readable } from 'node:stream';
import { OutboundRequestError } from './outbound-request.error';

/** Destroys the body (undici then aborts the request and closes the socket) and returns the error to throw. */
function abandonTooLarge(body: Readable, maxBytes: number): OutboundRequestError {
  const error = new OutboundRequestError(
    'response_too_large',
    `The response is larger than the limit of ${maxBytes} bytes`,
  );
  // The destroyed stream re-emits the error; nobody else is listening any more.
  body.on('error', () => {});
  body.destroy(error);
  return error;
}

/**
 * Reads `body` to the end, counting bytes as they arrive. Past `maxBytes` the stream is destroyed (which
 * makes undici close the connection, so the server stops sending) and `response_too_large` is thrown.
 * A declared `Content-Length` above the limit fails before reading anything.
 */
export async function readBodyWithLimit(
  body: Readable,
  maxBytes: number,
  declaredLength?: string,
): Promise<Uint8Array> {
  if (declaredLength !== undefined && Number(declaredLength) > maxBytes) {
    throw abandonTooLarge(body, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw abandonTooLarge(body, maxBytes);
    }
    chunks.push(chunk);
  }
  // A plain Uint8Array (not a pooled Buffer slice) that owns exactly the body's bytes.
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Throws away a body we do not need (a redirect's), keeping the connection reusable when it is small. */
export async function discardBody(body: Readable & { dump(opts?: { limit: number }): Promise<void> }) {
  try {
    // undici's dump() reads up to `limit` bytes so the socket can be reused, and destroys it beyond that.
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // A failure here only costs the connection; the redirect is followed regardless.
  }
}
