import type { IncomingMessage, ServerResponse } from 'node:http';
import { getKnowledgeBase } from '../content/knowledge-base.ts';
import { buildSearchIndex, type SearchIndex } from '../search/build-index.ts';
import { writeSearchFiles } from '../search/write-index.ts';
import { basePath, stripBase, withBase } from '../content/site-url.ts';
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
 * Manifest URL per locale, embedded in pages so the search box knows what to fetch on first use. The built site's
 * is content-hashed (cached forever). The dev server's is fixed and never cached, so a page renders without
 * waiting for the index, which is built when the first search asks for it.
 */
export async function searchManifestUrl(locale: string): Promise<string | undefined> {
  if (!inDevServer()) return (await getSearchIndex()).manifestUrls[locale];
  const kb = await getKnowledgeBase();
  return kb.articles.some((a) => a.locale === locale && !a.draft) ? withBase(basePath(kb.config.url), devManifestPath(locale)) : undefined;
}

const devManifestPath = (locale: string) => `/_search/${locale}/manifest.json`;

export async function writeSearchIndex(index: SearchIndex, outDir: string): Promise<void> {
  await writeSearchFiles(index, outDir);
}

/** The dev server serves the index from memory, rebuilt when content changes. */
export function serveSearchIndexInDev(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (!req.url?.includes('/_search/')) return next();
  getKnowledgeBase().then(async (kb) => {
    const path = stripBase(basePath(kb.config.url), (req.url ?? '').split('?')[0]!);
    if (!path.startsWith('/_search/')) return next();
    const index = await getSearchIndex();
    const locale = Object.keys(index.manifestUrls).find((l) => devManifestPath(l) === path);
    const body = index.files.get(locale ? stripBase(basePath(kb.config.url), index.manifestUrls[locale]!) : path);
    if (body === undefined) return next();
    res.setHeader('Content-Type', req.url!.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    res.setHeader('Cache-Control', locale ? 'no-cache' : 'public, max-age=31536000, immutable');
    res.end(body);
  }, next);
}
