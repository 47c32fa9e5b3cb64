/**
 * undici dispatchers whose sockets go to an address we have already checked.
 *
 * undici hands its `connect` options to `net.connect` / `tls.connect`, so a `lookup` function there
 * replaces DNS resolution at connect time. Ours ignores the host name and answers with the pinned address,
 * while the URL keeps its host name: the `Host` header and TLS SNI (`servername`, derived by undici from
 * the URL's host) stay correct and the certificate is verified against the name, not the IP.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import type { ResolvedAddress } from './resolve-destination';

/**
 * A `net.connect` lookup that always answers `target`. Node calls it in two shapes: with `all: true`
 * (the default happy-eyeballs path, `autoSelectFamily`) it expects an array of addresses, otherwise
 * `(err, address, family)`.
 */
export function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname: string, options: LookupOptions, callback: Parameters<LookupFunction>[2]) => {
    // Defensive: some callers pass the callback as the second argument.
    const cb = (typeof options === 'function' ? options : callback) as Parameters<LookupFunction>[2];
    const all = typeof options === 'object' && options !== null && options.all === true;
    if (all) {
      const answer: LookupAddress[] = [{ address: target.address, family: target.family }];
      cb(null, answer);
    } else {
      cb(null, target.address, target.family);
    }
  };
}

/**
 * A small LRU of agents, one per pinned address. One agent may serve several origins that share an address
 * (it keeps a connection pool per origin, as any undici Agent does); keep-alive connections are reused only
 * by requests pinned to the same, already-checked, address.
 */
export class PinnedAgentPool {
  readonly #agents = new Map<string, Agent>();
  readonly #maxAgents: number;

  constructor(maxAgents = 64) {
    this.#maxAgents = maxAgents;
  }

  /** The agent whose connections go to `target`. */
  get(target: ResolvedAddress): Agent {
    const key = `${target.family}/${target.address}`;
    const existing = this.#agents.get(key);
    if (existing) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.#agents.delete(key);
      this.#agents.set(key, existing);
      return existing;
    }
    const agent = new Agent({ connect: { lookup: pinnedLookup(target) } });
    this.#agents.set(key, agent);
    if (this.#agents.size > this.#maxAgents) {
      const [oldestKey, oldest] = this.#agents.entries().next().value as [string, Agent];
      this.#agents.delete(oldestKey);
      // close() lets requests already in flight on it finish.
      oldest.close().catch(() => {});
    }
    return agent;
  }

  /** Closes every agent, letting in-flight requests finish. */
  async close(): Promise<void> {
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.all(agents.map((a) => a.close().catch(() => {})));
  }

  /** Number of agents currently cached (for tests). */
  get size(): number {
    return this.#agents.size;
  }
}
