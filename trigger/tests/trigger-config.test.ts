import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('trigger.config.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('takes the project ref from TRIGGER_PROJECT_REF and deploys the tasks folder on Node', async () => {
    vi.stubEnv('TRIGGER_PROJECT_REF', 'proj_abcdefghijklmnopqrst');
    const { default: config } = await import('../trigger.config');
    expect(config).toMatchObject({
      project: 'proj_abcdefghijklmnopqrst',
      dirs: ['./src/tasks'],
      runtime: 'node',
      maxDuration: 3_600,
      retries: { default: { maxAttempts: 5 } },
    });
    for (const dir of config.dirs ?? []) {
      expect(existsSync(fileURLToPath(new URL(`../${dir}`, import.meta.url)))).toBe(true);
    }
  });
});
