import { describe, expect, it } from 'vitest';
import { renderWorkerThreshold } from '../../../src/markdown/render-pool.ts';

describe('render worker threshold', () => {
  it('renders on the main thread until a site is large enough for the cores to pay for their workers', () => {
    expect(renderWorkerThreshold(1)).toBe(Infinity);
    // Two cores: 1,000 articles render faster on the main thread than in two workers (measured 5.1 s against 7.5 s).
    expect(renderWorkerThreshold(2)).toBeGreaterThan(1000);
    expect(renderWorkerThreshold(4)).toBeLessThan(renderWorkerThreshold(2));
  });
});
