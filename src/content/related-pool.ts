import { Worker } from 'node:worker_threads';
import type { Article } from './model.ts';
import { computeRelated } from './related.ts';

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
    const picks = await new Promise<number[][]>((resolve, reject) => {
      const worker = new Worker(new URL('./related-worker.ts', import.meta.url), { workerData: { articles: records, limit } });
      worker.once('message', (message: number[][]) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`related worker exited with ${code}`)));
    });
    return new Map(articles.map((a, i) => [a, picks[i]!.map((j) => articles[j]!)]));
  } catch {
    return computeRelated(articles, { terms, limit });
  }
}
