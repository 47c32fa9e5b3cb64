import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webAppRoutes } from '../src/web/serve-web-app';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function build(dir: string, asset: string) {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'assets', asset), `console.log('${asset}')`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><script src="/assets/${asset}"></script>`);
}

describe('the web app', () => {
  it('serves a rebuilt app at the next page load, without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
    dirs.push(dir);
    build(dir, 'index-aaa.js');
    const app = webAppRoutes(dir);

    for (const path of ['/', '/connectors/123', '/index.html']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('/assets/index-aaa.js');
    }
    const asset = await app.request('/assets/index-aaa.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    // A new build: new asset names in a new index.html.
    build(dir, 'index-bbb.js');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'index.html'), later, later);
    expect(await (await app.request('/flows')).text()).toContain('/assets/index-bbb.js');
    expect((await app.request('/assets/index-bbb.js')).status).toBe(200);
    expect((await app.request('/api/v1/nothing')).status).toBe(404);
    // A page loaded before the rebuild asks for an asset that is gone: 404, not the page as JavaScript.
    expect((await app.request('/assets/index-gone.js')).status).toBe(404);
  });

  it('says how to build it until it is built, then serves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
    dirs.push(dir);
    const app = webAppRoutes(dir);
    const before = await app.request('/');
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('The web app is not built');
    expect((await app.request('/connectors')).status).toBe(404);
    build(dir, 'index-ccc.js');
    expect(await (await app.request('/')).text()).toContain('/assets/index-ccc.js');
  });
});
