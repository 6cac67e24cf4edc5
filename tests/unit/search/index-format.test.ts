import { describe, expect, it } from 'vitest';
import { bucketOf, decodeShard, encodeNumber, encodePostings, encodeShardLine, shardKey } from '../../../src/search/index-format.ts';

describe('index format', () => {
  it('round-trips article-level and section-level postings with their levels', () => {
    const shift = 4;
    const article = { ids: [3, 40, 1100], levels: [31, 0, 12] };
    const section = { ids: [0, 31, 32, 1023, 1024, 100_000], levels: [1, 2, 3, 4, 5, 30] };
    const text = [encodeShardLine('refund', article, section, 12, shift), encodeShardLine('請求', { ids: [], levels: [] }, { ids: [17], levels: [9] }, 500, shift)].join('\n');
    const decoded = decodeShard(text, shift);
    expect(decoded.get('refund')).toEqual({ article, section, df: 12 });
    expect(decoded.get('請求')).toEqual({ article: { ids: [], levels: [] }, section: { ids: [17], levels: [9] }, df: 500 });
  });

  it('writes the document frequency only when the postings do not already say it', () => {
    const shift = 2;
    // Articles 1 and 2 (section 9 is article 2): df 2 needs no "~".
    expect(encodeShardLine('plan', { ids: [1], levels: [5] }, { ids: [9], levels: [5] }, 2, shift)).not.toContain('~');
    expect(decodeShard(encodeShardLine('plan', { ids: [1], levels: [5] }, { ids: [9], levels: [5] }, 2, shift), shift).get('plan')!.df).toBe(2);
    expect(encodeShardLine('plan', { ids: [1], levels: [5] }, { ids: [], levels: [] }, 300, shift)).toContain('~');
  });

  it('spends one character on small gaps and one on the level', () => {
    expect(encodeNumber(0)).toHaveLength(1);
    expect(encodeNumber(31)).toHaveLength(1);
    expect(encodeNumber(32)).toHaveLength(2);
    expect(encodePostings({ ids: [5, 6, 7, 30], levels: [1, 1, 1, 1] })).toHaveLength(8);
  });

  it('keys Latin terms by two characters and CJK by one, deeper for split keys', () => {
    expect(shardKey('password', new Set())).toBe('pa');
    expect(shardKey('p', new Set())).toBe('p');
    expect(shardKey('請求', new Set())).toBe('請');
    expect(shardKey('password', new Set(['pa', 'pas']))).toBe('pass');
    expect(shardKey('pa', new Set(['pa']))).toBe('pa');
    expect(shardKey('𠮷野', new Set())).toBe('𠮷');
  });

  it('hashes keys to buckets the same way everywhere', () => {
    expect(bucketOf('pa', 97)).toBe(bucketOf('pa', 97));
    expect(new Set(['aa', 'ab', 'ac', 'ad', 'ae', 'af', 'ag', 'ah'].map((k) => bucketOf(k, 4))).size).toBeGreaterThan(1);
  });
});
