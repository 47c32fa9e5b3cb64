/**
 * Detects a redirect that would carry one of the request's secrets to another origin in its URL (e.g. a
 * provider echoing `?api_key=…` into a `Location` on another host, or an attacker-controlled redirect).
 */

/**
 * Secrets shorter than this are not searched for: a two- or three-character value would match ordinary
 * URLs by chance and make redirects fail at random, and is no real secret anyway.
 */
export const MIN_SECRET_LENGTH = 4;

/** Percent-decodes every well-formed `%XX` run, leaving malformed escapes as they are. */
function lenientDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The URL as written, and decoded once and twice (double encoding), `+` read as a space too. */
function urlForms(url: URL): string[] {
  const raw = url.href;
  const once = lenientDecode(raw);
  const twice = lenientDecode(once);
  const plus = lenientDecode(raw.replace(/\+/g, ' '));
  return [...new Set([raw, once, twice, plus])].map((s) => s.toLowerCase());
}

/** The secret, and its base64 and base64url encodings (with and without padding). */
function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const base64url = bytes.toString('base64url');
  return [...new Set([secret, base64, base64.replace(/=+$/, ''), base64url])].map((s) => s.toLowerCase());
}

/**
 * True when any of `secrets` appears in `url`: raw, percent-encoded (any case, doubly encoded) or base64.
 * Matching is case-insensitive, since host names are lower-cased by the URL parser.
 */
export function urlContainsSecret(url: URL, secrets: readonly string[] | undefined): boolean {
  if (!secrets || secrets.length === 0) return false;
  const haystacks = urlForms(url);
  return secrets.some(
    (secret) =>
      secret.length >= MIN_SECRET_LENGTH &&
      secretForms(secret).some((needle) => haystacks.some((h) => h.includes(needle))),
  );
}
