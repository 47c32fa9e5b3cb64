/**
 * End-to-end tests: builds the web app, starts the mock HubSpot API, the real API server (throw-away
 * DATA_DIR) and the app, then drives Debian's Chromium through every `e2e/*.e2e.ts`.
 *
 *   pnpm --filter @connectors/web e2e                 # build, then run
 *   pnpm --filter @connectors/web e2e --no-build      # reuse dist/
 *   pnpm --filter @connectors/web screenshots         # also write docs/screenshots/*.png
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './support/browser';
import type { E2ETest } from './support/e2e-context';
import { startMockHubSpot } from './support/mock-hubspot';
import { REPO_DIR, startApi, WEB_DIR } from './support/processes';
import { serveWeb } from './support/serve-web';

const args = new Set(process.argv.slice(2));
const screenshots = args.has('--screenshots');
const only = process.env.E2E_ONLY;
const SHOTS = join(REPO_DIR, 'docs', 'screenshots');
const ARTIFACTS = join(WEB_DIR, 'e2e-artifacts');

async function main(): Promise<number> {
  if (!args.has('--no-build')) {
    console.log('[e2e] building the web app');
    execFileSync(
      process.execPath,
      [join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: WEB_DIR, stdio: 'inherit' },
    );
  }
  const files = readdirSync(join(WEB_DIR, 'e2e'))
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  const tests: E2ETest[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(WEB_DIR, 'e2e', file)).href)) as { tests: E2ETest[] };
    tests.push(...mod.tests.filter((t) => !only || t.name.includes(only)));
  }
  console.log('[e2e] starting the mock HubSpot API and the API server');
  const mock = await startMockHubSpot();
  const api = await startApi();
  const web = await serveWeb(api.url);
  console.log(`[e2e] app at ${web.url} (served by ${web.via}), API at ${api.url}, mock at ${mock.url}`);
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        colorScheme: 'light',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const started = Date.now();
      try {
        await test.run({
          page,
          baseUrl: web.url,
          mock,
          log: (m) => console.log(`    ${m}`),
          shot: async (name) => {
            if (!screenshots) return;
            mkdirSync(SHOTS, { recursive: true });
            await page.waitForTimeout(250);
            await page.screenshot({ path: join(SHOTS, `${name}.png`) });
          },
        });
        if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
        passed++;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        mkdirSync(ARTIFACTS, { recursive: true });
        const file = join(ARTIFACTS, `${test.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.log(`  ✗ ${test.name}\n    ${(error as Error).stack ?? error}\n    screenshot: ${file}`);
        console.log(`    API log (tail):\n${api.logs.join('').split('\n').slice(-20).join('\n')}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await web.close();
    await api.stop();
    await mock.close();
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
