import { describe, expect, it } from 'vitest';
import { pageFromSearch, pageNumbers } from '../../../src/search/result-pages.ts';

describe('result pages', () => {
  it('lists every page when there are up to seven', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the first, the last and the current page with its neighbours, never more than seven entries', () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
    expect(pageNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
    expect(pageNumbers(5, 20)).toEqual([1, 'gap', 4, 5, 6, 'gap', 20]);
    expect(pageNumbers(17, 20)).toEqual([1, 'gap', 16, 17, 18, 19, 20]);
    expect(pageNumbers(20, 20)).toEqual([1, 'gap', 16, 17, 18, 19, 20]);
    for (let pages = 1; pages <= 30; pages++) {
      for (let current = 1; current <= pages; current++) {
        const list = pageNumbers(current, pages);
        expect(list.length).toBeLessThanOrEqual(7);
        expect(list).toContain(current);
        expect(list[0]).toBe(1);
        expect(list.at(-1)).toBe(pages);
      }
    }
  });

  it('reads the page from the URL, falling back to the first', () => {
    expect(pageFromSearch('?q=invoice&page=3')).toBe(3);
    expect(pageFromSearch('?q=invoice')).toBe(1);
    for (const bad of ['0', '-2', 'two', '1e3', '2.5', '']) expect(pageFromSearch(`?page=${bad}`), bad).toBe(1);
  });
});
