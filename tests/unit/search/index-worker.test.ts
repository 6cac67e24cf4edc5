import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { searchIndexInWorker } from '../../../src/build/search-index.ts';

describe('the search index on another thread', () => {
  it('is the same index as on this thread, from the articles without their HTML', async () => {
    const kb = await loadKnowledgeBase({ contentDir: join(import.meta.dirname, '../../../content'), gitDates: false });
    const here = buildSearchIndex(kb);
    const there = await searchIndexInWorker({ ...kb, articles: kb.articles.map((a) => ({ ...a, html: '' })) });
    expect(there.files.size).toBeGreaterThan(50);
    expect([...there.files]).toEqual([...here.files]);
    expect(there.manifestUrls).toEqual(here.manifestUrls);
    // Everything but how long each took.
    const timeless = (index: typeof here) => Object.fromEntries(Object.entries(index.locales).map(([l, v]) => [l, { ...v, stats: { ...v.stats, buildMs: 0 } }]));
    expect(timeless(there)).toEqual(timeless(here));
  });
});
