import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInsightsCli } from '../../../src/collector/cli.ts';
import { computeInsights, defaultQueryKey, settleTypeAhead, type InsightRow } from '../../../src/collector/insights.ts';
import { openEventStore, readEvents } from '../../../src/collector/storage.ts';
import type { SiteEvent } from '../../../src/feedback/events.ts';
import { generateEventLog, queries } from './event-log.ts';
import { displayWidth } from '../../../src/collector/report-text.ts';
import { baseTime, tempDir } from './helpers.ts';

const { events, expected } = generateEventLog('kb-insights', 600);
const rows = events as unknown as InsightRow[];

describe('computeInsights on a seeded event log', () => {
  const insights = computeInsights(rows, { limit: 100 });

  it('folds every spelling of a query into one group, and keeps different queries apart', () => {
    for (const lists of Object.values(queries)) {
      for (const spellings of lists) expect(new Set(spellings.map(defaultQueryKey)).size).toBe(1);
      expect(new Set(lists.map((s) => defaultQueryKey(s[0]!))).size).toBe(lists.length);
    }
  });

  it('pins the headline figures', () => {
    expect(events).toHaveLength(1793);
    expect(insights.totals).toEqual({
      events: 1793,
      searchEvents: 998,
      searches: 342,
      zeroResultSearches: 99,
      resultClicks: 192,
      helpful: 115,
      notHelpful: 94,
      contactClicks: 205,
      locales: ['en', 'ja', 'ko'],
      from: baseTime,
      to: expect.any(Number),
    });
    expect(insights.score).toMatchObject({ resolvedSearches: 139, helpfulVotes: 115, contactClicks: 205 });
    expect(insights.score.score).toBeCloseTo(254 / 459, 12);
  });

  it('matches the tally kept while generating', () => {
    const s = expected.sessions;
    expect(insights.totals.searches).toBe(expected.settledSearches);
    expect(insights.totals.zeroResultSearches).toBe(s['zero-abandon'] + s['zero-contact']);
    expect(insights.totals.helpful).toBe(s.helpful);
    expect(insights.totals.notHelpful).toBe(s['not-helpful'] + s['not-helpful-contact']);
    expect(insights.score.resolvedSearches).toBe(expected.resolved);
    expect(insights.score.helpfulVotes).toBe(expected.helpful);
    expect(insights.score.contactClicks).toBe(expected.contacts);
    const perLocale = Object.values(insights.score.byLocale);
    expect(perLocale.reduce((n, p) => n + p.resolvedSearches + p.helpfulVotes + p.contactClicks, 0)).toBe(expected.resolved + expected.helpful + expected.contacts);
  });

  it('lists zero-result queries per locale with how many then contacted support', () => {
    const got = Object.fromEntries(insights.zeroResults.map((g) => [`${g.locale} ${g.key}`, { count: g.count, contacted: g.contacted }]));
    const want = Object.fromEntries(Object.entries(expected.zeroResults).flatMap(([locale, keys]) => Object.entries(keys).map(([key, v]) => [`${locale} ${key}`, v])));
    expect(got).toEqual(want);
    // Within a locale, the biggest first.
    const en = insights.zeroResults.filter((g) => g.locale === 'en').map((g) => g.count);
    expect(en).toEqual([...en].sort((a, b) => b - a));
    expect(insights.zeroResults.map((g) => g.locale)).toEqual([...insights.zeroResults.map((g) => g.locale)].sort());
  });

  it('lists queries that had results but no click, out of all searches for them', () => {
    const got = Object.fromEntries(insights.noClick.map((g) => [`${g.locale} ${g.key}`, { count: g.count, searches: g.searches }]));
    const want = Object.fromEntries(
      Object.entries(expected.noClick).flatMap(([locale, keys]) =>
        Object.entries(keys)
          .filter(([, v]) => v.count > 0)
          .map(([key, v]) => [`${locale} ${key}`, v]),
      ),
    );
    expect(got).toEqual(want);
  });

  it('lists searches that ended in a contact click', () => {
    const got = Object.fromEntries(insights.contactAfterSearch.map((g) => [`${g.locale} ${g.key}`, { count: g.count, zeroResults: g.zeroResults }]));
    const want = Object.fromEntries(Object.entries(expected.contactAfterSearch).flatMap(([locale, keys]) => Object.entries(keys).map(([key, v]) => [`${locale} ${key}`, v])));
    expect(got).toEqual(want);
  });

  it('ranks the least helpful articles by "no" votes, with their reasons', () => {
    const got = Object.fromEntries(insights.leastHelpful.map((a) => [`${a.locale} ${a.url}`, { yes: a.yes, no: a.no, reasons: a.reasons }]));
    const want = Object.fromEntries(Object.entries(expected.articles).filter(([, a]) => a.no > 0));
    expect(got).toEqual(want);
    const noes = insights.leastHelpful.map((a) => a.no);
    expect(noes).toEqual([...noes].sort((a, b) => b - a));
    for (const a of insights.leastHelpful) {
      expect(a.noRatio).toBeCloseTo(a.no / (a.no + a.yes), 12);
      expect(a.comments.length).toBeLessThanOrEqual(3);
    }
  });

  it('gives the same report from the database the collector writes', async () => {
    const tmp = tempDir('insights-db');
    try {
      const path = join(tmp.dir, 'events.sqlite');
      const store = openEventStore(path);
      for (const e of events) void store.add([e], e.ts);
      store.close();
      const fromDb = computeInsights(readEvents(path), { limit: 100 });
      // The collector masks and NFKC-normalises on arrival; grouping keys do not change, display spellings may.
      const strip = (i: typeof fromDb) => ({ ...i, zeroResults: i.zeroResults.map(({ query: _q, variants: _v, ...g }) => g), noClick: i.noClick.map(({ query: _q, variants: _v, ...g }) => g), contactAfterSearch: i.contactAfterSearch.map(({ query: _q, variants: _v, ...g }) => g), leastHelpful: i.leastHelpful.map(({ comments: _c, ...a }) => a) });
      expect(strip(fromDb)).toEqual(strip(insights));
    } finally {
      tmp.remove();
    }
  });
});

describe('the rules behind the figures', () => {
  const at = (ms: number) => baseTime + ms;
  const search = (ts: number, query: string, resultCount: number, searchId: string, page = '/en/'): InsightRow => ({ ts: at(ts), type: 'search', locale: 'en', page, query, resultCount, searchId });

  it('folds type-ahead keystrokes into the search they led to, also when the reader deletes', () => {
    const typed = [search(0, 'pa', 3, 'a'), search(300, 'pass', 0, 'b'), search(700, 'password', 2, 'c'), search(1_500, 'passwor', 2, 'd'), search(30_000, 'password', 2, 'e')];
    const settled = settleTypeAhead(
      typed.map((row) => ({ row, key: row.query! })),
      5_000,
    );
    expect(settled.map((s) => s.row.searchId)).toEqual(['d', 'e']);
  });

  it('keeps a keystroke search the reader acted on', () => {
    const typed = [search(0, 'refund', 3, 'a'), search(500, 'refund policy', 0, 'b')];
    const result = computeInsights([...typed, { ts: at(400), type: 'result_click', locale: 'en', page: '/en/', query: 'refund', rank: 1, url: '/en/a/', searchId: 'a' }]);
    expect(result.totals.searches).toBe(2);
    expect(result.score.resolvedSearches).toBe(1);
  });

  it('does not fold searches on different pages or far apart in time', () => {
    const typed = [search(0, 'pass', 3, 'a', '/en/'), search(100, 'password', 3, 'b', '/en/other/'), search(0, 'x', 1, 'c', '/en/third/'), search(60_000, 'xy', 1, 'd', '/en/third/')];
    expect(computeInsights(typed).totals.searches).toBe(4);
  });

  it('counts a zero_results event without its search event as a search', () => {
    const result = computeInsights([
      { ts: at(0), type: 'zero_results', locale: 'ja', page: '/ja/', query: '領収書' },
      { ts: at(60_000), type: 'zero_results', locale: 'ja', page: '/ja/', query: '領収書', searchId: 'z' },
      search(120_000, 'other', 0, 'y'),
      { ts: at(120_000), type: 'zero_results', locale: 'en', page: '/en/', query: 'other', searchId: 'y' },
    ]);
    expect(result.totals.zeroResultSearches).toBe(3);
    expect(result.zeroResults.map((g) => [g.locale, g.query, g.count])).toEqual([
      ['en', 'other', 1],
      ['ja', '領収書', 2],
    ]);
  });

  it('ties a click without searchId to the latest search for that query on that page, within 30 minutes', () => {
    const click = (ts: number, query: string): InsightRow => ({ ts: at(ts), type: 'result_click', locale: 'en', page: '/en/', query, rank: 1, url: '/en/a/' });
    const result = computeInsights([search(0, 'Refund', 2, 'a'), click(10_000, 'refund'), search(600_000, 'invoice', 2, 'b'), click(600_000 + 31 * 60_000, 'invoice')]);
    expect(result.score.resolvedSearches).toBe(1);
    expect(result.noClick.map((g) => g.query)).toEqual(['invoice']);
  });

  it('defines the score as (resolved searches + helpful votes) / (those + contact clicks)', () => {
    const result = computeInsights([
      search(0, 'a', 1, 's1'),
      { ts: at(1), type: 'result_click', locale: 'en', page: '/en/', query: 'a', rank: 1, url: '/en/a/', searchId: 's1' },
      search(600_000, 'b', 1, 's2'),
      { ts: at(600_001), type: 'result_click', locale: 'en', page: '/en/', query: 'b', rank: 1, url: '/en/b/', searchId: 's2' },
      { ts: at(600_002), type: 'contact_click', locale: 'en', page: '/en/', source: 'footer', url: '/en/', searchId: 's2' },
      { ts: at(700_000), type: 'feedback', locale: 'en', page: '/en/a/', url: '/en/a/', helpful: true },
      { ts: at(700_001), type: 'feedback', locale: 'en', page: '/en/a/', url: '/en/a/', helpful: false, reason: 'unclear' },
      { ts: at(800_000), type: 'contact_click', locale: 'en', page: '/en/', source: 'footer', url: '/en/' },
    ]);
    expect(result.score).toMatchObject({ resolvedSearches: 1, helpfulVotes: 1, contactClicks: 2, score: 0.5 });
    expect(computeInsights([]).score.score).toBeNull();
  });

  it('accepts another normaliser', () => {
    const result = computeInsights(
      [search(0, 'Refunds', 0, 'a'), search(600_000, 'refund', 0, 'b')],
      { normalizeQuery: (q) => q.toLowerCase().replace(/s$/, '') },
    );
    expect(result.zeroResults).toMatchObject([{ key: 'refund', count: 2, variants: 2 }]);
  });

  it('keeps at most `limit` rows per locale', () => {
    const many = Array.from({ length: 30 }, (_, i) => search(i * 600_000, `q${i}`, 0, `s${i}`));
    const ja = many.map((r) => ({ ...r, locale: 'ja', page: '/ja/', searchId: `j${r.searchId}` }));
    const result = computeInsights([...many, ...ja], { limit: 4 });
    expect(result.zeroResults.filter((g) => g.locale === 'en')).toHaveLength(4);
    expect(result.zeroResults.filter((g) => g.locale === 'ja')).toHaveLength(4);
  });
});

describe('npm run insights', () => {
  const tmp = tempDir('insights-cli');
  const path = join(tmp.dir, 'events.sqlite');
  const now = baseTime + 600 * 600_000;
  beforeAll(() => {
    const store = openEventStore(path);
    for (const e of events) void store.add([e], e.ts);
    const hostile: SiteEvent[] = [
      { v: 1, ts: baseTime, page: '/en/', locale: 'en', type: 'zero_results', query: '<script>alert(1)</script>' },
      { v: 1, ts: baseTime, page: '/en/', locale: 'en', type: 'zero_results', query: '<img src="https://evil.example/x.png" onerror=alert(1)>' },
      { v: 1, ts: baseTime, page: '/en/', locale: 'en', type: 'zero_results', query: '\u001b[31mred\u001b[0m \u202Egnp.exe' },
      { v: 1, ts: baseTime, page: '/en/x/', locale: 'en', type: 'feedback', url: 'https://evil.example/</style><script>x()</script>', helpful: false, reason: 'other', comment: '"><svg onload=alert(1)> <style>@import url(http://evil.example/a.css)</style>' },
    ];
    void store.add(hostile, baseTime);
    store.close();
  });
  afterAll(() => tmp.remove());

  async function run(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runInsightsCli(argv, {}, { out: (t) => (out += t), err: (t) => (err += t) }, now);
    return { code, out, err };
  }

  /** The rows of the table under a section title, without the header and dashes. */
  const tableAfter = (out: string, title: string) => {
    const lines = out.split(title)[1]!.split('\n\n')[0]!.split('\n').slice(1);
    return { header: lines[0]!, dashes: lines[1]!, rows: lines.slice(2) };
  };

  it('prints aligned tables, CJK counted as two columns, with escape sequences from the data defused', async () => {
    const { code, out } = await run('--db', path, '--limit', '30');
    expect(code).toBe(0);
    expect(out).toContain('Self-service score: 55.3%');
    const { header, dashes, rows } = tableAfter(out, 'Top zero-result queries');
    expect(header).toMatch(/^ {2}locale {2}query +searches {2}spellings {2}then contacted$/);
    // Right-aligned numbers end where the dashes of their column end.
    const end = dashes.length;
    for (const row of rows) expect(displayWidth(row)).toBe(end);
    expect(rows.find((r) => r.includes('返金'))).toMatch(/^ {2}ja {6}返金 +12 +1 +10$/);
    expect(out).not.toMatch(/[\u001b\u202E]/);
    expect(out).toContain('\uFFFD[31mred\uFFFD[0m \uFFFDgnp.exe');
  });

  it('filters by locale and time', async () => {
    const ja = await run('--db', path, '--locale', 'ja');
    expect(ja.out).toContain('(locale ja)');
    expect(ja.out).toContain('locales: ja');
    expect(ja.out).not.toMatch(/^ {2}(en|ko) /m);
    const recent = await run('--db', path, '--since', '1h');
    expect(recent.out).toContain('(since 1h)');
    const lastHour = computeInsights(rows.filter((r) => r.ts >= now - 3_600_000)).totals;
    expect(lastHour.events).toBeGreaterThan(0);
    expect(tableAfter(recent.out, 'Totals').rows[0]!.trim().split(/ +/).map(Number)).toEqual([
      lastHour.events,
      lastHour.searches,
      lastHour.zeroResultSearches,
      lastHour.resultClicks,
      lastHour.helpful,
      lastHour.notHelpful,
      lastHour.contactClicks,
    ]);
  });

  it('writes one self-contained HTML file that loads and runs nothing', async () => {
    const file = join(tmp.dir, 'report.html');
    const { code, out } = await run('--db', path, '--html', file);
    expect(code).toBe(0);
    expect(out).toContain(`HTML report: ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg viewBox=');
    expect(html).toContain("default-src 'none'");
    // Every tag comes from the template: data is escaped, so its < never opens one.
    const tags = html.match(/<[^>]*>/g)!;
    const names = new Set(tags.map((t) => /^<\/?([a-z0-9!]+)/i.exec(t)![1]!.toLowerCase()));
    const allowed = ['!doctype', 'b', 'blockquote', 'body', 'div', 'g', 'h1', 'h2', 'h3', 'head', 'html', 'i', 'main', 'meta', 'p', 'rect', 'span', 'style', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr'];
    expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
    // Nothing from outside: no tag points anywhere, the stylesheet imports nothing.
    for (const tag of tags) {
      expect(tag).not.toMatch(/\b(?:src|href|action|srcset|poster|data|on[a-z]+)\s*=/i);
      expect(tag).not.toMatch(/https?:/i);
    }
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toMatch(/url\(|@import|https?:/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    // The hostile strings are there, as text.
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#60;img src=&#34;https://evil.example/x.png&#34; onerror=alert(1)&#62;');
    expect(html).toContain('&#34;&#62;&#60;svg onload=alert(1)&#62;');
  });

  it('explains a bad database path or option', async () => {
    const missing = await run('--db', join(tmp.dir, 'nope.sqlite'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such event database/);
    const bad = await run('--since', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--since yesterday: expected a duration/);
  });
});

