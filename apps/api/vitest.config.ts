import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // API tests start servers and databases; two cores go further one file at a time per worker.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
