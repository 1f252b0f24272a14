import { defineConfig } from 'vitest/config';

// One shared PGlite instance per worker (see packages/db/src/testing.ts) needs files of a worker
// to share a module graph; each file still gets a database schema of its own.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
