import { check, type E2ETest } from './support/e2e-context';
import { signUp } from './support/sign-up';

const CURL = `curl -X POST 'https://api.hunter.io/v2/email-finder?domain=acme.com' \\
  -H 'Authorization: Bearer sk_live_123' \\
  -H 'Content-Type: application/json' \\
  -d '{"first_name": "Ada", "last_name": "Lovelace"}'`;

/** Starting from a template, importing a request from cURL, and the screens around the editor. */
export const tests: E2ETest[] = [
  {
    name: 'installs a template, imports a node from cURL, and lists problems',
    async run({ page, baseUrl, shot, log }) {
      await signUp(page, baseUrl, 'grace');

      log('empty states of the other screens');
      for (const [link, name] of [
        ['Flows', 'flows-empty'],
        ['Contacts', 'contacts-empty'],
        ['Executions', 'executions-empty'],
      ] as const) {
        await page.getByRole('link', { name: link, exact: true }).click();
        await page.locator('.empty-state').waitFor();
        await shot(name);
      }

      log('install the HubSpot template');
      await page.getByRole('link', { name: 'Templates', exact: true }).click();
      await page.locator('.template-card').first().waitFor();
      await shot('templates');
      await page.getByRole('button', { name: 'Install HubSpot Contact Enrichment' }).click();
      await page.waitForURL(/\/connectors\/[0-9a-f-]{36}$/);
      await page.locator('.cn-node[data-node-id="step_3"]').waitFor();
      check((await page.locator('.cn-node').count()) === 4, 'the template opens with its four nodes');
      await shot('editor-template');

      log('import a request from cURL');
      await page.getByRole('button', { name: 'Import cURL' }).click();
      await page.getByLabel('curl command').fill(CURL);
      await page.getByText('The command holds a secret in clear').waitFor();
      await shot('curl-import');
      await page.getByRole('button', { name: 'Add HTTP request' }).click();
      const inspector = page.getByRole('complementary', { name: 'Inspector: Node step_4' });
      await inspector.waitFor();
      check(
        (await inspector.getByRole('combobox', { name: 'URL' }).inputValue()) ===
          'https://api.hunter.io/v2/email-finder',
        'the URL without its query',
      );
      check(
        (await inspector.getByLabel('Query parameters 1 name').inputValue()) === 'domain',
        'the query string became a parameter',
      );

      log('the new node is not connected: the problems panel says so');
      await page.getByRole('button', { name: /^Problems:/ }).click();
      await page
        .getByRole('region', { name: 'Problems' })
        .getByText(/step_4/)
        .first()
        .waitFor();
      await shot('problems-panel');
      check(
        await page.getByRole('button', { name: 'Test run' }).isDisabled(),
        'Test run is disabled while there are problems',
      );

      log('undo removes the imported node');
      await page.keyboard.press('Escape');
      await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => document.querySelectorAll('.cn-node').length === 4);
    },
  },
];
