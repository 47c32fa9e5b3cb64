import type { Page } from 'playwright-core';
import type { MockHubSpot } from './mock-hubspot';

/** What each end-to-end test gets: a fresh page on the served app, the mock API, a screenshot helper. */
export interface E2EContext {
  page: Page;
  baseUrl: string;
  mock: MockHubSpot;
  /** Saves `docs/screenshots/<name>.png` when run with `--screenshots`; otherwise does nothing. */
  shot: (name: string) => Promise<void>;
  log: (message: string) => void;
}

export interface E2ETest {
  name: string;
  run: (ctx: E2EContext) => Promise<void>;
}

/** Throws with a message when a condition does not hold (the e2e files use no test framework). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Check failed: ${message}`);
}
