import type { IncomingMessage, ServerResponse } from 'node:http';
import { cp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { getKnowledgeBase } from '../content/knowledge-base.ts';
import { buildSearchIndex, searchCacheKind, type SearchIndex, type SearchSource } from '../search/build-index.ts';
import { keepTokenTable, tokenTableName } from '../search/token-cache.ts';
import { buildCache, keepCacheEntry } from './build-cache.ts';
import { runWorker } from '../run-worker.ts';
import { writeSearchFiles } from '../search/write-index.ts';
import { basePath, stripBase } from '../content/site-url.ts';
import { inDevServer } from './dev-mode.ts';
import { builtLocale } from './locale-parts.ts';

const cacheKey = Symbol.for('kb-site.search-index');
type Holder = { kb: unknown; index: Promise<SearchIndex> };

/** From this many articles, a build makes the search index on another thread (below, starting it costs more). */
export const indexWorkerMinimum = 400;

/**
 * The search index for this build, built once from the same knowledge base the pages render. In a build of a
 * site of `indexWorkerMinimum` articles or more it is made on another thread: the pages do not wait for it (they
 * point at the fixed manifest copy), so Astro renders them meanwhile, and the index is awaited when its files are
 * written and the writers' search tests run. The same index either way (tests/unit/search/index-worker.test.ts).
 */
export function getSearchIndex(): Promise<SearchIndex> {
  return getKnowledgeBase().then((kb) => {
    const g = globalThis as typeof globalThis & { [cacheKey]?: Holder };
    if (g[cacheKey]?.kb !== kb) {
      // A build of some locales (KB_LOCALES) indexes theirs only; the other parts index the rest.
      const source = { ...kb, articles: kb.articles.filter((a) => builtLocale(a.locale)) };
      const offThread = !inDevServer() && source.articles.length >= indexWorkerMinimum && process.env.KB_RENDER_WORKERS !== '0';
      g[cacheKey] = { kb, index: offThread ? buildSearchIndexOffThread(source) : Promise.resolve().then(() => buildSearchIndex(source)) };
    }
    return g[cacheKey].index;
  });
}

/** `buildSearchIndex` in a worker thread, or here if no worker can start. */
export async function buildSearchIndexOffThread(source: SearchSource): Promise<SearchIndex> {
  // What the index reads, without each article's HTML (the largest field, which it does not read).
  const light: SearchSource = { ...source, articles: source.articles.map((a) => ({ ...a, html: '' })) };
  try {
    return await searchIndexInWorker(light);
  } catch {
    return buildSearchIndex(source);
  }
}

/** The worker itself, which rejects if it cannot start or fails (tests call it to be sure it ran). */
export async function searchIndexInWorker(source: SearchSource): Promise<SearchIndex> {
  const cache = buildCache();
  const index = await runWorker<SearchIndex>(new URL('../search/index-worker.ts', import.meta.url), { source, cacheDir: cache?.dir });
  // What the worker read and wrote in the cache counts as this build's, so pruning keeps it.
  keepTokenTable(tokenTableName('index'), cache);
  for (const locale of Object.values(index.locales)) if (cache && locale.cacheEntry) keepCacheEntry(cache, searchCacheKind, locale.cacheEntry);
  return index;
}

/**
 * Manifest site path per locale, embedded in pages so the search box knows what to fetch on first use. It is fixed,
 * `/_search/<lang>/manifest.json`, in the built site as in dev: a copy of the content-hashed manifest that hosts
 * revalidate (`_headers`), so a page does not change when an article elsewhere does, and a build can skip the
 * pages that did not change. The first query still takes the same round trips: the copy is the manifest itself,
 * and the shards and fragments it names stay content-hashed and cached forever. No page waits for the index: in
 * dev it is built when the first search asks for it, in a build beside the pages (see getSearchIndex).
 */
export async function searchManifestUrl(locale: string): Promise<string | undefined> {
  const kb = await getKnowledgeBase();
  // The index has a manifest for exactly the locales with a published article: the page need not wait for it.
  const published = kb.articles.some((a) => a.locale === locale && !a.draft);
  // A site path: pages and the widget put the site's base in front (`href`), as for every other link.
  return published ? manifestPointerPath(locale) : undefined;
}

/** The fixed manifest URL of a locale, as a site path. */
export const manifestPointerPath = (locale: string) => `/_search/${locale}/manifest.json`;

/** The index's files plus, per locale, the manifest under its fixed name. */
export function withManifestPointers(index: SearchIndex): SearchIndex {
  const files = new Map(index.files);
  for (const [locale, url] of Object.entries(index.manifestUrls)) files.set(manifestPointerPath(locale), index.files.get(url)!);
  return { ...index, files };
}

export async function writeSearchIndex(index: SearchIndex, outDir: string): Promise<void> {
  await writeSearchFiles(withManifestPointers(index), outDir);
}

const earlyKey = Symbol.for('kb-site.search-files');
type EarlyHolder = { [earlyKey]?: { dir: string; written: Promise<void> } };

/**
 * Write the index's files and their compressed copies into `dir` as soon as the index is made, which on a large
 * site is while Astro still renders pages on the main thread: the compression runs on the other cores meanwhile.
 * `placeSearchIndex` then moves them into the output. `scripts/build.ts` calls this; without it the files are
 * written when the pages are done, as before.
 */
export function writeSearchIndexEarly(index: Promise<SearchIndex>, dir: string): Promise<void> {
  const written = index.then((i) => writeSearchIndex(i, dir));
  written.catch(() => {}); // awaited by placeSearchIndex; until then a failure must not count as unhandled (callers need no handler)
  (globalThis as typeof globalThis & EarlyHolder)[earlyKey] = { dir, written };
  return written;
}

/** After Astro wrote the pages: the search files into `outDir`, moved from where they were written early, or written now. */
export async function placeSearchIndex(outDir: string): Promise<void> {
  const early = (globalThis as typeof globalThis & EarlyHolder)[earlyKey];
  if (!early) return writeSearchIndex(await getSearchIndex(), outDir);
  await early.written;
  const from = join(early.dir, '_search');
  const to = join(outDir, '_search');
  try {
    await rename(from, to);
  } catch {
    // Another file system, or a _search/ folder already there (from public/): merged into it, as written files were.
    await cp(from, to, { recursive: true, force: true });
  }
  await rm(early.dir, { recursive: true, force: true });
}

/** The dev server serves the index from memory, rebuilt when content changes. */
export function serveSearchIndexInDev(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!req.url?.includes('/_search/')) return next();
  getKnowledgeBase().then(async (kb) => {
    const path = stripBase(basePath(kb.config.url), (req.url ?? '').split('?')[0]!);
    if (!path.startsWith('/_search/')) return next();
    const index = await getSearchIndex();
    const locale = Object.keys(index.manifestUrls).find((l) => manifestPointerPath(l) === path);
    const body = index.files.get(locale ? stripBase(basePath(kb.config.url), index.manifestUrls[locale]!) : path);
    if (body === undefined) return next();
    res.setHeader('Content-Type', req.url!.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    res.setHeader('Cache-Control', locale ? 'no-cache' : 'public, max-age=31536000, immutable');
    res.end(body);
  }, next);
}
