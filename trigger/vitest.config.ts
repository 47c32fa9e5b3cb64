import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Each file opens PGlite (WebAssembly) and creates a PostgreSQL database: slow hooks are normal.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
