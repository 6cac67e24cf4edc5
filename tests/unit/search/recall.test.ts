/**
 * Recall and precision of search over the example help center in content/, with the queries in
 * tests/fixtures/search/queries.yml (English, Japanese and Korean: particles, compound interiors, katakana
 * spellings, typos, Latin inside CJK, full-width input, and made-up compounds that must find nothing).
 *
 * A positive query counts as found when its article ranks within `top` (default 3). Precision is the share of
 * queries that returned results whose results were right: a positive query with results but without its article,
 * or a made-up query with any result, is a false positive.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { createSearchClient } from '../../../src/search/client.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';

interface Query {
  lang: string;
  kind: string;
  q: string;
  expect?: string | string[];
  top?: number;
  nothing?: boolean;
}

const queries = parse(readFileSync(new URL('../../fixtures/search/queries.yml', import.meta.url), 'utf8')) as Query[];
const kb = await loadKnowledgeBase({ contentDir: new URL('../../../content', import.meta.url).pathname, gitDates: false });
const index = buildSearchIndex(kb);
const fetch = createMemoryFetch(index);

async function evaluate() {
  const clients = new Map(Object.entries(index.manifestUrls).map(([lang, manifestUrl]) => [lang, createSearchClient({ manifestUrl, fetch })]));
  const rows = [];
  for (const query of queries) {
    const keyOf = new Map(index.locales[query.lang]!.articles.map((a) => [a.url, a.key]));
    const { results } = await clients.get(query.lang)!.search(query.q, { limit: 8 });
    const keys = results.map((r) => keyOf.get(r.url)!);
    const wanted = [query.expect ?? []].flat();
    const rank = keys.findIndex((k) => wanted.includes(k)) + 1;
    const found = query.nothing ? results.length === 0 : rank >= 1 && rank <= (query.top ?? 3);
    rows.push({ ...query, keys, rank, found, answered: results.length > 0 });
  }
  return rows;
}

describe('search recall and precision on the example content', () => {
  it('has a query set of at least 120 queries in three languages over at least 30 articles', () => {
    expect(queries.length).toBeGreaterThanOrEqual(120);
    expect(new Set(queries.map((q) => q.lang))).toEqual(new Set(['en', 'ja', 'ko']));
    expect(kb.articles.length).toBeGreaterThanOrEqual(30);
    for (const q of queries) for (const key of [q.expect ?? []].flat()) expect(index.locales[q.lang]!.articles.map((a) => a.key), `${q.lang}: ${q.q}`).toContain(key);
  });

  it('finds at least 99% of the articles it should, at a precision of at least 95%', async () => {
    const rows = await evaluate();
    const positives = rows.filter((r) => !r.nothing);
    const recall = positives.filter((r) => r.found).length / positives.length;
    const answered = rows.filter((r) => r.answered);
    const truePositives = answered.filter((r) => !r.nothing && r.found).length;
    const precision = answered.length ? truePositives / answered.length : 1;
    const failures = rows
      .filter((r) => !r.found)
      .map((r) => `${r.lang} [${r.kind}] "${r.q}": ${r.nothing ? `should find nothing, found ${r.keys.join(', ')}` : `${[r.expect].flat().join('|')} ranked ${r.rank || 'nowhere'} (${r.keys.slice(0, 3).join(', ') || 'no results'})`}`);
    const summary = `recall ${recall.toFixed(3)} (${positives.length} queries), precision ${precision.toFixed(3)} (${answered.length} answered)\n${failures.join('\n')}`;
    if (process.env.SEARCH_RECALL_REPORT) console.log(summary);
    expect(recall, summary).toBeGreaterThanOrEqual(0.99);
    expect(precision, summary).toBeGreaterThanOrEqual(0.95);
  });
});
