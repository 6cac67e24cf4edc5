import { describe, expect, it } from 'vitest';
import { contactDictionaries, translateContact } from '../../../src/i18n/contact-strings.ts';

describe('contact page and widget strings', () => {
  const keys = Object.keys(contactDictionaries.en!);

  for (const locale of ['ja', 'ko']) {
    it(`translates every key into ${locale}, with the same placeholders`, () => {
      const dict = contactDictionaries[locale]!;
      expect(Object.keys(dict).sort()).toEqual([...keys].sort());
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of keys as (keyof typeof dict)[]) {
        expect(placeholders(dict[key]), key).toEqual(placeholders(contactDictionaries.en![key]));
        expect(dict[key], key).not.toBe(contactDictionaries.en![key]);
      }
    });
  }

  it('fills placeholders and falls back from a regional tag to its language, then to English', () => {
    expect(translateContact('ko', 'contact.suggestionsCount', { count: 3 })).toBe('문서 3개로 해결할 수 있을지도 모릅니다.');
    expect(translateContact('ja-JP', 'widget.button')).toBe('ヘルプ');
    expect(translateContact('fr', 'widget.button')).toBe('Help');
  });
});
