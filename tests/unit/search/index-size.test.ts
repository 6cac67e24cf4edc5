import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndex } from '../../../src/search/build-index.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';
import { brotliSizeInMemory, measureQueries, type QueryCost } from '../../../src/search/measure.ts';
import { compressBrotli } from '../../../src/search/write-index.ts';
import { syntheticArticles } from '../../fixtures/search/synthetic.ts';

// 2,000 and 400 articles of 5 sections: 10k and 2k searchable sections.
const large = buildSearchIndex({ articles: syntheticArticles({ articles: 2000 }) });
const small = buildSearchIndex({ articles: syntheticArticles({ articles: 400 }) });
const largeJa = buildSearchIndex({ articles: syntheticArticles({ articles: 2000, locale: 'ja', vocabulary: 8000 }) });

/** Queries made of common, middling and rare words of the synthetic vocabulary. */
function queriesFor(index: SearchIndex, locale: string): string[] {
  const shards = [...index.files].filter(([url]) => url.startsWith(`/_search/${locale}/s/`)).map(([, text]) => text);
  const cjk = locale === 'ja';
  const terms = shards.flatMap((t) => t.split('\n').map((line) => line.slice(0, line.indexOf(' ')))).filter((t) => t.length >= (cjk ? 2 : 4));
  const pick = (i: number) => terms[(i * 7919) % terms.length]!;
  return [pick(1), `${pick(2)} ${pick(3)}`, `${pick(4)} ${pick(5).slice(0, cjk ? 1 : 3)}`, pick(6).slice(0, cjk ? 1 : 2)];
}

async function firstQueries(index: SearchIndex, locale: string): Promise<QueryCost[]> {
  const out: QueryCost[] = [];
  for (const q of queriesFor(index, locale)) {
    const [cost] = await measureQueries([q], { manifestUrl: index.manifestUrls[locale]!, fetch: createMemoryFetch(index), sizeOf: brotliSizeInMemory() });
    out.push(cost!);
  }
  return out;
}

describe('index size at 10k sections', () => {
  it('keeps shards a few KB compressed', async () => {
    const shardUrls = [...large.files.keys()].filter((u) => u.includes('/s/'));
    expect(shardUrls.length).toBeGreaterThan(20);
    const sample = shardUrls.filter((_, i) => i % 10 === 0);
    const sizes = await Promise.all(sample.map(async (u) => (await compressBrotli(large.files.get(u)!)).length));
    expect(Math.max(...sizes)).toBeLessThan(6 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(3 * 1024);
  });

  it('answers a first query in three round trips and under 30 KB of index data (library code not included)', async () => {
    for (const index of [large, largeJa]) {
      const locale = Object.keys(index.manifestUrls)[0]!;
      for (const cost of await firstQueries(index, locale)) {
        expect(cost.roundTrips, cost.query).toBeLessThanOrEqual(3);
        expect(cost.bytes, cost.query).toBeLessThan(30 * 1024);
      }
    }
  });

  it('looks in a second shard only for a word with a typo in its first letters that found nothing', async () => {
    const word = queriesFor(large, 'en')[0]!;
    const typo = word[1]! + word[0]! + word.slice(2);
    const [cost] = await measureQueries([`${typo} `], { manifestUrl: large.manifestUrls.en!, fetch: createMemoryFetch(large), sizeOf: brotliSizeInMemory() });
    expect(cost!.results).toBeGreaterThan(0);
    expect(cost!.roundTrips).toBeLessThanOrEqual(4);
    expect(cost!.bytes).toBeLessThan(30 * 1024);
  });

  it('costs about the same per query on a 2k and a 10k section site', async () => {
    const mean = (costs: QueryCost[]) => costs.reduce((n, c) => n + c.bytes, 0) / costs.length;
    const [a, b] = [mean(await firstQueries(small, 'en')), mean(await firstQueries(large, 'en'))];
    expect(b / a).toBeLessThan(1.6);
  });

  it('keeps the manifest small', async () => {
    const manifest = large.files.get(large.manifestUrls.en!)!;
    expect((await compressBrotli(manifest)).length).toBeLessThan(2 * 1024);
  });
});
