import { describe, expect, it } from 'vitest';
import { bucketOf, decodeShard, encodeIds, encodeNumber, encodeShardLine, shardKey } from '../../../src/search/index-format.ts';

describe('index format', () => {
  it('round-trips posting lists through the shard line encoding', () => {
    const postings = [[3], undefined, [0, 31, 32, 1023, 1024, 100_000], undefined, undefined, [7, 8, 9]];
    const text = [encodeShardLine('refund', postings), encodeShardLine('請求', [[1]], 500)].join('\n');
    const decoded = decodeShard(text);
    expect(decoded.get('refund')).toEqual({ postings, df: 10 });
    expect(decoded.get('請求')).toEqual({ postings: [[1]], df: 500 });
  });

  it('spends one character on small gaps', () => {
    expect(encodeNumber(0)).toHaveLength(1);
    expect(encodeNumber(31)).toHaveLength(1);
    expect(encodeNumber(32)).toHaveLength(2);
    expect(encodeIds([5, 6, 7, 30])).toHaveLength(4);
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
