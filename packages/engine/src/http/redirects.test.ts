import { describe, expect, it } from 'vitest';
import { isRedirectStatus, redirectedRequest } from './redirects';

const a = new URL('https://api.example.com/start');
const sameOrigin = new URL('https://api.example.com/next');
const otherOrigin = new URL('https://cdn.example.com/next');

const headers = {
  Authorization: 'Bearer t',
  Cookie: 'c=1',
  'Proxy-Authorization': 'Basic p',
  'X-Api-Key': 'k',
  'Content-Type': 'application/json',
  Accept: 'application/json',
};

describe('redirectedRequest', () => {
  it('turns a POST into a body-less GET on 301/302/303, dropping body headers', () => {
    for (const status of [301, 302, 303]) {
      const next = redirectedRequest({ method: 'POST', headers, body: '{}' }, status, a, sameOrigin);
      expect(next.method).toBe('GET');
      expect(next.body).toBeUndefined();
      expect(next.headers['Content-Type']).toBeUndefined();
      expect(next.headers.Accept).toBe('application/json');
    }
  });

  it('keeps method and body on 307/308', () => {
    for (const status of [307, 308]) {
      expect(redirectedRequest({ method: 'PATCH', headers, body: 'x' }, status, a, sameOrigin)).toEqual({
        method: 'PATCH',
        headers,
        body: 'x',
      });
    }
  });

  it('drops credentials and declared sensitive headers across origins, matching names case-insensitively', () => {
    const next = redirectedRequest({ method: 'GET', headers }, 302, a, otherOrigin, ['x-API-key']);
    expect(Object.keys(next.headers).sort()).toEqual(['Accept', 'Content-Type']);
  });

  it('treats a scheme or port change as another origin', () => {
    const http = new URL('http://api.example.com/next');
    const port = new URL('https://api.example.com:8443/next');
    expect(redirectedRequest({ method: 'GET', headers }, 302, a, http).headers.Authorization).toBeUndefined();
    expect(redirectedRequest({ method: 'GET', headers }, 302, a, port).headers.Authorization).toBeUndefined();
    expect(redirectedRequest({ method: 'GET', headers }, 302, a, sameOrigin).headers.Authorization).toBe(
      'Bearer t',
    );
  });

  it('knows the redirect statuses', () => {
    expect([300, 301, 302, 303, 304, 305, 307, 308].filter(isRedirectStatus)).toEqual([
      301, 302, 303, 307, 308,
    ]);
  });
});
