import type { Article } from './model.ts';
import { computeRelated } from './related.ts';
import { runWorker } from '../run-worker.ts';

/** Below this, a worker's start-up and copying cost more than they save. */
const minimumForWorker = 2000;

/**
 * `computeRelated` with the search tokenizer, in a worker thread for large sites, so that on a 10k-article
 * build the similarity work (tokenizing every article) runs on the second core while the main thread
 * builds the search index. Same result either way.
 */
export async function computeRelatedOffThread(
  articles: readonly Article[],
  terms: (text: string) => string[],
  options: { limit?: number; minimumForWorker?: number } = {},
): Promise<Map<Article, Article[]>> {
  const limit = options.limit ?? 5;
  if (articles.length < (options.minimumForWorker ?? minimumForWorker) || process.env.KB_RENDER_WORKERS === '0') return computeRelated(articles, { terms, limit });
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
    const picks = await runWorker<number[][]>(new URL('./related-worker.ts', import.meta.url), { articles: records, limit });
    return new Map(articles.map((a, i) => [a, picks[i]!.map((j) => articles[j]!)]));
  } catch {
    return computeRelated(articles, { terms, limit });
  }
}
