import type { Page } from 'playwright-core';

/**
 * Signs up a new user through the app's own form (a fresh workspace for each test, so tests share
 * nothing) and waits for the connectors list it lands on. `name` tells the tests' users apart.
 */
export async function signUp(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('E-mail').fill(`${name}+${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/connectors');
}
