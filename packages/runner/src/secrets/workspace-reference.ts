/** One place a `workspace.<name>` reference may be stored: a service and the fields to try, in order. */
export interface CredentialCandidate {
  service: string;
  fields: string[];
  /** Take the only field of a credential that has exactly one, whatever its name. */
  soleField: boolean;
}

/** Suffixes that name a field of a service, longest first so `_api_key` wins over `_key`. */
const FIELD_SUFFIXES = [
  ['_api_key', 'api_key'],
  ['_token', 'token'],
  ['_secret', 'secret'],
  ['_key', 'key'],
] as const;

/** The fields a bare token reference falls back to, as the seed's executor did (`token || api_key`). */
const TOKEN_FIELDS = ['token', 'api_key'];

/**
 * Where the seed's `{{workspace.<name>}}` may point. `hubspot_token` means service `hubspot`, field
 * `token` (then `api_key`, then its only field); failing that, a service named exactly `hubspot_token`
 * with a single field or a `token`/`api_key` field.
 *
 * @example
 * workspaceCandidates('hubspot_token')
 * // [{ service: 'hubspot', fields: ['token', 'api_key'], soleField: true },
 * //  { service: 'hubspot_token', fields: ['token', 'api_key'], soleField: true }]
 */
export function workspaceCandidates(name: string): CredentialCandidate[] {
  const candidates: CredentialCandidate[] = [];
  for (const [suffix, field] of FIELD_SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      const fields = [field, ...TOKEN_FIELDS.filter((f) => f !== field)];
      candidates.push({ service: name.slice(0, -suffix.length), fields, soleField: true });
      break;
    }
  }
  candidates.push({ service: name, fields: TOKEN_FIELDS, soleField: true });
  return candidates;
}

/** Picks the field a candidate names among the credential's fields, or undefined. */
export function pickField(candidate: CredentialCandidate, available: string[]): string | undefined {
  const found = candidate.fields.find((field) => available.includes(field));
  if (found) return found;
  return candidate.soleField && available.length === 1 ? available[0] : undefined;
}
