import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { check, type E2ETest } from './support/e2e-context';
import { signUp } from './support/sign-up';

interface Logged {
  method: string;
  path: string;
}

/**
 * A local API for this test only: search finds contact 101, the first URL of step 2 answers 500, the
 * fixed one answers 200 (slowly, so the retried run is seen running). Every request is logged.
 */
async function startFlakyApi(): Promise<{ url: string; log: Logged[]; close: () => Promise<void> }> {
  const log: Logged[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    log.push({ method: req.method ?? 'GET', path });
    req.resume();
    const send = (status: number, body: unknown, delayMs = 0) =>
      setTimeout(
        () => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        delayMs,
      );
    if (req.method === 'POST' && path === '/search') return send(200, { total: 1, results: [{ id: '101' }] });
    if (path === '/broken/contacts/101') {
      return send(500, { status: 'error', message: 'Upstream exploded', correlationId: 'c-9f2' });
    }
    if (path === '/v2/contacts/101') {
      return send(200, { id: '101', properties: { firstname: 'Ada', lastname: 'Lovelace' } }, 3000);
    }
    if (path === '/companies/101') return send(200, { name: 'Analytical Engines Ltd' }, 600);
    return send(404, { message: 'no route' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The connector of the story: search → get contact (broken URL) → output. */
function connectorBody(base: string) {
  return {
    name: 'Enrich from CRM',
    config: {
      version: 1,
      nodes: [
        {
          id: 'step_1',
          type: 'http',
          position: { x: 0, y: 0 },
          data: {
            name: 'Search contact',
            method: 'POST',
            url: `${base}/search`,
            body: { email: '{{contact.email}}' },
          },
        },
        {
          id: 'step_2',
          type: 'http',
          position: { x: 340, y: 0 },
          data: {
            name: 'Get contact',
            method: 'GET',
            url: `${base}/broken/contacts/{{step_1.contactId}}`,
            retry: { maxAttempts: 2, factor: 2, minDelayMs: 400, maxDelayMs: 400 },
          },
        },
        {
          id: 'step_3',
          type: 'http',
          position: { x: 340, y: 220 },
          data: { name: 'Get company', method: 'GET', url: `${base}/companies/{{step_1.contactId}}` },
        },
        {
          id: 'output',
          type: 'output',
          position: { x: 680, y: 100 },
          data: {
            name: 'Update contact',
            join: 'any',
            fieldMappings: { first_name: '{{step_2.firstName}}', company: '{{step_3.company}}' },
          },
        },
      ],
      edges: [
        { id: 'e1', source: 'step_1', target: 'step_2', data: { mapping: { contactId: 'results[0].id' } } },
        {
          id: 'e2',
          source: 'step_2',
          target: 'output',
          data: { mapping: { firstName: 'properties.firstname' } },
        },
        { id: 'e3', source: 'step_1', target: 'step_3', data: { mapping: { contactId: 'results[0].id' } } },
        { id: 'e4', source: 'step_3', target: 'output', data: { mapping: { company: 'name' } } },
      ],
    },
  };
}

async function apiPost(page: Page, baseUrl: string, path: string, body: unknown) {
  const res = await page.request.post(`${baseUrl}/api/v1${path}`, { data: body });
  check(res.ok(), `POST ${path} answered ${res.status()}: ${await res.text()}`);
  return res.json();
}

const node = (page: Page, id: string) => page.locator(`.run-node[data-node="${id}"]`);

/**
 * Issue 6: a connector fails on its second step; the user opens the run, sees step 2 highlighted with
 * the 500 it got, fixes the URL in the editor, retries from the failed step, and the run succeeds
 * without calling step 1 again.
 */
export const tests: E2ETest[] = [
  {
    name: 'debugs a failed run: opens it, fixes the step in the editor, retries from the failed step',
    async run({ page, baseUrl, shot, log }) {
      const flaky = await startFlakyApi();
      try {
        log('sign up, create the connector and a contact, execute it');
        await signUp(page, baseUrl, 'linus');
        const connector = await apiPost(page, baseUrl, '/connectors', connectorBody(flaky.url));
        const contact = await apiPost(page, baseUrl, '/contacts', {
          email: 'ada@example.com',
          first_name: 'Ada',
        });
        const { executionId } = await apiPost(page, baseUrl, `/connectors/${connector.id}/execute`, {
          contactId: contact.id,
        });

        log('the failed run is in the history with its step counts');
        await page.getByRole('link', { name: 'Executions', exact: true }).click();
        const row = page.locator(`tr[data-execution="${executionId}"]`);
        await row.locator('.status-badge', { hasText: 'Failed' }).waitFor({ timeout: 30_000 });
        const rowText = (await row.textContent()) ?? '';
        check(
          rowText?.includes('Enrich from CRM') && rowText.includes('Ada'),
          `row names connector and contact (${rowText})`,
        );
        check(rowText.includes('2/4') && rowText.includes('1 failed'), `row counts the steps (${rowText})`);
        await shot('run-history');

        log('open the run: step 2 is failed, highlighted and open with its 500');
        await row.getByRole('link', { name: /^Open run/ }).click();
        await page.waitForURL(`**/executions/${executionId}`);
        await node(page, 'step_2').waitFor();
        check((await node(page, 'step_1').getAttribute('data-status')) === 'success', 'step_1 succeeded');
        check((await node(page, 'step_2').getAttribute('data-status')) === 'failed', 'step_2 failed');
        check((await node(page, 'output').getAttribute('data-status')) === 'skipped', 'output skipped');
        check(
          (await node(page, 'step_2').locator('.run-node-attempts').textContent()) === '2 attempts',
          'step_2 shows its two attempts',
        );
        await page.locator('.react-flow__node.selected[data-id="step_2"]').waitFor();
        const panel = page.getByRole('complementary', { name: 'Step step_2' });
        await panel.getByText('HTTP 500').first().waitFor();
        await panel.getByText('Upstream exploded').first().waitFor();
        check(
          (await panel.locator('.attempt-url').textContent()) === `${flaky.url}/broken/contacts/101`,
          'the request shows the URL it called',
        );
        check(
          (await page.locator('[data-edge-id="e1"]').textContent())?.includes('contactId = "101"'),
          'edge e1 shows the value it carried',
        );
        const bars = page.locator('.timeline-row');
        check((await bars.count()) === 4, `four rows on the timeline (${await bars.count()})`);
        // step_2 and step_3 both follow step_1: their bars overlap on the time axis.
        const span = async (id: string) => {
          const bar = page.locator(`.timeline-row[data-step="${id}"] .timeline-bar`);
          return [Number(await bar.getAttribute('data-start')), Number(await bar.getAttribute('data-end'))];
        };
        const [s2, e2] = await span('step_2');
        const [s3, e3] = await span('step_3');
        check(s2! < e3! && s3! < e2!, `the parallel branches overlap (${s2}-${e2}, ${s3}-${e3})`);
        check((await node(page, 'step_3').getAttribute('data-status')) === 'success', 'step_3 finished');
        check(
          (await page.locator('.timeline-row[data-step="step_2"] .timeline-attempt').count()) === 2,
          'the timeline marks both attempts of step_2',
        );
        check(
          (await page.locator('.timeline-row[data-step="step_2"] .timeline-wait').count()) === 1,
          'the timeline marks the backoff wait',
        );
        await shot('run-view-failed');
        await panel.getByRole('tab', { name: /#1/ }).click();
        await panel.getByText('Waited').waitFor();

        log('open the failed node in the editor and fix its URL');
        await page.getByRole('link', { name: 'Open in editor' }).click();
        await page.waitForURL(`**/connectors/${connector.id}?node=step_2`);
        const inspector = page.getByRole('complementary', { name: /^Inspector/ });
        const url = inspector.getByRole('combobox', { name: 'URL' });
        await url.waitFor();
        check((await url.inputValue()).includes('/broken/'), 'the editor opened on step_2');
        await url.fill(`${flaky.url}/v2/contacts/{{step_1.contactId}}`);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .waitFor();

        log('back on the run: it says the connector changed, then retry from the failed step');
        await page.goBack();
        await page.waitForURL(`**/executions/${executionId}`);
        await page.getByRole('note').filter({ hasText: 'The connector changed since this run' }).waitFor();
        check(
          (await page.getByRole('note').textContent())?.includes('reuses step_1, step_3'),
          'the banner says the retry reuses step_1',
        );
        await shot('run-view-changed');
        const searchesBefore = flaky.log.filter((r) => r.path === '/search').length;
        check(searchesBefore === 1, `search called once so far (${searchesBefore})`);
        await page.getByRole('button', { name: 'Retry from failed step' }).click();
        await page.waitForURL(
          (u) => /\/executions\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(executionId),
        );
        const retryId = page.url().split('/').pop() ?? '';

        log('the retry runs live and succeeds without calling step 1 again');
        await page
          .locator('.run-node[data-node="step_2"]:is([data-status="running"], [data-status="success"])')
          .waitFor({ timeout: 30_000 });
        if ((await node(page, 'step_2').getAttribute('data-status')) === 'running') {
          log('seen running');
          await shot('run-view-live');
        }
        await page
          .locator('.run-view-title .status-badge', { hasText: 'Success' })
          .waitFor({ timeout: 30_000 });
        for (const id of ['step_1', 'step_2', 'step_3', 'output']) {
          await page.locator(`.run-node[data-node="${id}"][data-status="success"]`).waitFor();
        }
        check(
          flaky.log.filter((r) => r.path === '/search').length === 1,
          `step 1 was not called again (${JSON.stringify(flaky.log)})`,
        );
        check(flaky.log.filter((r) => r.path === '/broken/contacts/101').length === 2, 'two failed attempts');
        check(
          flaky.log.filter((r) => r.path === '/v2/contacts/101').length === 1,
          'the fixed URL called once',
        );
        check(flaky.log.filter((r) => r.path === '/companies/101').length === 1, 'step 3 was reused too');
        await page.locator('.react-flow__node[data-id="step_2"]').click();
        await page
          .getByRole('complementary', { name: 'Step step_2' })
          .getByText('HTTP 200')
          .first()
          .waitFor();
        await shot('run-view-success');

        log('compare the two runs from the history');
        await page.getByRole('link', { name: 'Executions', exact: true }).click();
        await page
          .locator(`tr[data-execution="${retryId}"]`)
          .locator('.status-badge', { hasText: 'Success' })
          .waitFor();
        await page.locator(`tr[data-execution="${executionId}"] input[type="checkbox"]`).check();
        await page.locator(`tr[data-execution="${retryId}"] input[type="checkbox"]`).check();
        await page.getByRole('button', { name: 'Compare', exact: true }).click();
        await page.waitForURL('**/executions/compare?**');
        const step2 = page.locator('.compare-node[data-node="step_2"]');
        await step2.locator('tr[data-field="request.url"][data-diff="true"]').waitFor();
        check(
          (await step2.locator('tr[data-field="response.status"]').getAttribute('data-diff')) === 'true',
          'the response status differs',
        );
        check(
          (await page.locator('.compare-node[data-node="step_1"]').getAttribute('class'))?.includes(
            'has-diff',
          ) === false,
          'step_1 did the same in both runs',
        );
        await shot('run-compare');

        log('the failed run in the dark theme');
        await page.goto(`${baseUrl}/executions/${executionId}`);
        await page.locator('.react-flow__node.selected[data-id="step_2"]').waitFor();
        await page.getByRole('button', { name: 'Switch to dark theme' }).click();
        await shot('run-view-dark');
        await page.getByRole('button', { name: 'Switch to light theme' }).click();
      } finally {
        await flaky.close();
      }
    },
  },
];
