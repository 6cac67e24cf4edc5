import { describe, expect, it } from 'vitest';
import { dictionaries, translate, languageName } from '../../../src/i18n/ui-strings.ts';

describe('UI strings', () => {
  const keys = Object.keys(dictionaries.en!);

  for (const locale of ['ja', 'ko']) {
    it(`translates every key into ${locale}, with the same placeholders`, () => {
      const dict = dictionaries[locale]!;
      expect(Object.keys(dict).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(dict[key as keyof typeof dict]), key).toEqual(placeholders(dictionaries.en![key as keyof typeof dict]));
        expect(dict[key as keyof typeof dict], key).not.toBe(dictionaries.en![key as keyof typeof dict]);
      }
    });
  }

  it('fills placeholders and falls back from a regional tag to its language, then to English', () => {
    expect(translate('ja', 'home.articleCount', { count: 3 })).toBe('3 件の記事');
    expect(translate('ja-JP', 'search.submit')).toBe('検索');
    expect(translate('fr', 'search.submit')).toBe('Search');
  });

  it('names a language in itself', () => {
    expect(languageName('ja')).toBe('日本語');
    expect(languageName('ko')).toBe('한국어');
  });
});
