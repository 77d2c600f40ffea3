import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two forks on CI's two cores: many files wait on SQLite, PostgreSQL or child processes, so they overlap well.
    maxWorkers: 2,
  },
});
