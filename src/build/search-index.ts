import type { IncomingMessage, ServerResponse } from 'node:http';
import { getKnowledgeBase } from '../content/knowledge-base.ts';
import { buildSearchIndex, type SearchIndex } from '../search/build-index.ts';
import { writeSearchFiles } from '../search/write-index.ts';
import { basePath, stripBase } from '../content/site-url.ts';

const cacheKey = Symbol.for('kb-site.search-index');
type Holder = { kb: unknown; index: SearchIndex };

/** The search index for this build, built once from the same knowledge base the pages render. */
export async function getSearchIndex(): Promise<SearchIndex> {
  const kb = await getKnowledgeBase();
  const g = globalThis as typeof globalThis & { [cacheKey]?: Holder };
  if (g[cacheKey]?.kb !== kb) g[cacheKey] = { kb, index: buildSearchIndex(kb) };
  return g[cacheKey].index;
}

/** Manifest URL per locale, embedded in pages so the search box knows what to fetch on first use. */
export async function searchManifestUrl(locale: string): Promise<string | undefined> {
  return (await getSearchIndex()).manifestUrls[locale];
}

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
    const body = index.files.get(path);
    if (body === undefined) return next();
    res.setHeader('Content-Type', req.url!.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    res.end(body);
  }, next);
}
