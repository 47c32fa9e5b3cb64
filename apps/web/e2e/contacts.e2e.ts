import { check, type E2ETest } from './support/e2e-context';
import { api, hubspotConnector } from './support/flow-fixtures';
import { HUBSPOT_TOKEN } from './support/mock-hubspot';
import { signUp } from './support/sign-up';

const EMAILS = ['ada@example.com', 'grace@example.com', 'alan@example.com'];

/**
 * Contacts: search, select, run a connector on the selection with a live progress bar and a summary;
 * a flow run by hand on one chosen contact; and a flow run on every contact from the flows list.
 */
export const tests: E2ETest[] = [
  {
    name: 'contacts: bulk-runs a connector on selected contacts and a flow on all, runs a flow by hand',
    async run({ page, baseUrl, mock, shot, log }) {
      // The mock HubSpot is shared by every test of the run: count only this test's calls, and leave its
      // log empty for the next test.
      const first = mock.requests.length;
      const calls = () => mock.requests.slice(first);
      try {
        await signUp(page, baseUrl, 'bulk');
        await api(page, baseUrl, 'POST', '/workspace/credentials', {
          service: 'hubspot',
          credentials: { token: HUBSPOT_TOKEN },
        });
        const connector = await api<{ id: string }>(
          page,
          baseUrl,
          'POST',
          '/connectors',
          hubspotConnector(mock.url),
        );
        for (const email of EMAILS) await api(page, baseUrl, 'POST', '/contacts', { email });

        log('search, then select two contacts');
        await page.getByRole('link', { name: 'Contacts', exact: true }).click();
        await page.getByRole('cell', { name: 'alan@example.com', exact: true }).waitFor();
        await page.getByRole('searchbox', { name: 'Search contacts' }).fill('grace');
        await page.waitForFunction(() => document.querySelectorAll('.contacts-table tbody tr').length === 1);
        await page.getByRole('searchbox', { name: 'Search contacts' }).fill('');
        await page.waitForFunction(() => document.querySelectorAll('.contacts-table tbody tr').length === 3);
        await page.getByRole('checkbox', { name: 'Select ada@example.com' }).check();
        await page.getByRole('checkbox', { name: 'Select grace@example.com' }).check();
        await page.getByText('2 selected').waitFor();
        await shot('contacts-selected');

        log('run the connector on them and watch the progress');
        await page.getByRole('button', { name: 'Run connector…' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Connector to run').selectOption({ label: '★ HubSpot enrichment' });
        await dialog.getByRole('button', { name: 'Run on 2 selected contacts' }).click();
        await dialog.getByRole('progressbar').waitFor();
        await dialog.getByText(/^All 2 runs succeeded; \d+ fields changed\.$/).waitFor({ timeout: 30_000 });
        await shot('contacts-bulk-progress');
        const searches = calls().filter((r) => r.path.endsWith('/contacts/search'));
        check(searches.length === 2, `one HubSpot search per contact (${searches.length})`);
        check(
          searches.map((r) => JSON.stringify(r.body)).some((b) => b.includes('grace@example.com')),
          'each contact was searched by its own e-mail',
        );
        await dialog.getByRole('button', { name: 'Done' }).click();
        await page.getByRole('link', { name: 'Ada Lovelace' }).first().waitFor();
        const enriched = await page.locator('.contacts-enriched').allTextContents();
        check(
          enriched.filter((t) => t.includes('by connectors')).length === 2,
          `two contacts enriched (${enriched})`,
        );
        await shot('contacts-list');

        log('a flow run by hand on one chosen contact');
        const flow = await api<{ id: string }>(page, baseUrl, 'POST', '/flows', {
          name: 'Enrich on demand',
          enabled: true,
          config: {
            version: 1,
            nodes: [
              {
                id: 'trigger',
                type: 'trigger',
                position: { x: 0, y: 0 },
                data: { name: 'By hand', event: 'manual' },
              },
              {
                id: 'connector_1',
                type: 'connector',
                position: { x: 320, y: 0 },
                data: {
                  name: 'HubSpot enrichment',
                  connectorId: connector.id,
                  inputs: { email: '{{contact.email}}' },
                },
              },
              {
                id: 'update_1',
                type: 'update_contact',
                position: { x: 640, y: 0 },
                data: {
                  name: 'Mark enriched',
                  fieldMappings: { 'metadata.enriched_by': 'Enrich on demand' },
                },
              },
            ],
            edges: [
              { id: 'e1', source: 'trigger', target: 'connector_1' },
              { id: 'e2', source: 'connector_1', target: 'update_1' },
            ],
          },
        });
        await page.goto(`${baseUrl}/flows/${flow.id}`);
        await page.locator('.cn-node[data-node-id="update_1"]').waitFor();
        await page.getByRole('button', { name: 'Run', exact: true }).click();
        const run = page.getByRole('dialog', { name: 'Run this flow' });
        await run.getByRole('searchbox', { name: 'Search contacts' }).fill('alan');
        await run.getByRole('radio', { name: 'alan@example.com' }).check();
        await shot('flows-run-dialog');
        await run.getByRole('button', { name: 'Run on this contact' }).click();
        await page.waitForURL(/\/flow-runs\/[0-9a-f-]{36}$/);
        await page.waitForFunction(
          () =>
            document.querySelector('.cn-node[data-node-id="update_1"]')?.getAttribute('data-run-status') ===
            'success',
          undefined,
          { timeout: 30_000 },
        );
        await page.getByRole('link', { name: /alan@example\.com/ }).click();
        await page.locator('.meta-row', { hasText: 'enriched_by' }).getByText('Enrich on demand').waitFor();

        log('the flow on every contact, from the flows list');
        await page.getByRole('link', { name: 'Flows', exact: true }).click();
        await page.getByRole('button', { name: 'Run Enrich on demand for contacts' }).click();
        const bulk = page.getByRole('dialog');
        await bulk.getByRole('button', { name: 'Run on all contacts' }).click();
        await bulk.getByText(/^All 3 runs succeeded; \d+ fields? changed\.$/).waitFor({ timeout: 60_000 });
        await shot('flows-bulk-progress');
        await bulk.getByRole('button', { name: 'Done' }).click();

        log('a connector on every contact, from the connectors list');
        await page.getByRole('link', { name: 'Connectors', exact: true }).click();
        await page.getByRole('button', { name: 'Run HubSpot enrichment for contacts' }).click();
        const fromConnector = page.getByRole('dialog', { name: 'Run HubSpot enrichment for contacts' });
        await fromConnector.getByLabel('Contacts').fill('grace');
        await fromConnector.getByRole('button', { name: 'Run on contacts matching “grace”' }).click();
        await fromConnector
          .getByText(/^All 1 run succeeded; \d+ fields? changed\.$/)
          .waitFor({ timeout: 30_000 });
      } finally {
        mock.requests.length = 0;
      }
    },
  },
];
