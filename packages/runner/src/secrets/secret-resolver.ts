import {
  bindCredentialHostsIfUnbound,
  type Executor,
  getCredential,
  type RunContext,
  type RunCredential,
  touchCredential,
} from '@connectors/db';
import type { ResolvedSecret, SecretResolver } from '@connectors/engine/runtime';
import type { CredentialCipher } from '../crypto/credential-cipher';
import { decryptCredentialField } from '../crypto/credential-fields';
import { credentialTouches } from './touch-throttle';
import { pickField, workspaceCandidates } from './workspace-reference';

export interface SecretResolverOptions {
  db: Executor;
  cipher: CredentialCipher;
  workspaceId: string;
  /**
   * The workspace's credentials as the run's start read them (`getRunContext` with `credentials`):
   * services found there are not read again, and when the list is `complete` a service missing from it
   * is missing (no statement either).
   */
  preloaded?: RunContext['credentials'] | undefined;
}

/** The engine's `SecretResolver` for one run, plus what the runner needs to bind hosts on first use. */
export interface RunSecretResolver extends SecretResolver {
  /** The service a resolved reference (`workspace.hubspot_token`) was read from. */
  serviceOf(reference: string): string | undefined;
  /**
   * Binds the services to `host` if they are bound to no host yet, for the database and for the rest
   * of this run (DESIGN §7: a credential is bound to the host of the first URL that uses it).
   */
  bindOnFirstUse(services: Iterable<string>, host: string): Promise<void>;
}

/**
 * Resolves `{{workspace.<name>}}` (the seed's syntax: `hubspot_token` → service `hubspot`, field
 * `token`; see `workspaceCandidates`) and `{{credentials.<service>.<field>}}` from the workspace's
 * encrypted credentials. Each credential is read once per run, or comes with the run's start
 * (`preloaded`); its `last_used_at` is written when a run uses it, at most once a minute per process
 * (`credentialTouches`).
 * A secret comes with the hosts its credential is bound to; an unbound credential comes without hosts
 * (any host) and is bound after its first request by `bindOnFirstUse`.
 */
export function createSecretResolver(options: SecretResolverOptions): RunSecretResolver {
  const { db, cipher, workspaceId, preloaded } = options;
  const credentials = new Map<string, Promise<RunCredential | undefined>>();
  const hosts = new Map<string, string[]>();
  for (const row of preloaded?.rows ?? []) {
    credentials.set(row.service_name, Promise.resolve(row));
    hosts.set(row.service_name, row.allowed_hosts);
  }
  const referenceServices = new Map<string, string>();
  const touched = new Set<string>();

  const load = (service: string) => {
    let pending = credentials.get(service);
    if (!pending && preloaded?.complete) pending = Promise.resolve(undefined);
    if (!pending) {
      pending = getCredential(db, workspaceId, service).then((row) => {
        if (row) hosts.set(service, row.allowed_hosts);
        return row;
      });
      credentials.set(service, pending);
    }
    return pending;
  };

  const secretOf = async (
    row: RunCredential,
    field: string,
    reference: string,
  ): Promise<ResolvedSecret | undefined> => {
    const stored = row.credentials[field];
    if (!stored) return undefined;
    const value = decryptCredentialField(cipher, workspaceId, row.service_name, stored);
    referenceServices.set(reference, row.service_name);
    if (!touched.has(row.service_name)) {
      touched.add(row.service_name);
      if (credentialTouches.due(`${workspaceId}:${row.service_name}`)) {
        await touchCredential(db, workspaceId, row.service_name);
      }
    }
    const bound = hosts.get(row.service_name) ?? [];
    return bound.length > 0 ? { value, hosts: [...bound] } : { value };
  };

  return {
    async resolve(root, path) {
      if (root === 'workspace') {
        const [name] = path;
        if (!name) return undefined;
        for (const candidate of workspaceCandidates(name)) {
          const row = await load(candidate.service);
          if (!row) continue;
          const field = pickField(candidate, Object.keys(row.credentials));
          if (field) return secretOf(row, field, `workspace.${name}`);
        }
        return undefined;
      }
      const [service, field] = path;
      if (!service || !field) return undefined;
      const row = await load(service);
      return row ? secretOf(row, field, `credentials.${service}.${field}`) : undefined;
    },
    serviceOf: (reference) => referenceServices.get(reference),
    async bindOnFirstUse(services, host) {
      for (const service of new Set(services)) {
        if ((hosts.get(service) ?? []).length > 0) continue;
        const bound = await bindCredentialHostsIfUnbound(db, workspaceId, service, [host]);
        if (bound) hosts.set(service, bound);
      }
    },
  };
}
