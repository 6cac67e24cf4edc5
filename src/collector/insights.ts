/**
 * The content-gap report: pure functions from stored events to the figures a writer acts on. No I/O, so tests
 * feed rows straight in. Definitions (settled searches, resolved searches, the self-service score) are spelled
 * out in docs/events.md; keep the two in step.
 */
import { normalize } from '../search/tokenizer.ts';
import type { EventRow } from './storage.ts';
import { computeDeflection, type Deflection } from './deflection.ts';

/** The columns the report reads; `EventRow` from storage satisfies it, and so do hand-made test rows. */
export type InsightRow = Pick<EventRow, 'ts' | 'type' | 'locale' | 'page'> &
  Partial<Pick<EventRow, 'receivedAt' | 'query' | 'searchId' | 'resultCount' | 'rank' | 'url' | 'helpful' | 'reason' | 'comment' | 'source'>>;

export interface InsightOptions {
  /** Turns a query into its grouping key. @default the search tokenizer's `normalize`, punctuation and spacing folded */
  normalizeQuery?: (query: string) => string;
  /**
   * A search followed within this time (same page and locale) by one whose query extends or shortens it is
   * taken as a keystroke on the way to that one, unless the reader acted on it. @default 5000
   */
  typingWindowMs?: number;
  /** A click or contact without a searchId is tied to the latest matching search this recent. @default 1800000 (30 min) */
  attributionWindowMs?: number;
  /** Rows per table (per locale for the query tables). @default 15 */
  limit?: number;
}

export interface QueryGroup {
  locale: string;
  /** Grouping key (normalised query). */
  key: string;
  /** The most frequent spelling, for display. */
  query: string;
  /** Different spellings folded into this group. */
  variants: number;
  count: number;
}

export interface ZeroResultGroup extends QueryGroup {
  /** Of these searches, how many were followed by a contact click. */
  contacted: number;
}

export interface NoClickGroup extends QueryGroup {
  /** Settled searches for this query that had results (clicked or not). */
  searches: number;
  /** Average number of results shown when nobody clicked. */
  averageResults: number;
}

export interface ContactGroup extends QueryGroup {
  /** Of these, searches that had no results. */
  zeroResults: number;
}

export interface ArticleFeedback {
  locale: string;
  url: string;
  yes: number;
  no: number;
  /** no / (yes + no). */
  noRatio: number;
  /** Reasons given with "No"; `none` counts a "No" without a reason. */
  reasons: Record<string, number>;
  /** The latest comments (already masked), newest first, at most three. */
  comments: string[];
}

export interface ScoreParts {
  /** Settled searches with a result click and no contact click. */
  resolvedSearches: number;
  helpfulVotes: number;
  contactClicks: number;
  /** (resolved + helpful) / (resolved + helpful + contacts), or null with nothing to count. */
  score: number | null;
}

export interface Insights {
  totals: {
    events: number;
    /** Raw `search` events, keystrokes included. */
    searchEvents: number;
    /** Searches after folding type-ahead keystrokes (see typingWindowMs). */
    searches: number;
    zeroResultSearches: number;
    resultClicks: number;
    helpful: number;
    notHelpful: number;
    contactClicks: number;
    locales: string[];
    /** Earliest and latest time seen (received time when known, else client time), ms. */
    from?: number;
    to?: number;
  };
  zeroResults: ZeroResultGroup[];
  noClick: NoClickGroup[];
  leastHelpful: ArticleFeedback[];
  contactAfterSearch: ContactGroup[];
  score: ScoreParts & { byLocale: Record<string, ScoreParts> };
  /** The contact page's and the widget's contact form: attempts answered by a suggested article (see deflection.ts). */
  deflection: Deflection;
}

/** The default grouping key: the tokenizer's normal form (NFKC, lower case, diacritics folded), punctuation as space. */
export function defaultQueryKey(query: string): string {
  return normalize(query)
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

interface Search {
  row: InsightRow;
  key: string;
  resultCount: number;
  clicked: boolean;
  contacted: boolean;
}

const byTime = (a: { ts: number }, b: { ts: number }) => a.ts - b.ts;

export function computeInsights(rows: readonly InsightRow[], options: InsightOptions = {}): Insights {
  const keyOf = options.normalizeQuery ?? defaultQueryKey;
  const typingWindow = options.typingWindowMs ?? 5_000;
  const attribution = options.attributionWindowMs ?? 30 * 60_000;
  const limit = options.limit ?? 15;

  const sorted = [...rows].sort(byTime);
  const ofType = (type: InsightRow['type']) => sorted.filter((r) => r.type === type);

  // A zero_results event normally repeats a search event (same searchId); alone, it stands for the search.
  const searchIds = new Set(ofType('search').map((r) => r.searchId).filter(Boolean));
  const searchRows = sorted.filter((r) => r.type === 'search' || (r.type === 'zero_results' && !(r.searchId && searchIds.has(r.searchId))));
  const all: Search[] = searchRows.map((row) => ({
    row,
    key: keyOf(row.query ?? ''),
    resultCount: row.type === 'zero_results' ? 0 : (row.resultCount ?? 0),
    clicked: false,
    contacted: false,
  }));

  // Tie clicks and contacts to searches: by searchId, else the latest search for the same query on that page.
  const byId = new Map<string, Search>();
  for (const s of all) if (s.row.searchId) byId.set(s.row.searchId, s);
  const byPageQuery = new Map<string, Search[]>();
  for (const s of all) {
    const k = `${s.row.locale}\u0000${s.row.page}\u0000${s.key}`;
    (byPageQuery.get(k) ?? byPageQuery.set(k, []).get(k)!).push(s);
  }
  const findSearch = (row: InsightRow): Search | undefined => {
    if (row.searchId && byId.has(row.searchId)) return byId.get(row.searchId);
    if (!row.query) return undefined;
    const candidates = byPageQuery.get(`${row.locale}\u0000${row.page}\u0000${keyOf(row.query)}`) ?? [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const s = candidates[i]!;
      if (s.row.ts <= row.ts && row.ts - s.row.ts <= attribution) return s;
    }
    return undefined;
  };
  for (const click of ofType('result_click')) {
    const s = findSearch(click);
    if (s) s.clicked = true;
  }
  const contacts = ofType('contact_click');
  const contactSearch = new Map<InsightRow, Search>();
  for (const contact of contacts) {
    if (!contact.searchId && contact.source !== 'zero-results') continue;
    const s = findSearch(contact);
    if (!s) continue;
    s.contacted = true;
    contactSearch.set(contact, s);
  }

  const settled = settleTypeAhead(all, typingWindow);

  const zeroSearches = settled.filter((s) => s.resultCount === 0);
  const zeroResults = topPerLocale(
    groupQueries(zeroSearches, (s) => s.row.locale, (s) => s.key, (s) => s.row.query ?? '').map((g) => ({
      ...g.group,
      contacted: g.items.filter((s) => s.contacted).length,
    })),
    limit,
  );

  const withResults = settled.filter((s) => s.resultCount > 0);
  const noClick = topPerLocale(
    groupQueries(withResults, (s) => s.row.locale, (s) => s.key, (s) => s.row.query ?? '')
      .map((g) => {
        const missed = g.items.filter((s) => !s.clicked);
        return {
          ...g.group,
          count: missed.length,
          searches: g.items.length,
          averageResults: missed.length ? round1(missed.reduce((n, s) => n + s.resultCount, 0) / missed.length) : 0,
        };
      })
      .filter((g) => g.count > 0),
    limit,
  );

  const contacted = [...contactSearch.values()];
  const contactAfterSearch = topPerLocale(
    groupQueries(contacted, (s) => s.row.locale, (s) => s.key, (s) => s.row.query ?? '').map((g) => ({
      ...g.group,
      zeroResults: g.items.filter((s) => s.resultCount === 0).length,
    })),
    limit,
  );

  const feedback = ofType('feedback');
  const leastHelpful = articleFeedback(feedback)
    .filter((a) => a.no > 0)
    .sort((a, b) => b.no - a.no || b.noRatio - a.noRatio || a.locale.localeCompare(b.locale) || a.url.localeCompare(b.url))
    .slice(0, limit);

  const locales = [...new Set(sorted.map((r) => r.locale))].sort();
  const scoreFor = (locale?: string): ScoreParts => {
    const inLocale = <T extends { locale: string }>(r: T) => locale === undefined || r.locale === locale;
    const resolvedSearches = settled.filter((s) => inLocale(s.row) && s.clicked && !s.contacted).length;
    const helpfulVotes = feedback.filter((r) => inLocale(r) && r.helpful === true).length;
    const contactClicks = contacts.filter(inLocale).length;
    const total = resolvedSearches + helpfulVotes + contactClicks;
    return { resolvedSearches, helpfulVotes, contactClicks, score: total === 0 ? null : (resolvedSearches + helpfulVotes) / total };
  };

  let from = Infinity;
  let to = -Infinity;
  for (const r of sorted) {
    const t = r.receivedAt ?? r.ts;
    if (t < from) from = t;
    if (t > to) to = t;
  }
  return {
    totals: {
      events: sorted.length,
      searchEvents: ofType('search').length,
      searches: settled.length,
      zeroResultSearches: zeroSearches.length,
      resultClicks: ofType('result_click').length,
      helpful: feedback.filter((r) => r.helpful === true).length,
      notHelpful: feedback.filter((r) => r.helpful === false).length,
      contactClicks: contacts.length,
      locales,
      ...(sorted.length ? { from, to } : {}),
    },
    zeroResults,
    noClick,
    leastHelpful,
    contactAfterSearch,
    score: { ...scoreFor(), byLocale: Object.fromEntries(locales.map((l) => [l, scoreFor(l)])) },
    deflection: computeDeflection(sorted, { limit }),
  };
}

/**
 * Type-ahead sends one search per pause in typing: "r", "re", "refund". Keep the last of such a run: a search
 * is dropped when a later search on the same page and locale, within the window, extends or shortens its query
 * — unless the reader clicked a result or a contact link for it.
 */
export function settleTypeAhead<T extends { row: InsightRow; key: string; clicked?: boolean; contacted?: boolean }>(searches: readonly T[], windowMs: number): T[] {
  const streams = new Map<string, T[]>();
  for (const s of searches) {
    const k = `${s.row.locale}\u0000${s.row.page}`;
    (streams.get(k) ?? streams.set(k, []).get(k)!).push(s);
  }
  const dropped = new Set<T>();
  for (const stream of streams.values()) {
    stream.sort((a, b) => a.row.ts - b.row.ts);
    for (let i = 0; i < stream.length; i++) {
      const s = stream[i]!;
      if (s.clicked || s.contacted) continue;
      for (let j = i + 1; j < stream.length && stream[j]!.row.ts - s.row.ts <= windowMs; j++) {
        const later = stream[j]!;
        const sameSearch = s.row.searchId !== undefined && s.row.searchId !== null && later.row.searchId === s.row.searchId;
        const related = s.key !== '' && later.key !== '' && (later.key.startsWith(s.key) || s.key.startsWith(later.key));
        if (sameSearch || related) {
          dropped.add(s);
          break;
        }
      }
    }
  }
  return searches.filter((s) => !dropped.has(s));
}

function groupQueries<T>(items: readonly T[], localeOf: (t: T) => string, keyOf: (t: T) => string, textOf: (t: T) => string) {
  const groups = new Map<string, { locale: string; key: string; items: T[]; spellings: Map<string, number> }>();
  for (const item of items) {
    const locale = localeOf(item);
    const key = keyOf(item);
    const id = `${locale}\u0000${key}`;
    const g = groups.get(id) ?? groups.set(id, { locale, key, items: [], spellings: new Map() }).get(id)!;
    g.items.push(item);
    const text = textOf(item).trim();
    g.spellings.set(text, (g.spellings.get(text) ?? 0) + 1);
  }
  return [...groups.values()].map((g) => {
    const [query] = [...g.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [''];
    return { group: { locale: g.locale, key: g.key, query, variants: g.spellings.size, count: g.items.length } satisfies QueryGroup, items: g.items };
  });
}

/** Within each locale (sorted), the `limit` largest groups, ties broken by key so the output is stable. */
function topPerLocale<T extends QueryGroup>(groups: T[], limit: number): T[] {
  const sorted = [...groups].sort((a, b) => a.locale.localeCompare(b.locale) || b.count - a.count || a.key.localeCompare(b.key));
  const taken = new Map<string, number>();
  return sorted.filter((g) => {
    const n = taken.get(g.locale) ?? 0;
    taken.set(g.locale, n + 1);
    return n < limit;
  });
}

function articleFeedback(rows: readonly InsightRow[]): ArticleFeedback[] {
  const articles = new Map<string, ArticleFeedback & { commentTimes: { ts: number; text: string }[] }>();
  for (const row of rows) {
    const url = (row.url ?? row.page).split('#')[0]!;
    const id = `${row.locale}\u0000${url}`;
    const a = articles.get(id) ?? articles.set(id, { locale: row.locale, url, yes: 0, no: 0, noRatio: 0, reasons: {}, comments: [], commentTimes: [] }).get(id)!;
    if (row.helpful) {
      a.yes++;
      continue;
    }
    a.no++;
    const reason = row.reason ?? 'none';
    a.reasons[reason] = (a.reasons[reason] ?? 0) + 1;
    if (row.comment?.trim()) a.commentTimes.push({ ts: row.ts, text: row.comment.trim() });
  }
  return [...articles.values()].map(({ commentTimes, ...a }) => ({
    ...a,
    noRatio: a.no / (a.yes + a.no),
    comments: commentTimes
      .sort((x, y) => y.ts - x.ts)
      .slice(0, 3)
      .map((c) => c.text),
  }));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
