import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../../scripts/bench/stats.ts';

describe('bench statistics', () => {
  it('takes the mean of the two middle values for an even count, so a median of 2 runs is not just the faster one', () => {
    expect(median([16.7, 13.5])).toBeCloseTo(15.1);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBe(0);
  });

  it('uses nearest rank for percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
  });
});
