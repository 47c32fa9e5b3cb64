/**
 * Turns a URL into the one IP address the request will connect to, refusing it when any address the host
 * resolves to is forbidden. The address returned is the address the socket is pinned to, so what was
 * checked is what gets connected (no DNS rebinding between check and connect).
 */
import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { classifyAddress, type ForbiddenAddressReason } from './address-guard';
import { OutboundRequestError } from './outbound-request.error';
import { bareHostname } from './request-url';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all of its addresses (the shape of `dns.promises.lookup(host, { all: true })`). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export interface DestinationPolicy {
  lookup: HostLookup;
  /** True when `url`'s host is exempt from the address check (`allowPrivateNetwork` or `allowHosts`). */
  isExempt: (url: URL) => boolean;
}

/** The system resolver (getaddrinfo, so `/etc/hosts` and `localhost` behave as for any other program). */
export const systemLookup: HostLookup = async (hostname) => {
  const results = await dns.lookup(hostname, { all: true });
  return results.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
};

/** DNS answers that will not change if asked again soon. */
const PERMANENT_DNS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'EBADNAME', 'EBADFAMILY', 'EFORMERR']);

/**
 * Resolves `url`'s host and picks the address to connect to (the first one the resolver returned).
 *
 * @throws OutboundRequestError `blocked_address` when any resolved address is forbidden and the host is not
 *   exempt; `dns_failure` when the name does not resolve.
 */
export async function resolveDestination(url: URL, policy: DestinationPolicy): Promise<ResolvedAddress> {
  const host = bareHostname(url);
  // URL has already normalised IPv4 literals (`0x7f.1` → `127.0.0.1`), so isIP() recognises every form. A
  // literal is never looked up, and undici skips the connect-time lookup for it too: it is checked here.
  const literalFamily = isIP(host);
  const addresses =
    literalFamily === 0 ? await lookupHost(host, policy.lookup) : [{ address: host, family: literalFamily }];

  if (!policy.isExempt(url)) {
    // Refuse if ANY answer is forbidden, not just the one we would pick: a name that mixes public and
    // private answers is suspicious, and it keeps the check independent of which address is chosen.
    for (const { address } of addresses) {
      const verdict = classifyAddress(address);
      if (verdict !== 'public') throw blockedAddress(host, address, verdict);
    }
  }
  const [first] = addresses;
  if (!first)
    throw new OutboundRequestError('dns_failure', `Could not resolve host ${host}`, { retryable: false });
  return { address: first.address, family: isIP(first.address) === 6 ? 6 : 4 };
}

async function lookupHost(host: string, lookup: HostLookup): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await lookup(host);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new OutboundRequestError('dns_failure', `Could not resolve host ${host}`, {
      retryable: !(typeof code === 'string' && PERMANENT_DNS_CODES.has(code)),
      cause: error,
    });
  }
  if (addresses.length === 0) {
    throw new OutboundRequestError('dns_failure', `Could not resolve host ${host}`, { retryable: false });
  }
  for (const { address } of addresses) {
    // A custom resolver could hand back anything; only IP addresses can be checked and pinned.
    if (isIP(address) === 0) {
      throw new OutboundRequestError('dns_failure', `Resolving ${host} returned an invalid address`, {
        retryable: false,
      });
    }
  }
  return addresses;
}

const REASON_WORDING: Partial<Record<ForbiddenAddressReason, string>> = {
  cloud_metadata: 'cloud metadata',
  link_local: 'link-local',
  multicast: 'multicast',
  broadcast: 'broadcast',
  documentation: 'reserved',
  benchmarking: 'reserved',
  reserved: 'reserved',
};

function blockedAddress(host: string, address: string, reason: ForbiddenAddressReason): OutboundRequestError {
  const kind = REASON_WORDING[reason] ?? 'private or loopback';
  const where = host === address ? address : `${host} resolves to ${address}`;
  return new OutboundRequestError(
    'blocked_address',
    `Requests to ${kind} addresses are not allowed (${where})`,
  );
}
