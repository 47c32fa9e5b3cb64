/** The `allowHosts` option: host names exempt from the private-address check. */
import { bareHostname, effectivePort } from './request-url';

interface AllowEntry {
  host: string;
  /** Undefined when the entry applies to every port. */
  port?: number;
}

/**
 * Canonical form of a host, as the URL parser would produce it (lower case, punycode, IPv4 and IPv6 literals
 * normalised), without IPv6 brackets or a trailing dot, so `Example.COM.` matches `example.com`.
 */
function canonicalHost(host: string): string | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  try {
    const url = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`);
    const name = bareHostname(url);
    return name.endsWith('.') ? name.slice(0, -1) : name;
  } catch {
    return undefined;
  }
}

function parseEntry(entry: string): AllowEntry | undefined {
  const text = entry.trim();
  // `[::1]:8080` and `host:8080` carry a port; a bare IPv6 address (several colons) does not.
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:]+):(\d+)$/.exec(text);
  const host = canonicalHost(match ? (match[1] ?? '') : text);
  if (!host) return undefined;
  return match ? { host, port: Number(match[2]) } : { host };
}

/**
 * Builds a matcher for `allowHosts`: exact host names (case-insensitive, no wildcards, a trailing dot
 * ignored), each optionally restricted to one port as `host:port`. IP literals may be listed too.
 * Entries that are not valid hosts are ignored.
 */
export function createHostAllowList(entries: readonly string[] = []): (url: URL) => boolean {
  const parsed = entries.map(parseEntry).filter((e): e is AllowEntry => e !== undefined);
  if (parsed.length === 0) return () => false;
  return (url) => {
    const host = canonicalHost(url.hostname);
    const port = effectivePort(url);
    return parsed.some((e) => e.host === host && (e.port === undefined || e.port === port));
  };
}
