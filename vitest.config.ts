import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
          // Files share a worker's module cache: importing the generator (unified, zod, the search engine) once per
          // worker rather than once per file is a third of the unit tests' time. No test relies on a fresh module.
          isolate: false,
          // Vitest runs projects of one run in one pool, which needs one worker count (npm test runs them apart).
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          // As in the unit tests: files share a worker's imports (Playwright, the harness). Each file still starts its own
          // harness and contexts, and no file keeps module state. Measured: 5 % less CPU, 5 s less wall time.
          isolate: false,
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A poll waits for what a reader would see next (a navigation, a panel); on a loaded machine that can take
          // longer than Vitest's default second. It still fails, with the last value, if it never comes.
          expect: { poll: { timeout: 10_000 } },
          // Two files at a time, in the one shared Chromium: most of a browser test is waiting (for a debounce, a
          // reload, a server), which the other file and the unit tests (npm test runs them alongside) fill. Three
          // overloaded two cores. The sites are built once, read-only afterwards.
          maxWorkers: 2,
        },
      },
    ],
  },
});
