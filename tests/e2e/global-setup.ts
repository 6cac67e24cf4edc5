import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

/** Build the example help center once for all browser tests, exactly as `npm run build` does. */
export default function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  const outDir = resolve(root, '.tmp/e2e-dist');
  execFileSync(process.execPath, ['scripts/build.ts', `--out=${outDir}`], {
    cwd: root,
    env: { ...process.env, KB_CONFIG: resolve(root, 'tests/e2e/kb.config.e2e.yml'), KB_QUIET: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  project.provide('distDir', outDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
