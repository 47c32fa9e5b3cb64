import { check, type E2ETest } from './support/e2e-context';
import { editorDriver } from './support/editor-driver';
import { api, hubspotConnector } from './support/flow-fixtures';
import { HUBSPOT_TOKEN } from './support/mock-hubspot';
import { signUp } from './support/sign-up';

/**
 * The Flow Builder end to end: "on contact created → HubSpot enrichment → if industry = Technology →
 * update contact", built on the canvas; a contact created in the app starts it; the run view shows every
 * node green and opens the connector's own run; the contact page shows what changed and who changed it.
 */
export const tests: E2ETest[] = [
  {
    name: 'builds a flow on the canvas, a new contact runs it, and the run opens its child run',
    async run({ page, baseUrl, mock, shot, log }) {
      // The mock HubSpot is shared by every test of the run: count only this test's calls, and leave its
      // log empty for the next test.
      const first = mock.requests.length;
      const calls = () => mock.requests.slice(first);
      try {
        log('sign up, store the HubSpot token, create the enrichment connector');
        await signUp(page, baseUrl, 'flow');
        await api(page, baseUrl, 'POST', '/workspace/credentials', {
          service: 'hubspot',
          credentials: { token: HUBSPOT_TOKEN },
        });
        await api(page, baseUrl, 'POST', '/connectors', hubspotConnector(mock.url));

        log('create a flow');
        await page.getByRole('link', { name: 'Flows', exact: true }).click();
        await page.getByRole('heading', { name: 'No flows yet' }).waitFor();
        await shot('flows-empty');
        await page.getByRole('button', { name: 'New flow' }).click();
        await page.getByLabel('Name').fill('Tag technology contacts');
        await page.getByRole('button', { name: 'Create flow' }).click();
        await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
        await page.locator('.cn-node[data-node-id="trigger"]').waitFor();
        const insp = page.getByRole('complementary', { name: /^Inspector/ });

        log('trigger: on contact created');
        await page.locator('.cn-node[data-node-id="trigger"] .cn-node-title').click();
        await insp.getByRole('radio', { name: /When a contact is created/ }).check();

        log('drag the connector from the palette: its form comes from the input schema');
        await page
          .locator('.palette-item[data-connector-id]')
          .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 620, y: 300 } });
        await page.locator('.cn-node[data-node-id="connector_1"]').waitFor();
        check(
          (await insp.getByRole('combobox', { name: /E-mail/ }).inputValue()) === '{{contact.email}}',
          'the email input is filled from the contact',
        );
        await editorDriver(page).connect('trigger', 'success', 'connector_1');
        await page
          .locator('.cn-node[data-node-id="connector_1"]')
          .getByRole('button', { name: 'Show steps' })
          .click();
        await page
          .getByRole('list', { name: 'Steps of HubSpot enrichment' })
          .getByText('Get company')
          .waitFor();
        await shot('flows-builder-connector');

        log('preview the connector graph, read-only');
        await page.getByRole('button', { name: 'Preview the graph of HubSpot enrichment' }).click();
        const preview = page.getByRole('dialog', { name: /HubSpot enrichment/ });
        await preview.locator('.cn-node[data-node-id="step_3"]').waitFor();
        check((await preview.locator('.cn-node').count()) === 4, 'the preview shows the four inner nodes');
        await shot('flows-connector-preview');
        await preview.getByRole('button', { name: 'Done' }).click();
        await page.locator('.cn-node[data-node-id="connector_1"] .cn-node-title').click();

        log('add a condition on the industry, carried from the connector output');
        await page.locator('.palette-item[data-node-type="condition"]').click();
        await page.locator('.cn-node[data-node-id="condition_1"]').waitFor();
        await insp
          .getByRole('combobox', { name: 'Expression (JSONata)' })
          .fill('connector_1.industry = "Technology"');
        // The condition reads a value no edge carries yet: its one-click fix adds it to the edge, opened.
        await insp.getByRole('button', { name: 'Carry industry on e2' }).click();
        await insp.getByRole('combobox', { name: 'Mapping industry expression' }).fill('`metadata.industry`');

        log('add the contact update on the true branch');
        await page.locator('.cn-node[data-node-id="condition_1"] .cn-node-title').click();
        await page.locator('.palette-item[data-node-type="update_contact"]').click();
        await page.locator('.cn-node[data-node-id="update_1"]').waitFor();
        await insp.getByRole('button', { name: 'Add field' }).click();
        await insp.getByLabel('Contact field 1').fill('metadata.segment');
        await insp.getByRole('combobox', { name: 'Value for metadata.segment' }).fill('Technology account');
        const trueEdge = await page.locator('.react-flow__edge[data-id="e3"]').count();
        check(trueEdge === 1, 'the update hangs from the condition');

        log('switch it on, check, save');
        await page.getByRole('button', { name: 'Auto-layout' }).click();
        await page.getByRole('button', { name: 'Flow settings', exact: true }).click();
        await insp.getByText('Disabled: runs only by hand').click();
        await insp.getByText('Enabled: runs on its trigger').waitFor();
        await page.getByRole('button', { name: /^Problems: 0 errors/ }).waitFor();
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^Saved$/ })
          .waitFor();
        await shot('flows-builder');
        const flowUrl = page.url();

        log('the flows list shows it on');
        await page.getByRole('link', { name: 'Back to Flows' }).click();
        await page.getByRole('link', { name: /Tag technology contacts/ }).waitFor();
        check(
          await page.getByRole('switch', { name: 'Enable Tag technology contacts' }).isChecked(),
          'the flow is on',
        );
        await shot('flows-list');

        log('a new contact starts the flow');
        await page.getByRole('link', { name: 'Contacts', exact: true }).click();
        await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
        await shot('contacts-empty');
        await page.getByRole('button', { name: 'New contact' }).first().click();
        await page.getByLabel('E-mail').fill('ada@example.com');
        await page.getByRole('button', { name: 'Add contact' }).click();
        await page.getByRole('cell', { name: 'ada@example.com', exact: true }).waitFor();

        log('watch the run');
        await page.goto(flowUrl);
        const runLink = page.locator('.fl-run-link').first();
        await runLink.waitFor({ timeout: 20_000 });
        await runLink.click();
        await page.waitForURL(/\/flow-runs\/[0-9a-f-]{36}$/);
        await page
          .getByRole('complementary', { name: 'Run details' })
          .locator('.status-badge')
          .filter({ hasText: /^Success$/ })
          .first()
          .waitFor({ timeout: 30_000 });
        for (const id of ['trigger', 'connector_1', 'condition_1', 'update_1']) {
          const node = page.locator(`.cn-node[data-node-id="${id}"]`);
          await page.waitForFunction(
            (sel) => document.querySelector(sel)?.getAttribute('data-run-status') === 'success',
            `.cn-node[data-node-id="${id}"]`,
            { timeout: 15_000 },
          );
          check((await node.getAttribute('data-run-status')) === 'success', `${id} is green`);
        }
        check(calls().length >= 3, `HubSpot was called (${calls().length})`);
        await shot('flows-run');

        log('open the child run');
        await page.getByRole('link', { name: /Open connector run/ }).click();
        await page.waitForURL(/\/executions\/[0-9a-f-]{36}/);
        await page.locator('.cn-node[data-node-id="step_3"]').waitFor({ timeout: 15_000 });

        log('the contact shows what changed, and who changed it');
        await page.getByRole('link', { name: 'Contacts', exact: true }).click();
        await page.getByRole('link', { name: 'Ada Lovelace' }).click();
        await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
        await page.locator('.meta-row', { hasText: 'segment' }).getByText('Technology account').waitFor();
        const history = page.getByRole('list', { name: 'Enrichment history' });
        await history.getByRole('link', { name: 'HubSpot enrichment' }).waitFor();
        check(
          (await history.getByRole('row', { name: /metadata\.industry.*Technology/ }).count()) === 1,
          'the history shows the industry the connector wrote',
        );
        check(
          (await page.locator('.contact-field', { hasText: 'First name' }).textContent())?.includes(
            'Set by HubSpot enrichment',
          ),
          'the first name says which connector set it',
        );
        check(
          (await page.getByLabel('First name').inputValue()) === 'Ada',
          'the connector filled the first name',
        );
        await shot('contacts-detail');

        log('dark theme');
        await page.getByRole('button', { name: 'Switch to dark theme' }).click();
        await shot('contacts-detail-dark');
        await page.goto(flowUrl);
        await page.locator('.cn-node[data-node-id="update_1"]').waitFor();
        await shot('flows-builder-dark');
        await page.getByRole('button', { name: 'Switch to light theme' }).click();
      } finally {
        mock.requests.length = 0;
      }
    },
  },
];
