import { templateReferences } from '../../expressions';
import type { HttpNodeData } from '../../graph/nodes/http-node.schema';
import type { ResolvedSecret, SecretResolver } from '../../ports';

/** Every template string in an http node: URL, query, headers, auth and the body, keys included. */
export function httpNodeTemplates(data: HttpNodeData): string[] {
  const out: string[] = [data.url];
  for (const kv of [...data.queryParams, ...data.headers]) out.push(kv.key, kv.value);
  if (data.auth) {
    for (const [key, value] of Object.entries(data.auth))
      if (key !== 'type' && typeof value === 'string') out.push(value);
  }
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        out.push(k);
        walk(inner);
      }
    }
  };
  walk(data.body);
  return out.filter((s) => s.includes('{{'));
}

export class MissingSecretError extends Error {
  readonly code = 'missing_credential';
}

export interface SecretScope {
  workspace: Record<string, string>;
  credentials: Record<string, Record<string, string>>;
  resolved: { reference: string; secret: ResolvedSecret }[];
}

/**
 * Resolves only the secrets the node's templates reference, so a node never holds credentials it does not
 * use, and nothing outside http nodes ever sees them.
 */
export async function resolveSecretScope(
  templates: string[],
  resolver: SecretResolver,
): Promise<SecretScope> {
  const scope: SecretScope = { workspace: {}, credentials: {}, resolved: [] };
  const seen = new Set<string>();
  for (const template of templates) {
    let refs: string[][];
    try {
      refs = templateReferences(template);
    } catch {
      continue; // a broken template is reported when the request is built
    }
    for (const ref of refs) {
      const [root, a, b] = ref;
      if (root === 'workspace' && a) {
        const key = `workspace.${a}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const secret = await resolver.resolve('workspace', [a]);
        if (!secret) {
          throw new MissingSecretError(
            `No credential for "${key}" in this workspace: add it under Credentials (service "${a.replace(/_(token|key|api_key)$/, '')}")`,
          );
        }
        scope.workspace[a] = secret.value;
        scope.resolved.push({ reference: key, secret });
      } else if (root === 'credentials' && a && b) {
        const key = `credentials.${a}.${b}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const secret = await resolver.resolve('credentials', [a, b]);
        if (!secret) {
          throw new MissingSecretError(`No credential field "${b}" for service "${a}" in this workspace`);
        }
        scope.credentials[a] = { ...scope.credentials[a], [b]: secret.value };
        scope.resolved.push({ reference: key, secret });
      }
    }
  }
  return scope;
}

/** The credentials bound to hosts that this URL's host is not among. */
export function hostViolations(url: string, resolved: SecretScope['resolved']): string[] {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  return resolved
    .filter(({ secret }) => secret.hosts && secret.hosts.length > 0)
    .filter(({ secret }) => !secret.hosts!.some((h) => h.toLowerCase() === host))
    .map(({ reference }) => reference);
}
