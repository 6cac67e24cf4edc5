/** Results per page on the search page. */
export const resultsPerPage = 10;

/**
 * The page numbers a pager shows: all of them when there are few, otherwise the first, the last and the
 * current one with its neighbours, with `'gap'` where numbers are left out: 1 … 4 5 6 … 20. At most 7 entries,
 * so the pager fits on one line of a phone.
 */
export function pageNumbers(current: number, pages: number): (number | 'gap')[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  // Near an end, the numbers up to it are shown instead of a gap that would hide a single page.
  if (current <= 4) return [1, 2, 3, 4, 5, 'gap', pages];
  if (current >= pages - 3) return [1, 'gap', pages - 4, pages - 3, pages - 2, pages - 1, pages];
  return [1, 'gap', current - 1, current, current + 1, 'gap', pages];
}

/** The page a URL asks for: `?page=3`, or 1 when it is missing or not a whole number from 1 up. */
export function pageFromSearch(search: string): number {
  const value = new URLSearchParams(search).get('page');
  const n = value && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}
