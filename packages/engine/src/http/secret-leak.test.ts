import { describe, expect, it } from 'vitest';
import { urlContainsSecret } from './secret-leak';

const secret = 'Tok3n/With+Specials=';
const url = (s: string) => new URL(s);

describe('urlContainsSecret', () => {
  it.each([
    ['raw in the query', `https://x.test/?t=${secret}`],
    ['percent-encoded', `https://x.test/?t=${encodeURIComponent(secret)}`],
    ['percent-encoded twice', `https://x.test/?t=${encodeURIComponent(encodeURIComponent(secret))}`],
    ['in the path', `https://x.test/${encodeURIComponent(secret)}/cb`],
    ['in the fragment', `https://x.test/#${secret}`],
    ['base64', `https://x.test/?t=${Buffer.from(secret).toString('base64')}`],
    [
      'base64 without padding',
      `https://x.test/?t=${Buffer.from(secret).toString('base64').replace(/=+$/, '')}`,
    ],
    ['base64url', `https://x.test/?t=${Buffer.from(secret).toString('base64url')}`],
  ])('finds the secret %s', (_label, href) => {
    expect(urlContainsSecret(url(href), [secret])).toBe(true);
  });

  it('finds a secret in the host name, which the URL parser lower-cases', () => {
    expect(urlContainsSecret(url('https://ABCDEFGH.attacker.test/'), ['ABCDEFGH'])).toBe(true);
  });

  it('finds a value with spaces sent form-encoded', () => {
    expect(urlContainsSecret(url('https://x.test/?t=my+secret+phrase'), ['my secret phrase'])).toBe(true);
  });

  it('ignores URLs without the secret, very short values and empty lists', () => {
    expect(urlContainsSecret(url('https://x.test/callback?state=ok'), [secret])).toBe(false);
    expect(urlContainsSecret(url('https://x.test/abc'), ['abc'])).toBe(false);
    expect(urlContainsSecret(url('https://x.test/abc'), [])).toBe(false);
    expect(urlContainsSecret(url('https://x.test/abc'), undefined)).toBe(false);
  });

  it('survives malformed percent escapes', () => {
    expect(urlContainsSecret(url(`https://x.test/%E0%A4%A?t=${secret}`), [secret])).toBe(true);
  });
});
