import { slug as slugify } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { asciiSlug } from '../../../src/content/ascii-slug.ts';

describe('asciiSlug', () => {
  it('keeps Latin titles readable: accents dropped, full-width folded, punctuation and runs of hyphens collapsed', () => {
    expect(['Request a refund', 'Café crème', 'Ｃ Ｓ Ｖ', 'Straße & Co', '🎉 What’s new?', 'naïve_approach', 'Øre -- Æble', '2FA (two-factor)'].map(asciiSlug)).toEqual([
      'request-a-refund', 'cafe-creme', 'c-s-v', 'strasse-co', 'whats-new', 'naive-approach', 'ore-aeble', '2fa-two-factor',
    ]);
  });

  it('gives nothing for titles a URL could only percent-encode, Latin words inside them included', () => {
    expect(['テスト記事', '비밀번호 재설정', 'CSVでエクスポート', 'Возврат', '!!!'].map(asciiSlug)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('returns names the loader publishes unchanged', () => {
    for (const title of ['Request a refund', 'Café crème', 'Straße & Co']) expect(slugify(asciiSlug(title)!)).toBe(asciiSlug(title));
  });
});
