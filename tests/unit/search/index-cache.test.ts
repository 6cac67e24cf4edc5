import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { startBuildCache } from '../../../src/build/build-cache.ts';
import { buildSearchIndex, searchCacheKind } from '../../../src/search/build-index.ts';

const temp = mkdtempSync(join(tmpdir(), 'kb-index-cache-'));
afterAll(() => {
  startBuildCache(undefined);
  rmSync(temp, { recursive: true, force: true });
});

const load = () => loadKnowledgeBase({ contentDir: 'tests/fixtures/content/basic', configPath: join(temp, 'none.yml'), gitDates: false });
/** What a build writes of an index: its files, and the manifest each locale's pages start from. */
const written = (index: ReturnType<typeof buildSearchIndex>) => ({ files: [...index.files], manifests: index.manifestUrls });

describe('search index from the build cache', () => {
  it('takes each unchanged locale from the cache, builds a changed one, and ignores a damaged entry', async () => {
    const kb = await load();
    const cold = written(buildSearchIndex(kb));
    const dir = join(temp, 'cache');
    startBuildCache(dir);
    expect(written(buildSearchIndex(kb))).toEqual(cold);
    const warm = startBuildCache(dir)!;
    const again = buildSearchIndex(kb);
    expect(written(again)).toEqual(cold);
    expect([...warm.used.get(searchCacheKind)!].sort()).toEqual(Object.values(again.locales).map((l) => l.cacheEntry).sort());
    expect(warm.stats.misses).toBe(0);

    // One English article edited: English is built again, Japanese comes from the cache.
    const edited = await load();
    const article = edited.articles.find((a) => a.locale === 'en')!;
    article.text += ' Zebrafish quokka.';
    article.sections[0]!.text += ' Zebrafish quokka.';
    startBuildCache(undefined);
    const coldEdit = written(buildSearchIndex(edited));
    expect(coldEdit.manifests.en).not.toBe(cold.manifests.en);
    expect(coldEdit.manifests.ja).toBe(cold.manifests.ja);
    const partly = startBuildCache(dir)!;
    expect(written(buildSearchIndex(edited))).toEqual(coldEdit);
    expect(partly.stats.hits).toBeGreaterThanOrEqual(1); // Japanese (and the token table)
    expect(partly.stats.misses).toBe(1); // English

    // Every entry damaged: built again, the same.
    const root = join(dir, 'kb-cache-1', searchCacheKind);
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = join(e.parentPath, e.name);
      const bytes = readFileSync(path);
      bytes[bytes.length >> 1] ^= 0x20;
      writeFileSync(path, bytes);
    }
    const broken = startBuildCache(dir)!;
    expect(written(buildSearchIndex(edited))).toEqual(coldEdit);
    expect(broken.stats.corrupt).toBeGreaterThanOrEqual(2);
  });
});
