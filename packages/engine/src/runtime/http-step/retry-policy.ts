import type { Retry } from '../../graph/nodes/http-node.schema';

/** Statuses worth another attempt: the server may answer differently next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The longest `Retry-After` honoured; a longer one is treated as this (the run deadline still applies). */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random share of the other
 * half, so retries from many runs spread out but never collapse to zero.
 */
export function backoffDelay(retry: Retry, attempt: number, random: () => number): number {
  const exponential = retry.minDelayMs * retry.factor ** (attempt - 1);
  const capped = Math.min(retry.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

/** A node's retry settings: its own, or the connector's `max_retries` (N → N+1 attempts). */
export function effectiveRetry(retry: Retry | undefined, defaultMaxRetries: number): Retry {
  return (
    retry ?? {
      maxAttempts: Math.max(1, Math.min(10, defaultMaxRetries + 1)),
      factor: 2,
      minDelayMs: 1_000,
      maxDelayMs: 10_000,
    }
  );
}
