import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRequest } from '../ports';
import { createHttpClient, type GuardedHttpClient } from './guarded-http-client';
import { OutboundRequestError, type OutboundRequestErrorCode } from './outbound-request.error';
import type { HostLookup, ResolvedAddress } from './resolve-destination';
import { type Handler, type LocalServer, startLocalServer } from './test-support/local-server';

const servers: LocalServer[] = [];
const clients: GuardedHttpClient[] = [];

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

function client(options: Parameters<typeof createHttpClient>[0] = {}): GuardedHttpClient {
  const c = createHttpClient(options);
  clients.push(c);
  return c;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function request(url: string, overrides: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url, headers: {}, timeoutMs: 2000, maxResponseBytes: 1024 * 1024, ...overrides };
}

/** Runs the request and returns the OutboundRequestError it must fail with. */
async function failure(c: GuardedHttpClient, req: HttpRequest): Promise<OutboundRequestError> {
  try {
    await c.request(req);
  } catch (error) {
    expect(error).toBeInstanceOf(OutboundRequestError);
    return error as OutboundRequestError;
  }
  throw new Error('expected the request to fail');
}

const ok: Handler = (_req, res) => res.end('ok');

const fixed =
  (...addresses: ResolvedAddress[]): HostLookup =>
  async () =>
    addresses;

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('default guard: private destinations are refused before any connection', () => {
  it.each([
    ['http://127.0.0.1:PORT/'],
    ['http://2130706433:PORT/'],
    ['http://0x7f000001:PORT/'],
    ['http://0177.0.0.1:PORT/'],
    ['http://127.1:PORT/'],
    ['http://0x7f.1:PORT/'],
    ['http://[::1]:PORT/'],
    ['http://[::ffff:127.0.0.1]:PORT/'],
    ['http://[::ffff:7f00:1]:PORT/'],
    ['http://localhost:PORT/'],
    ['http://LocalHost:PORT/'],
  ])('%s', async (template) => {
    const server = await serve(ok);
    const error = await failure(client(), request(template.replace('PORT', String(server.port))));
    expect(error.code).toBe('blocked_address');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^Requests to private or loopback addresses are not allowed \(.+\)$/);
    expect(server.connections).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it.each<[string, ResolvedAddress[], RegExp]>([
    ['private', [{ address: '10.0.0.5', family: 4 }], /internal\.test resolves to 10\.0\.0\.5/],
    ['metadata', [{ address: '169.254.169.254', family: 4 }], /cloud metadata/],
    ['IPv6 loopback', [{ address: '::1', family: 6 }], /::1/],
    ['IPv4-mapped loopback', [{ address: '::ffff:127.0.0.1', family: 6 }], /loopback/],
    [
      'public and private mixed',
      [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
      /127\.0\.0\.1/,
    ],
  ])('a name resolving to %s', async (_label, addresses, message) => {
    const server = await serve(ok);
    const c = client({ lookup: fixed(...addresses) });
    const error = await failure(c, request(`http://internal.test:${server.port}/`));
    expect(error.code).toBe('blocked_address');
    expect(error.message).toMatch(message);
    expect(server.connections).toBe(0);
  });

  it('never connects to a rebinding name’s private answer', async () => {
    const server = await serve(ok);
    let calls = 0;
    const rebinding: HostLookup = async () =>
      calls++ === 0 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
    // Stand in for the socket layer so the public answer is not actually dialled: record where each socket
    // would go (asking the lookup undici was configured with, as net.connect would) and fail it.
    const dialled: string[] = [];
    vi.spyOn(net, 'connect').mockImplementation(((
      options: net.NetConnectOpts & { lookup?: net.LookupFunction },
    ) => {
      const socket = new net.Socket();
      const host = 'host' in options ? (options.host ?? '') : '';
      if (net.isIP(host)) dialled.push(host);
      else
        options.lookup?.(host, { all: true }, (_err, answer) => {
          dialled.push(...(Array.isArray(answer) ? answer.map((a) => a.address) : [answer]));
        });
      setImmediate(() =>
        socket.destroy(Object.assign(new Error('refused by test'), { code: 'ECONNREFUSED' })),
      );
      return socket;
    }) as typeof net.connect);

    const c = client({ lookup: rebinding });
    const error = await failure(c, request(`http://rebind.test:${server.port}/`));
    expect(error.code).toBe('network');
    expect(dialled.length).toBeGreaterThan(0);
    expect(dialled.every((a) => a === '93.184.216.34')).toBe(true);
    expect(calls).toBe(1);
    vi.restoreAllMocks();

    // Second request: the name now answers 127.0.0.1, which is checked and refused.
    const again = await failure(c, request(`http://rebind.test:${server.port}/`));
    expect(again.code).toBe('blocked_address');
    expect(server.connections).toBe(0);
  });

  it('refuses a name whose first answer is private, whatever it answers later', async () => {
    const server = await serve(ok);
    let calls = 0;
    const c = client({
      lookup: async () =>
        calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '93.184.216.34', family: 4 }],
    });
    expect((await failure(c, request(`http://rebind.test:${server.port}/`))).code).toBe('blocked_address');
    expect(server.connections).toBe(0);
  });

  it('checks every redirect hop: an allowed host redirecting to 127.0.0.1 is refused at that hop', async () => {
    const target = await serve(ok);
    const first = await serve((req, res) => {
      const to =
        req.url === '/to-literal' ? `${target.origin}/secret-admin` : `http://localhost:${target.port}/`;
      res.writeHead(302, { location: to }).end();
    });
    const c = client({
      allowHosts: ['api.allowed.test'],
      lookup: fixed({ address: '127.0.0.1', family: 4 }),
    });

    for (const path of ['/to-literal', '/to-name']) {
      const error = await failure(c, request(`http://api.allowed.test:${first.port}${path}`));
      expect(error.code).toBe('blocked_address');
    }
    expect(first.requests).toHaveLength(2);
    expect(target.connections).toBe(0);
  });

  it('allowHosts matches case-insensitively and honours a port restriction', async () => {
    const server = await serve(ok);
    const lookup = fixed({ address: '127.0.0.1', family: 4 });
    const anyPort = client({ allowHosts: ['API.Allowed.Test'], lookup });
    expect((await anyPort.request(request(`http://api.allowed.test:${server.port}/`))).status).toBe(200);

    const rightPort = client({ allowHosts: [`api.allowed.test:${server.port}`], lookup });
    expect((await rightPort.request(request(`http://api.allowed.test:${server.port}/`))).status).toBe(200);

    const wrongPort = client({ allowHosts: ['api.allowed.test:1'], lookup });
    const error = await failure(wrongPort, request(`http://api.allowed.test:${server.port}/`));
    expect(error.code).toBe('blocked_address');

    const otherHost = client({ allowHosts: ['api.allowed.test'], lookup });
    expect((await failure(otherHost, request(`http://evil.allowed.test:${server.port}/`))).code).toBe(
      'blocked_address',
    );
  });

  it('pins the socket to the address that was checked (no second resolution at connect time)', async () => {
    const server = await serve((req, res) => res.end(req.headers.host));
    let calls = 0;
    // Exempt host, so only pinning keeps the socket on 127.0.0.1: a re-resolution would get 10.255.255.1.
    const c = client({
      allowHosts: ['pinned.test'],
      lookup: async () => [{ address: calls++ === 0 ? '127.0.0.1' : '10.255.255.1', family: 4 }],
    });
    const res = await c.request(request(`http://pinned.test:${server.port}/`, { timeoutMs: 1000 }));
    expect(res.status).toBe(200);
    // The Host header keeps the name; only the socket address is pinned.
    expect(text(res.body)).toBe(`pinned.test:${server.port}`);
    expect(calls).toBe(1);
  });

  it('also pins when Node asks for a single address (autoSelectFamily off)', async () => {
    const server = await serve(ok);
    const previous = net.getDefaultAutoSelectFamily();
    net.setDefaultAutoSelectFamily(false);
    try {
      const c = client({ allowHosts: ['pinned.test'], lookup: fixed({ address: '127.0.0.1', family: 4 }) });
      expect((await c.request(request(`http://pinned.test:${server.port}/`))).status).toBe(200);
    } finally {
      net.setDefaultAutoSelectFamily(previous);
    }
  });

  it('keeps TLS SNI on the host name while the socket is pinned', async () => {
    const seen: string[] = [];
    // No certificate: the handshake fails right after the server has read the SNI, which is all we need.
    const tlsServer = tls.createServer({
      SNICallback: (name, cb) => {
        seen.push(name);
        cb(new Error('no certificate in this test'));
      },
    });
    tlsServer.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const { port } = tlsServer.address() as net.AddressInfo;
    try {
      const c = client({ allowHosts: ['sni.test'], lookup: fixed({ address: '127.0.0.1', family: 4 }) });
      const error = await failure(c, request(`https://sni.test:${port}/`));
      expect(error.code).toBe('network');
      expect(seen).toEqual(['sni.test']);
    } finally {
      tlsServer.close();
    }
  });

  it.each<[string, OutboundRequestErrorCode]>([
    ['ftp://example.com/file', 'unsupported_protocol'],
    ['file:///etc/passwd', 'unsupported_protocol'],
    ['javascript:alert(1)', 'unsupported_protocol'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['http://user:pass@example.com/', 'invalid_url'],
  ])('%s → %s', async (url, code) => {
    const error = await failure(client(), request(url));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
  });

  it('reports DNS failures, retryable only when transient', async () => {
    const dnsError = (code: string) => async () => {
      throw Object.assign(new Error(`getaddrinfo ${code}`), { code });
    };
    const notFound = await failure(
      client({ lookup: dnsError('ENOTFOUND') }),
      request('http://nowhere.test/'),
    );
    expect(notFound).toMatchObject({ code: 'dns_failure', retryable: false });
    expect(notFound.message).toBe('Could not resolve host nowhere.test');
    const again = await failure(client({ lookup: dnsError('EAI_AGAIN') }), request('http://nowhere.test/'));
    expect(again).toMatchObject({ code: 'dns_failure', retryable: true });
    const empty = await failure(client({ lookup: fixed() }), request('http://nowhere.test/'));
    expect(empty.code).toBe('dns_failure');
  });

  it('keeps the URL’s query (where secrets live) out of error messages', async () => {
    const error = await failure(client(), request('http://127.0.0.1/?api_key=sk_live_1234567890'));
    expect(error.message).not.toContain('sk_live');
  });
});

describe('allowPrivateNetwork: requests, responses and redirects', () => {
  let c: GuardedHttpClient;
  beforeAll(() => {
    c = createHttpClient({ allowPrivateNetwork: true });
  });
  afterAll(() => c.close());

  const echo: Handler = (req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.setHeader('x-multi', ['one', 'two']);
    res.setHeader('X-Mixed-Case', 'yes');
    res.end(
      JSON.stringify({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: req.body.toString('base64'),
      }),
    );
  };

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s round-trips', async (method) => {
    const server = await serve(echo);
    const body = method === 'GET' || method === 'OPTIONS' ? undefined : `{"method":"${method}"}`;
    const res = await c.request(
      request(`${server.origin}/path?q=1`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Custom': 'v a l' },
        ...(body === undefined ? {} : { body }),
      }),
    );
    expect(res.status).toBe(200);
    const seen = JSON.parse(text(res.body));
    expect(seen.method).toBe(method);
    expect(seen.url).toBe('/path?q=1');
    expect(seen.headers['x-custom']).toBe('v a l');
    expect(Buffer.from(seen.body, 'base64').toString()).toBe(body ?? '');
    expect(res.url).toBe(`${server.origin}/path?q=1`);
    expect(res.redirects).toBe(0);
  });

  it('HEAD returns headers and an empty body', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('content-length', '1000');
      res.end();
    });
    const res = await c.request(request(server.origin, { method: 'HEAD', maxResponseBytes: 10 }));
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('1000');
    expect(res.body.byteLength).toBe(0);
    expect(server.requests[0]?.method).toBe('HEAD');
  });

  it('sends a binary body intact and returns response headers lower-cased and joined', async () => {
    const server = await serve(echo);
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const res = await c.request(request(`${server.origin}/bin`, { method: 'POST', body: bytes }));
    const seen = JSON.parse(text(res.body));
    expect(new Uint8Array(Buffer.from(seen.body, 'base64'))).toEqual(bytes);
    expect(seen.headers['content-length']).toBe('256');
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(res.headers['x-multi']).toBe('one, two');
    expect(res.headers['x-mixed-case']).toBe('yes');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toBeInstanceOf(Uint8Array);
  });

  it('sends a default User-Agent unless the request sets one, and drops headers it manages', async () => {
    const server = await serve(echo);
    const first = JSON.parse(text((await c.request(request(server.origin))).body));
    expect(first.headers['user-agent']).toBe('Connectors/1.0');
    const second = JSON.parse(
      text(
        (
          await c.request(
            request(server.origin, {
              headers: { 'User-Agent': 'mine/2', Host: 'evil.test', Connection: 'close' },
            }),
          )
        ).body,
      ),
    );
    expect(second.headers['user-agent']).toBe('mine/2');
    expect(second.headers.host).toBe(`127.0.0.1:${server.port}`);
  });

  it('returns HTTP error statuses as responses', async () => {
    const server = await serve((_req, res) => res.writeHead(503, { 'retry-after': '3' }).end('busy'));
    const res = await c.request(request(server.origin));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('3');
    expect(text(res.body)).toBe('busy');
  });

  it.each<[number, string, string, boolean]>([
    [301, 'POST', 'GET', false],
    [302, 'POST', 'GET', false],
    [303, 'POST', 'GET', false],
    [307, 'POST', 'POST', true],
    [308, 'POST', 'POST', true],
    [303, 'PUT', 'GET', false],
    [301, 'PUT', 'PUT', true],
    [302, 'DELETE', 'DELETE', false],
    [303, 'HEAD', 'HEAD', false],
    [301, 'GET', 'GET', false],
  ])('%i after %s → %s (body kept: %s)', async (status, method, expectedMethod, keepsBody) => {
    const server = await serve((req, res) => {
      if (req.url === '/start') return res.writeHead(status, { location: '/landed' }).end('moved');
      echo(req, res, server);
    });
    const hasBody = method === 'POST' || method === 'PUT';
    const res = await c.request(
      request(`${server.origin}/start`, {
        method,
        headers: hasBody ? { 'content-type': 'text/plain' } : {},
        ...(hasBody ? { body: 'payload' } : {}),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.redirects).toBe(1);
    expect(res.url).toBe(`${server.origin}/landed`);
    const landed = server.requests[1];
    expect(landed?.method).toBe(expectedMethod);
    expect(landed?.body.toString()).toBe(keepsBody && hasBody ? 'payload' : '');
    if (hasBody) expect(landed?.headers['content-type']).toBe(keepsBody ? 'text/plain' : undefined);
  });

  const credentialHeaders = {
    Authorization: 'Bearer tok_abcdef',
    Cookie: 'session=xyz',
    'Proxy-Authorization': 'Basic cHJveHk=',
    'X-Api-Key': 'key_123456',
    'X-Trace': 'keep-me',
  };

  it('drops credentials on a redirect to another origin (another port)', async () => {
    const other = await serve(ok);
    const first = await serve((_req, res) => res.writeHead(307, { location: `${other.origin}/next` }).end());
    const res = await c.request(
      request(`${first.origin}/start`, { headers: credentialHeaders, sensitiveHeaders: ['x-api-key'] }),
    );
    expect(res.status).toBe(200);
    expect(first.requests[0]?.headers.authorization).toBe('Bearer tok_abcdef');
    const received = other.requests[0]?.headers ?? {};
    expect(received.authorization).toBeUndefined();
    expect(received.cookie).toBeUndefined();
    expect(received['proxy-authorization']).toBeUndefined();
    expect(received['x-api-key']).toBeUndefined();
    expect(received['x-trace']).toBe('keep-me');
  });

  it('keeps credentials on a same-origin redirect', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/start') return res.writeHead(302, { location: '/next' }).end();
      res.end('ok');
    });
    await c.request(
      request(`${server.origin}/start`, { headers: credentialHeaders, sensitiveHeaders: ['x-api-key'] }),
    );
    const received = server.requests[1]?.headers ?? {};
    expect(received.authorization).toBe('Bearer tok_abcdef');
    expect(received.cookie).toBe('session=xyz');
    expect(received['x-api-key']).toBe('key_123456');
  });

  const secret = 'sk_live_S3cr3t/Value+';
  it.each([
    ['raw', `?token=${secret}`],
    ['URL-encoded', `?token=${encodeURIComponent(secret)}`],
    ['URL-encoded in lower case', `?token=${encodeURIComponent(secret).toLowerCase()}`],
    ['base64', `?t=${Buffer.from(secret).toString('base64')}`],
    ['base64url', `/cb/${Buffer.from(secret).toString('base64url')}`],
  ])('refuses a cross-origin redirect carrying a secret (%s)', async (_form, suffix) => {
    const other = await serve(ok);
    const first = await serve((_req, res) =>
      res.writeHead(302, { location: `${other.origin}/cb${suffix}` }).end(),
    );
    const error = await failure(c, request(first.origin, { secretValues: [secret] }));
    expect(error.code).toBe('redirect_leaks_secret');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(secret);
    expect(other.connections).toBe(0);
  });

  it('follows a same-origin redirect that repeats the secret (it goes back where it was sent)', async () => {
    const server = await serve((req, res) => {
      if (req.url?.startsWith('/v1')) return res.writeHead(301, { location: `/v2?key=${secret}` }).end();
      res.end('ok');
    });
    const res = await c.request(request(`${server.origin}/v1`, { secretValues: [secret] }));
    expect(res.status).toBe(200);
  });

  const chain = (hops: number) =>
    serve((req, res) => {
      const n = Number(req.url?.slice(1));
      if (n < hops) return res.writeHead(302, { location: `/${n + 1}` }).end();
      res.end(`done after ${n}`);
    });

  it('follows up to maxRedirects (5) hops', async () => {
    const server = await chain(5);
    const res = await c.request(request(`${server.origin}/0`));
    expect(text(res.body)).toBe('done after 5');
    expect(res.redirects).toBe(5);
    expect(res.url).toBe(`${server.origin}/5`);
  });

  it('fails with too_many_redirects on the 6th', async () => {
    const server = await chain(6);
    const error = await failure(c, request(`${server.origin}/0`));
    expect(error.code).toBe('too_many_redirects');
    expect(server.requests).toHaveLength(6);
  });

  it('honours a custom maxRedirects', async () => {
    const server = await chain(1);
    const strict = client({ allowPrivateNetwork: true, maxRedirects: 0 });
    expect((await failure(strict, request(`${server.origin}/0`))).code).toBe('too_many_redirects');
  });

  it('returns a 3xx without Location as the response', async () => {
    const server = await serve((_req, res) => res.writeHead(302).end('nowhere to go'));
    const res = await c.request(request(server.origin));
    expect(res.status).toBe(302);
    expect(res.redirects).toBe(0);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect((await failure(c, request(server.origin))).code).toBe('unsupported_protocol');
  });

  it('times out on a server that never answers, within about timeoutMs', async () => {
    const server = await serve(() => {});
    const started = Date.now();
    const error = await failure(c, request(server.origin, { timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
  });

  it('times out on a server that trickles its body (the deadline covers the body too)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await failure(c, request(server.origin, { timeoutMs: 400 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('stops reading a huge body past maxResponseBytes and closes the connection', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      // Send until the client hangs up: a body with no end.
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const closed = server.socketClosed();
    const error = await failure(c, request(server.origin, { maxResponseBytes: 1024 * 1024 }));
    expect(error.code).toBe('response_too_large');
    expect(error.retryable).toBe(false);
    await closed;
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('fails at once on a declared Content-Length above the limit', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('start');
    });
    const closed = server.socketClosed();
    const error = await failure(c, request(server.origin, { maxResponseBytes: 1024 }));
    expect(error.code).toBe('response_too_large');
    await closed;
  });

  it('accepts a body of exactly maxResponseBytes', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(1000, 'a')));
    const res = await c.request(request(server.origin, { maxResponseBytes: 1000 }));
    expect(res.body.byteLength).toBe(1000);
  });

  it('aborts when the caller’s signal fires', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(c, request(server.origin, { signal: controller.signal, timeoutMs: 5000 }));
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });

  it('does not even connect with an already-aborted signal', async () => {
    const server = await serve(ok);
    const controller = new AbortController();
    controller.abort();
    const error = await failure(c, request(server.origin, { signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(server.connections).toBe(0);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const server = await serve(ok);
    const { port } = server;
    await server.close();
    const error = await failure(c, request(`http://127.0.0.1:${port}/`));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toBe('Network error while contacting 127.0.0.1: connection refused');
  });
});
