import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, openBuildCache } from '../../../src/build/build-cache.ts';
import { dictionaryCacheKind, loadDictionaryRules } from '../../../src/search/japanese-dictionary.ts';
import { createSynonymExpander } from '../../../src/search/synonyms.ts';
import { indexTokens } from '../../../src/search/tokenizer.ts';

const temp = mkdtempSync(join(tmpdir(), 'kb-ja-dictionary-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Words the dictionary groups with others (解約・契約解除, 領収書・レシート, スマホ・スマートフォン, 申込み・申し込み).
const text = '解約の手続きと領収書の発行、スマホから申込みする方法。問合せ先は設定画面にあります。';
const expansion = (rules: ReturnType<typeof loadDictionaryRules>) => {
  const tokens = indexTokens(text);
  return [...createSynonymExpander(rules, new Set(tokens))(tokens)].sort(([a], [b]) => a.localeCompare(b));
};
const entries = (dir: string) => readdirSync(cacheFolder(openBuildCache(dir), dictionaryCacheKind), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('the Japanese dictionary in the build cache', () => {
  it('reads back the same rules and expands a text the same as a build without a cache, also after damage', () => {
    const plain = loadDictionaryRules('synonyms', undefined);
    const expected = expansion(plain);
    expect(expected.length).toBeGreaterThan(5);
    const dir = join(temp, 'cache');
    const cold = openBuildCache(dir);
    const filled = loadDictionaryRules('synonyms', cold);
    expect(cold.stats).toMatchObject({ hits: 0, misses: 1 });
    expect(filled).toEqual(plain);
    expect(expansion(filled)).toEqual(expected);

    const warm = openBuildCache(dir);
    const read = loadDictionaryRules('synonyms', warm);
    expect(warm.stats).toMatchObject({ hits: 1, misses: 0 });
    expect(read).toEqual(plain);
    expect(expansion(read)).toEqual(expected);

    // A damaged entry is a miss: the dictionary is compiled again and the result is the same.
    const [entry] = entries(dir);
    writeFileSync(join(entry!.parentPath, entry!.name), 'garbage');
    const damaged = openBuildCache(dir);
    expect(expansion(loadDictionaryRules('synonyms', damaged))).toEqual(expected);
    expect(damaged.stats.corrupt).toBe(1);
  });

  it('keeps one entry per mode: a newer one of the same mode replaces the older', () => {
    // Beside the synonyms entry the test above left, and one a different tokenizer or dictionary made.
    const dir = join(temp, 'cache');
    const [synonyms] = entries(dir);
    writeFileSync(join(synonyms!.parentPath, 'variants-older'), 'x');
    loadDictionaryRules('variants', openBuildCache(dir));
    const names = entries(dir).map((e) => e.name);
    expect(names).toContain(synonyms!.name);
    expect(names).not.toContain('variants-older');
    expect(names.filter((n) => n.startsWith('variants-'))).toHaveLength(1);
  });
});
