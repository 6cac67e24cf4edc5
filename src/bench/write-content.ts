import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generate-content.ts';

/** Replace `dir` with the generated files, so no article from an earlier, larger run lingers. */
export async function writeHelpCenter(dir: string, files: readonly GeneratedFile[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const folders = new Set(files.map((f) => dirname(join(dir, f.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  // Bounded batches: 10k small files at once would exhaust file handles on some machines.
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map((f) => writeFile(join(dir, f.path), f.content)));
  }
}
