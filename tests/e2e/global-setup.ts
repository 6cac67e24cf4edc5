import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');

/** Build the example help center with the test config, exactly as `npm run build` does. */
export function buildSite(outDir: string, options: { env?: Record<string, string>; quiet?: boolean } = {}) {
  execFileSync(process.execPath, ['scripts/build.ts', `--out=${outDir}`], {
    cwd: root,
    env: { ...process.env, KB_CONFIG: resolve(root, 'tests/e2e/kb.config.e2e.yml'), KB_QUIET: '1', ...options.env },
    // Quiet: the content warnings were shown once already; errors still come with the exception.
    stdio: options.quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
}

/** Build once for all browser tests. */
export default function setup(project: TestProject) {
  const outDir = resolve(root, '.tmp/e2e-dist');
  buildSite(outDir);
  project.provide('distDir', outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
