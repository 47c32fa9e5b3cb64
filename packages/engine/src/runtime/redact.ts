/** Masks resolved secret values wherever they might end up: stored requests, responses, errors, logs. */

export const MASK = '••••••';

/** Secrets this short would mask ordinary text everywhere; they are too weak to be real credentials. */
const MIN_SECRET_LENGTH = 3;

/** The forms a secret travels in: raw, base64 (Basic auth), URL-encoded (query strings, form bodies). */
export function secretForms(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(Buffer.from(secret, 'utf8').toString('base64'));
    forms.add(Buffer.from(secret, 'utf8').toString('base64url'));
    forms.add(encodeURIComponent(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another is masked whole.
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

export function redactString(text: string, forms: string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
  return out;
}

/** A copy of `value` with every secret form masked in every string (keys included). */
export function redactDeep<T>(value: T, secrets: Iterable<string>): T {
  const forms = secretForms(secrets);
  if (forms.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactString(v, forms);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[redactString(k, forms)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
