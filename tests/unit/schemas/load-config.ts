import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';
import { loadSiteConfig } from '../../../src/content/load-site-config.ts';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';

/**
 * For a test file: `load(yaml, files)` writes a kb.config.yml in its own temporary folder (with `files` beside it)
 * and loads it as the build does, with the writer's lines naming the file `kb.config.yml`. Removed after the file.
 */
export function configLoader(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;
  return function load(yaml: string, files: Record<string, string> = {}) {
    const dir = join(root, String(++n));
    for (const [path, body] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), body);
    }
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'kb.config.yml');
    writeFileSync(file, yaml);
    const { config, diagnostics } = loadSiteConfig(file);
    return { config, dir, lines: diagnostics.map((d) => formatDiagnostic(d).replace(relative(process.cwd(), file), 'kb.config.yml')) };
  };
}
