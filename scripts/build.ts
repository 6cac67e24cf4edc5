// npm run build: check the content, build into a temporary folder, precompress, then swap it in for dist/.
// A failed build never touches the previous dist/.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, readdir, rm, rename } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFolder, pruneBuildCache, resolveCacheDir, startBuildCache } from '../src/build/build-cache.ts';
import { enableCompileCache } from '../src/build/compile-cache.ts';
import { openPageCache, processAlive } from '../src/build/page-cache.ts';
import { resolveConfigPath, resolveContentDir } from '../src/content/project-paths.ts';
import { plural } from '../src/content/diagnostics.ts';
import { configInputs, gitState, inputsKey, listOutput, outputUnchanged, readOutputRecord, shownPath, writeOutputRecord } from '../src/build/up-to-date.ts';

// Astro's telemetry stays off: nothing this project runs calls another host.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
// A build is a production build whoever runs it: under NODE_ENV=test (a test runner) Astro would start a dev server
// inside the build and Vite would compile for development.
process.env.NODE_ENV = 'production';
// Before Astro and the content model are loaded (below): they are read back compiled when they did not change.
enableCompileCache();

const outDir = resolve(process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? process.env.KB_OUT_DIR ?? 'dist');
// `--locales ja,ko`: build those locales' part of the site, for `npm run merge` (src/build/locale-parts.ts).
const localesAt = process.argv.findIndex((a) => a === '--locales' || a.startsWith('--locales='));
if (localesAt !== -1) {
  process.env.KB_LOCALES = process.argv[localesAt]!.includes('=') ? process.argv[localesAt]!.slice(10) : (process.argv[localesAt + 1] ?? '');
  if (!/[^,\s]/.test(process.env.KB_LOCALES)) {
    console.error('--locales needs the locales to build, e.g. --locales en or --locales ja,ko');
    process.exit(2);
  }
}
const started = performance.now();
// What the previous build rendered and compressed, reused where the inputs are the same (src/build/build-cache.ts).
const cache = startBuildCache(process.argv.includes('--no-cache') ? undefined : resolveCacheDir());
const paths = { contentDir: resolveContentDir(), configPath: resolveConfigPath(), outDir };
// Nothing changed since the last build into this folder, which is still as that build left it: nothing to do
// (src/build/up-to-date.ts). Asked before Astro and the content model are even loaded.
const last = cache && readOutputRecord(cache, outDir);
// The output first: listing it is cheaper than hashing the inputs, and a CI job without dist/ skips the hashing.
if (last && outputUnchanged(outDir, last.files) && last.key === inputsKey(paths, last.extraInputs).key) {
  for (const line of last.report) console.error(line);
  console.log(`Nothing changed since the last build: ${shownPath(outDir)} already holds ${plural(last.articles, 'article')} in ${plural(last.languages, 'language')} (checked in ${((performance.now() - started) / 1000).toFixed(1)} s; --no-cache builds anyway).`);
  process.exit(0);
}
// The page dates as this build reads them (a commit made while it runs must not be taken as built).
const startedAt = Date.now();
const gitAtStart = cache ? gitState(paths.contentDir) : '';

const { build } = await import('astro');
const { getKnowledgeBase } = await import('../src/content/knowledge-base.ts');
const { collectDiagnostics, contentDiagnostics, printDiagnostics } = await import('../src/content/report.ts');
const { sortDiagnostics } = await import('../src/content/diagnostics.ts');
const { precompress, exists } = await import('../src/build/finish-build.ts');
const { getSearchIndex, writeSearchIndexEarly } = await import('../src/build/search-index.ts');
const { getSiteData } = await import('../src/site-data.ts');
const { renderCacheKind } = await import('../src/markdown/render-cache.ts');
const { compressCacheKind } = await import('../src/build/compress-files.ts');
const { tokenCacheKind } = await import('../src/search/token-cache.ts');
const { searchCacheKind } = await import('../src/search/build-index.ts');

const kb = await getKnowledgeBase();
const { partLocales, unknownPartLocales } = await import('../src/build/locale-parts.ts');
const part = partLocales();
if (part && unknownPartLocales(kb.locales.map((l) => l.code)).length) {
  console.error(`--locales: the content has no ${unknownPartLocales(kb.locales.map((l) => l.code)).map((l) => `"${l}"`).join(', ')}; it has ${kb.locales.map((l) => l.code).join(', ')}.`);
  process.exit(2);
}
// On a large site, related articles and the search index are each made on another core. The pages wait for the
// related articles, not for the index: Astro renders them while it is made, and its files and the writers' search
// tests wait for it.
const siteData = getSiteData();
const searchIndex = getSearchIndex();
// Awaited below, after Astro; until then a failure must not count as unhandled.
searchIndex.catch(() => {});
// Its files are written and compressed as soon as it is there, beside Astro, then moved into the output.
const searchFiles = resolve('.kb-cache', `search-${process.pid}`);
writeSearchIndexEarly(searchIndex, searchFiles);
await siteData;
const report: string[] = [];
const print = (line: string) => (console.error(line), report.push(line));
// Content errors stop the build before Astro starts; the search tests run once the index is there.
const found = contentDiagnostics(kb);
if (found.some((d) => d.severity === 'error')) stop(sortDiagnostics(found));

// Astro writes its server chunks inside the output folder when that is inside the project, and otherwise into the
// project's shared .astro/, where two builds at once (into folders elsewhere) would overwrite each other's chunks.
// So a build always stages inside the project, and a build for elsewhere moves its output there at the end.
const insideProject = outDir.startsWith(process.cwd()); // Astro's own test
const staging = insideProject ? `${outDir}.staging-${process.pid}` : resolve('.kb-cache', `staging-${process.pid}`);
let pageCache: ReturnType<typeof openPageCache>;
let reused: { reused: number; keyed: number } | undefined;
try {
  // The project is the folder this runs in; the Astro config is the generator's own, wherever it is installed
  // (Astro reads the path relative to the root).
  const configFile = relative(process.cwd(), fileURLToPath(new URL('../astro.config.mjs', import.meta.url)));
  // With the build cache, Astro copies the pages whose code and data did not change from the last build
  // (src/build/page-cache.ts); unless another build is using them right now, then this one renders every page.
  pageCache = cache && openPageCache(cacheFolder(cache, 'pages'));
  const incremental = pageCache ? { cacheDir: pageCache.dir, experimental: { incrementalBuild: true } } : {};
  await build({ root: process.cwd(), configFile, outDir: staging, logLevel: process.env.KB_QUIET ? 'error' : 'info', ...incremental });
  reused = pageCache?.reused();
  pageCache?.close(true);
  pageCache = undefined;
  const diagnostics = await collectDiagnostics(kb, searchIndex, found);
  if (diagnostics.some((d) => d.severity === 'error')) {
    await rm(staging, { recursive: true, force: true });
    stop(diagnostics);
  }
  printDiagnostics(diagnostics, kb, print);
  await precompress(staging);
} catch (error) {
  pageCache?.close(false);
  await rm(staging, { recursive: true, force: true });
  await rm(searchFiles, { recursive: true, force: true });
  console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('The previous build output was left as it was.');
  process.exit(1);
}
const old = `${outDir}.old-${process.pid}`;
if (await exists(outDir)) await rename(outDir, old);
await moveOutput(staging, outDir);
await removeOldOutputs();
if (cache) {
  pruneBuildCache(cache, [renderCacheKind, compressCacheKind, tokenCacheKind, searchCacheKind]);
  // What this build read, for the next one to compare with. An input saved after this build started may not be
  // in the output, so then there is no record and the next build is a real one.
  const extraInputs = configInputs(kb.config);
  const { key, newestMs } = inputsKey(paths, extraInputs, gitAtStart);
  const record = { key, extraInputs, files: listOutput(outDir), report, articles: kb.articles.length, languages: kb.locales.length };
  if (newestMs < startedAt && gitState(paths.contentDir) === gitAtStart) writeOutputRecord(cache, outDir, record);
}
if (reused?.reused) {
  const copied = 'had not changed since the last build and were copied from the cache';
  console.log(reused.reused === reused.keyed ? `All ${plural(reused.keyed, 'article page')} ${copied}.` : `Rendered ${plural(reused.keyed - reused.reused, 'article page')} again; ${reused.reused.toLocaleString('en')} ${copied}.`);
}
const builtArticles = part ? kb.articles.filter((a) => part.includes(a.locale)).length : kb.articles.length;
const partNote = part ? ` (${part.join(', ')}: part of ${plural(kb.locales.length, 'language')}, for npm run merge)` : '';
console.log(`Built ${plural(builtArticles, 'article')} in ${plural(part?.length ?? kb.locales.length, 'language')}${partNote} into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
// Everything is written: do not wait for Astro's and Vite's leftover handles (timers, file watchers, idle
// workers) to wind down on their own, which cost a large site a second or more after the swap.
process.exit(0);

/** Print the diagnostics, errors last, and stop: the previous output stays as it was. */
function stop(diagnostics: Parameters<typeof printDiagnostics>[0]): never {
  rmSync(searchFiles, { recursive: true, force: true });
  printDiagnostics(diagnostics, kb, print);
  console.error('Build stopped: fix the errors above. The previous build output was left as it was.');
  process.exit(1);
}

/** A rename, or a copy where the output is on another file system than the project. */
async function moveOutput(from: string, to: string) {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  }
}

/**
 * The new output is in place; deleting the old one (tens of thousands of files on a large site) need not
 * hold up the writer or CI. A detached process removes it, along with leftovers of interrupted builds.
 */
async function removeOldOutputs() {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.old-`;
  const names = await readdir(parent);
  const targets = names.filter((n) => n.startsWith(prefix)).map((n) => resolve(parent, n));
  // What a build that was stopped half-way (Ctrl+C, a killed CI job) staged: its process is gone.
  const ofDeadBuild = (name: string, pattern: RegExp) => {
    const pid = Number(pattern.exec(name)?.[1]);
    return pid > 0 && pid !== process.pid && !processAlive(pid);
  };
  const staged = new RegExp(`^${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.staging-(\\d+)$`);
  targets.push(...names.filter((n) => ofDeadBuild(n, staged)).map((n) => resolve(parent, n)));
  const kbCache = resolve('.kb-cache');
  const inCache = await readdir(kbCache).catch(() => []);
  targets.push(...inCache.filter((n) => ofDeadBuild(n, /^(?:staging|search)-(\d+)$/)).map((n) => resolve(kbCache, n)));
  if (!targets.length) return;
  const script = 'for (const p of process.argv.slice(1)) require("node:fs").rmSync(p, { recursive: true, force: true })';
  spawn(process.execPath, ['-e', script, ...targets], { detached: true, stdio: 'ignore' }).unref();
}
