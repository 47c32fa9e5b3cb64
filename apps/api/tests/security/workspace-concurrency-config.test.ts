import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_WORKER_CONCURRENCY,
  DEFAULT_WORKSPACE_CONCURRENCY,
  loadConfig,
} from '../../src/config';

/**
 * The per-workspace cap is on by default (`workspace-concurrency.test.ts` proves what a cap does to
 * the local worker); `CONNECTORS_WORKSPACE_CONCURRENCY=0` turns it off.
 */
describe('CONNECTORS_WORKSPACE_CONCURRENCY', () => {
  it('defaults to 32, below the default worker concurrency of 48, so the cap is in force', () => {
    const config = loadConfig({});
    expect(DEFAULT_WORKSPACE_CONCURRENCY).toBe(32);
    expect(DEFAULT_WORKER_CONCURRENCY).toBe(48);
    expect(config.workspaceConcurrency).toBe(32);
    expect(config.workerConcurrency).toBe(48);
    expect(config.workspaceConcurrency).toBeLessThan(config.workerConcurrency);
  });

  it('takes a number, and 0 turns the cap off', () => {
    expect(loadConfig({ CONNECTORS_WORKSPACE_CONCURRENCY: '3' }).workspaceConcurrency).toBe(3);
    expect(loadConfig({ CONNECTORS_WORKSPACE_CONCURRENCY: '0' }).workspaceConcurrency).toBeUndefined();
  });

  it('refuses a negative or non-numeric value, naming the variable', () => {
    for (const value of ['-1', 'many', '1.5']) {
      expect(() => loadConfig({ CONNECTORS_WORKSPACE_CONCURRENCY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ CONNECTORS_WORKSPACE_CONCURRENCY: value })).toThrow(
        /CONNECTORS_WORKSPACE_CONCURRENCY/,
      );
    }
  });
});
