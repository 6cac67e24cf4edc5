/**
 * Customers' questions on the relevance test help center (tests/fixtures/relevance/), development split only: the
 * floors below keep the ranking model from sliding back. The full comparison with baselines and Pagefind, held-out
 * split included, is `npm run bench:relevance` (docs/benchmarks.md).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { pruneBuildCache, resolveCacheDir, startBuildCache } from '../../../src/build/build-cache.ts';
import { renderCacheKind } from '../../../src/markdown/render-cache.ts';
import { searchCacheKind } from '../../../src/search/build-index.ts';
import { tokenCacheKind } from '../../../src/search/token-cache.ts';
import { baselines, buildOurIndex, keyOf, ours, type Engine } from '../../../scripts/bench/relevance/engines.ts';
import { loadQuestions, relevanceOf, type Question } from '../../../scripts/bench/relevance/question-set.ts';
import { summarise, type Metrics } from '../../../scripts/bench/relevance/metrics.ts';

const root = new URL('../../fixtures/relevance/', import.meta.url).pathname;
// 1,070 articles: rendered and tokenized once, then read back from a build cache of this test's own while the fixture
// stays the same (4 of the 5 s this file spends; every entry is checked, a stale one is a miss). KB_CACHE=0: none.
const cache = resolveCacheDir() && startBuildCache(new URL('../../../.kb-cache/tests/relevance', import.meta.url).pathname);
const kb = await loadKnowledgeBase({ contentDir: join(root, 'content'), gitDates: false, configPath: join(root, 'no-config.yml') });
const index = buildOurIndex(kb);
if (cache) pruneBuildCache(cache, [renderCacheKind, tokenCacheKind, searchCacheKind]);
startBuildCache(undefined);

async function measure(engine: Engine, questions: readonly Question[]): Promise<Metrics> {
  const judged = [];
  for (const q of questions) {
    const answer = await engine.search(q.q);
    judged.push({ ranking: answer.ranking.slice(0, 10), nothingFound: answer.nothingFound, relevant: relevanceOf(q) });
  }
  return summarise(judged);
}

const floors: Record<string, { recall: number; ndcg: number; nothingFound: number }> = {
  en: { recall: 0.85, ndcg: 0.72, nothingFound: 0.2 },
  ja: { recall: 0.88, ndcg: 0.76, nothingFound: 0.2 },
  ko: { recall: 0.87, ndcg: 0.77, nothingFound: 0.3 },
};

describe('natural questions (development split)', () => {
  for (const [lang, floor] of Object.entries(floors)) {
    it(`${lang}: finds the answers, beats plain BM25, and says "nothing found" for questions the help center does not answer`, async () => {
      const articles = kb.articles.filter((a) => a.locale === lang);
      const questions = loadQuestions(join(root, 'questions', `${lang}.yml`), lang, new Set(articles.map(keyOf))).filter((q) => q.split === 'dev');
      expect(questions.length).toBeGreaterThan(100);
      const m = await measure(ours(index, lang), questions);
      expect(m.recallAt10).toBeGreaterThanOrEqual(floor.recall);
      expect(m.ndcgAt10).toBeGreaterThanOrEqual(floor.ndcg);
      expect(m.zeroResultShare).toBeLessThan(0.03);
      expect(m.nothingFoundShare).toBeGreaterThanOrEqual(floor.nothingFound);
      for (const baseline of await baselines(lang, articles)) expect(m.ndcgAt10, baseline.name).toBeGreaterThan((await measure(baseline, questions)).ndcgAt10);
    });
  }
});
