import type { IncomingMessage, ServerResponse } from 'node:http';
import { getKnowledgeBase } from '../content/knowledge-base.ts';
import { buildSearchIndex, type SearchIndex } from '../search/build-index.ts';
import { writeSearchFiles } from '../search/write-index.ts';
import { basePath, stripBase } from '../content/site-url.ts';
import { inDevServer } from './dev-mode.ts';

const cacheKey = Symbol.for('kb-site.search-index');
type Holder = { kb: unknown; index: SearchIndex };

/** The search index for this build, built once from the same knowledge base the pages render. */
export async function getSearchIndex(): Promise<SearchIndex> {
  const kb = await getKnowledgeBase();
  const g = globalThis as typeof globalThis & { [cacheKey]?: Holder };
  if (g[cacheKey]?.kb !== kb) g[cacheKey] = { kb, index: buildSearchIndex(kb) };
  return g[cacheKey].index;
}

/**
 * Manifest site path per locale, embedded in pages so the search box knows what to fetch on first use. It is fixed,
 * `/_search/<lang>/manifest.json`, in the built site as in dev: a copy of the content-hashed manifest that hosts
 * revalidate (`_headers`), so a page does not change when an article elsewhere does, and a build can skip the
 * pages that did not change. The first query still takes the same round trips: the copy is the manifest itself,
 * and the shards and fragments it names stay content-hashed and cached forever. In dev the page renders without
 * waiting for the index, which is built when the first search asks for it.
 */
export async function searchManifestUrl(locale: string): Promise<string | undefined> {
  const kb = await getKnowledgeBase();
  const published = inDevServer() ? kb.articles.some((a) => a.locale === locale && !a.draft) : (await getSearchIndex()).manifestUrls[locale] !== undefined;
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
