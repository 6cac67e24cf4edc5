/**
 * The engines compared on the natural-question sets. Every engine answers a question with the article keys
 * (`category/slug`) it shows, best first, at most ten; an empty list is "nothing found".
 */
import type { Article, KnowledgeBase } from '../../../src/content/model.ts';
import { buildSearchIndex, type SearchIndex } from '../../../src/search/build-index.ts';
import { createSearchClient } from '../../../src/search/client.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';
import { createBm25Index } from './bm25.ts';
import { cjkBigrams, createJapaneseAnalyzer, english, koreanWhitespace, type Analyzer } from './analyzers.ts';

export interface Answer {
  /** Article keys shown, best first (at most ten). */
  ranking: string[];
  /** The reader is told nothing was found (with the contact link); `ranking` may still hold the closest articles. */
  nothingFound: boolean;
}

export interface Engine {
  name: string;
  /** What it is, for the report. */
  about: string;
  search(question: string): Promise<Answer>;
}

export const keyOf = (a: Pick<Article, 'category' | 'slug'>) => `${a.category}/${a.slug}`;

/** Everything a reader or a writer put in the article, as one text: the baselines index all of it. */
export function articleText(a: Article): string {
  return [a.title, a.description, a.keywords.join(' '), a.tags.join(' '), ...a.sections.flatMap((s) => [s.heading, s.text])].join('\n');
}

/** This project's search, through the same client the browser runs, over an in-memory index. */
export function ours(index: SearchIndex, locale: string, limit = 10): Engine {
  const keys = new Map(index.locales[locale]!.articles.map((a) => [a.url, a.key]));
  const client = createSearchClient({ manifestUrl: index.manifestUrls[locale]!, fetch: createMemoryFetch(index) });
  return {
    name: 'kb-site',
    about: 'this project (src/search), the shipped client over the built index',
    async search(question) {
      const { results, nothingFound } = await client.search(question, { limit });
      return { ranking: results.map((r) => keys.get(r.url)!), nothingFound };
    },
  };
}

export function buildOurIndex(kb: KnowledgeBase): SearchIndex {
  return buildSearchIndex(kb);
}

export function bm25Engine(name: string, about: string, articles: readonly Article[], analyze: Analyzer, limit = 10): Engine {
  const index = createBm25Index(articles.map((a) => ({ key: keyOf(a), tokens: analyze(articleText(a)) })));
  return {
    name,
    about,
    search: async (q) => {
      const ranking = index.search(analyze(q), limit);
      return { ranking, nothingFound: ranking.length === 0 };
    },
  };
}

/** The baselines of one language, each a plain BM25 over whole articles with that language's standard analyzer. */
export async function baselines(locale: string, articles: readonly Article[]): Promise<Engine[]> {
  if (locale === 'en') return [bm25Engine('BM25 + Porter stemmer', 'Okapi BM25, Lucene EnglishAnalyzer-style: stopwords, possessives, Porter stemmer (npm stemmer)', articles, english)];
  if (locale === 'ja') {
    return [
      bm25Engine('BM25 + kuromoji', 'Okapi BM25 over kuromoji (IPADIC) base forms, Lucene JapaneseAnalyzer-style stop tags and stopwords', articles, await createJapaneseAnalyzer()),
      bm25Engine('BM25 + CJK bigrams', 'Okapi BM25 over overlapping bigrams, Lucene CJKAnalyzer-style', articles, cjkBigrams),
    ];
  }
  if (locale === 'ko') {
    return [
      bm25Engine('BM25 + whitespace words', 'Okapi BM25 over space-separated words (particles attached)', articles, koreanWhitespace),
      bm25Engine('BM25 + Hangul bigrams', 'Okapi BM25 over overlapping bigrams, Lucene CJKAnalyzer-style', articles, cjkBigrams),
    ];
  }
  return [bm25Engine('BM25 + whitespace words', 'Okapi BM25 over words', articles, koreanWhitespace)];
}
