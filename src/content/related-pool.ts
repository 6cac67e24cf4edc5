import type { Article } from './model.ts';
import { computeRelated } from './related.ts';
import { runWorker } from '../run-worker.ts';
import { buildCache } from '../build/build-cache.ts';
import { keepTokenTable, openTokenTable } from '../search/token-cache.ts';

/** Below this, a worker's start-up and copying cost more than they save. */
const minimumForWorker = 2000;

/**
 * `computeRelated` with the search tokenizer (through the build cache's token table), in a worker thread for large sites, so that on a 10k-article
 * build the similarity work (tokenizing every article) runs on the second core while the main thread
 * builds the search index. Same result either way.
 */
export async function computeRelatedOffThread(articles: readonly Article[], options: { limit?: number; minimumForWorker?: number } = {}): Promise<Map<Article, Article[]>> {
  const limit = options.limit ?? 5;
  const here = () => {
    // A rebuild tokenizes only the texts that changed (src/search/token-cache.ts).
    const table = openTokenTable('related');
    const related = computeRelated(articles, { terms: table.tokens, limit });
    table.save();
    return related;
  };
  if (articles.length < (options.minimumForWorker ?? minimumForWorker) || process.env.KB_RENDER_WORKERS === '0') return here();
  const records = articles.map((a) => ({
    locale: a.locale,
    url: a.url,
    slug: a.slug,
    category: a.category,
    title: a.title,
    keywords: a.keywords,
    tags: a.tags,
    text: a.text,
    related: a.related,
  }));
  try {
    const { picks, table } = await runWorker<{ picks: number[][]; table?: string }>(new URL('./related-worker.ts', import.meta.url), { articles: records, limit, cacheDir: buildCache()?.dir });
    keepTokenTable(table);
    return new Map(articles.map((a, i) => [a, picks[i]!.map((j) => articles[j]!)]));
  } catch {
    return here();
  }
}
