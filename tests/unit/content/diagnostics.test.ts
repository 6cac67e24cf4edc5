import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/content/diagnostics.ts';

describe('plural', () => {
  it('agrees with the count, as in "Built 1 article in 1 language"', () => {
    expect(`Built ${plural(1, 'article')} in ${plural(1, 'language')}`).toBe('Built 1 article in 1 language');
    expect([0, 2, 10_000].map((n) => plural(n, 'error'))).toEqual(['0 errors', '2 errors', '10,000 errors']);
    expect(plural(3, 'category', 'categories')).toBe('3 categories');
  });
});
