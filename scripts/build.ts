// npm run build: check the content, build into a temporary folder, precompress, then swap it in for dist/.
// A failed build never touches the previous dist/.
import { spawn } from 'node:child_process';
import { readdir, rm, rename } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { getKnowledgeBase } from '../src/content/knowledge-base.ts';
import { collectDiagnostics, printDiagnostics } from '../src/content/report.ts';
import { precompress, exists } from '../src/build/finish-build.ts';
import { plural } from '../src/content/diagnostics.ts';
import { getSearchIndex } from '../src/build/search-index.ts';
import { getSiteData } from '../src/site-data.ts';
import { pruneBuildCache, resolveCacheDir, startBuildCache } from '../src/build/build-cache.ts';
import { renderCacheKind } from '../src/markdown/render-cache.ts';
import { compressCacheKind } from '../src/build/compress-files.ts';

// Astro's telemetry stays off: nothing this project runs calls another host.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// A build is a production build whoever runs it: under NODE_ENV=test (a test runner) Astro would start a dev server
// inside the build and Vite would compile for development.
process.env.NODE_ENV = 'production';

const outDir = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? process.env.KB_OUT_DIR ?? 'dist');
const started = performance.now();
// What the previous build rendered and compressed, reused where the inputs are the same (src/build/build-cache.ts).
const cache = startBuildCache(process.argv.includes('--no-cache') ? undefined : resolveCacheDir());
const kb = await getKnowledgeBase();
// The same index the pages embed and the build writes: the writers' search tests run against it.
// On a large site, related articles are computed on another core while this one builds the search index.
const siteData = getSiteData();
const searchIndex = await getSearchIndex();
await siteData;
const diagnostics = await collectDiagnostics(kb, searchIndex);
if (!printDiagnostics(diagnostics, kb)) {
  console.error('Build stopped: fix the errors above. The previous build output was left as it was.');
  process.exit(1);
}

const staging = `${outDir}.staging-${process.pid}`;
try {
  // The project is the folder this runs in; the Astro config is the generator's own, wherever it is installed
  // (Astro reads the path relative to the root).
  const configFile = relative(process.cwd(), fileURLToPath(new URL('../astro.config.mjs', import.meta.url)));
  await build({ root: process.cwd(), configFile, outDir: staging, logLevel: process.env.KB_QUIET ? 'error' : 'info' });
  await precompress(staging);
} catch (error) {
  await rm(staging, { recursive: true, force: true });
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('The previous build output was left as it was.');
  process.exit(1);
}
const old = `${outDir}.old-${process.pid}`;
if (await exists(outDir)) await rename(outDir, old);
await rename(staging, outDir);
await removeOldOutputs();
if (cache) pruneBuildCache(cache, [renderCacheKind, compressCacheKind]);
console.log(`Built ${plural(kb.articles.length, 'article')} in ${plural(kb.locales.length, 'language')} into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
// Everything is written: do not wait for Astro's and Vite's leftover handles (timers, file watchers, idle
// workers) to wind down on their own, which cost a large site a second or more after the swap.
process.exit(0);

/**
 * The new output is in place; deleting the old one (tens of thousands of files on a large site) need not
 * hold up the writer or CI. A detached process removes it, along with leftovers of interrupted builds.
 */
async function removeOldOutputs() {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.old-`;
  const names = await readdir(parent);
  const targets = names.filter((n) => n.startsWith(prefix)).map((n) => resolve(parent, n));
  if (!targets.length) return;
  const script = 'for (const p of process.argv.slice(1)) require("node:fs").rmSync(p, { recursive: true, force: true })';
  spawn(process.execPath, ['-e', script, ...targets], { detached: true, stdio: 'ignore' }).unref();
}
