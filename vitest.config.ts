import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Two files at a time, in the one shared Chromium: most of a browser test is waiting (for a debounce, a
          // reload, a server), which the other file fills. The sites are built once, read-only afterwards.
          maxWorkers: 2,
        },
      },
    ],
  },
});
