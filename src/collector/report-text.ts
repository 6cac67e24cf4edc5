/**
 * The insights report for a terminal: aligned plain-text tables. Queries and comments come from the public, so
 * control and format characters (ANSI escapes, bidi overrides) are replaced before anything is printed, and
 * column widths count East Asian wide characters as two cells.
 */
import type { ArticleFeedback, Insights, ScoreParts } from './insights.ts';
import type { Deflection, DeflectionParts } from './deflection.ts';

export interface ReportContext {
  /** What was read, e.g. the database path. */
  source: string;
  /** Human description of the filters, e.g. "since 30d, locale ja". */
  filters?: string;
}

// Wide and fullwidth ranges (East Asian Width W/F), close enough for column alignment.
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const zeroWidth = /[\p{Mn}\p{Me}\u200B-\u200F]/u;

/** Terminal cells a string takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += zeroWidth.test(ch) ? 0 : wide.test(ch) ? 2 : 1;
  return width;
}

/** Make untrusted text safe to print: no escape sequences, no bidi tricks, one line. */
export function printable(text: string): string {
  return text.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}

/** Cut to `max` cells, with an ellipsis when something was cut. */
export function fit(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** Cut cells wider than this. */
  max?: number;
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly (string | number)[])[], indent = '  '): string {
  const cells = rows.map((row) => row.map((cell, i) => fit(printable(String(cell)), columns[i]?.max ?? 60)));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - displayWidth(text)));
    return columns[i]?.align === 'right' ? gap + text : text + gap;
  };
  const line = (row: readonly string[]) => indent + row.map(pad).join('  ').trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

function time(ms: number | undefined): string {
  return ms === undefined ? '–' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export function formatReasons(reasons: ArticleFeedback['reasons']): string {
  return Object.entries(reasons)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
}

function scoreRow(label: string, s: ScoreParts): (string | number)[] {
  return [label, s.resolvedSearches, s.helpfulVotes, s.contactClicks, percent(s.score)];
}

export function renderTextReport(insights: Insights, context: ReportContext): string {
  const t = insights.totals;
  const out: string[] = [];
  const section = (title: string, body: string) => out.push('', title, body);
  const none = '  (none)';

  out.push(`Self-service report: ${printable(context.source)}${context.filters ? ` (${printable(context.filters)})` : ''}`);
  out.push(`${time(t.from)} to ${time(t.to)} UTC · locales: ${t.locales.map(printable).join(', ') || '–'}`);
  section(
    'Totals',
    formatTable(
      [{ title: 'events' }, { title: 'searches' }, { title: 'zero results' }, { title: 'result clicks' }, { title: 'helpful' }, { title: 'not helpful' }, { title: 'contact clicks' }].map((c) => ({ ...c, align: 'right' as const })),
      [[t.events, t.searches, t.zeroResultSearches, t.resultClicks, t.helpful, t.notHelpful, t.contactClicks]],
    ) + (t.searchEvents > t.searches ? `\n  (${t.searchEvents} search events, folded into ${t.searches} searches once type-ahead keystrokes are removed)` : ''),
  );

  const s = insights.score;
  section(
    `Self-service score: ${percent(s.score)}  = (resolved searches + helpful votes) / (resolved searches + helpful votes + contact clicks)`,
    formatTable(
      [{ title: 'locale' }, { title: 'resolved searches', align: 'right' }, { title: 'helpful votes', align: 'right' }, { title: 'contact clicks', align: 'right' }, { title: 'score', align: 'right' }],
      [...Object.entries(s.byLocale).map(([locale, parts]) => scoreRow(locale, parts)), scoreRow('all', s)],
    ),
  );

  deflectionSections(insights.deflection, section, none);

  section(
    'Top zero-result queries (write or retitle an article for these)',
    insights.zeroResults.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'query', max: 40 }, { title: 'searches', align: 'right' }, { title: 'spellings', align: 'right' }, { title: 'then contacted', align: 'right' }],
          insights.zeroResults.map((g) => [g.locale, g.query, g.count, g.variants, g.contacted]),
        )
      : none,
  );

  section(
    'Queries with results but no click (results did not look right)',
    insights.noClick.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'query', max: 40 }, { title: 'no click', align: 'right' }, { title: 'of searches', align: 'right' }, { title: 'avg results', align: 'right' }],
          insights.noClick.map((g) => [g.locale, g.query, g.count, g.searches, g.averageResults.toFixed(1)]),
        )
      : none,
  );

  section(
    'Least helpful articles',
    insights.leastHelpful.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'article', max: 48 }, { title: 'no', align: 'right' }, { title: 'yes', align: 'right' }, { title: 'no %', align: 'right' }, { title: 'reasons', max: 60 }],
          insights.leastHelpful.map((a) => [a.locale, a.url, a.no, a.yes, percent(a.noRatio), formatReasons(a.reasons)]),
        ) + comments(insights.leastHelpful)
      : none,
  );

  section(
    'Searches that ended in a contact click',
    insights.contactAfterSearch.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'query', max: 40 }, { title: 'contacts', align: 'right' }, { title: 'with zero results', align: 'right' }],
          insights.contactAfterSearch.map((g) => [g.locale, g.query, g.count, g.zeroResults]),
        )
      : none,
  );
  return `${out.join('\n')}\n`;
}

function deflectionRow(label: string, p: DeflectionParts): (string | number)[] {
  return [label, p.attempts, p.deflected, p.readThenContacted, p.contacted, p.left, percent(p.rate)];
}

/** The contact page's and the widget's figures: what the suggestions answered, and what still reached support. */
function deflectionSections(d: Deflection, section: (title: string, body: string) => void, none: string) {
  const columns = [{ title: 'locale' }, ...['attempts', 'answered by a suggestion', 'read, then contacted', 'contacted', 'left', 'deflection'].map((title) => ({ title, align: 'right' as const }))];
  const sources = Object.entries(d.bySource).map(([source, p]) => `${source} ${p.attempts} attempts, ${percent(p.rate)}`).join(' · ');
  section(
    `Contact deflection: ${percent(d.total.rate)}  = contact attempts answered by a suggested article / contact attempts`,
    d.total.attempts
      ? formatTable(columns, [...Object.entries(d.byLocale).map(([locale, p]) => deflectionRow(locale, p)), deflectionRow('all', d.total)]) + `
  (${sources})`
      : none,
  );
  section(
    'Articles that answered contacts (keep these current)',
    d.articles.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'article', max: 48 }, { title: 'answered', align: 'right' }, { title: 'opened', align: 'right' }, { title: 'then contacted', align: 'right' }],
          d.articles.map((a) => [a.locale, a.url, a.deflected, a.opened, a.thenContacted]),
        )
      : none,
  );
  section(
    'What people still contact about (subjects grouped by shared words: write or improve these articles)',
    d.stillContacting.length
      ? formatTable(
          [{ title: 'locale' }, { title: 'words', max: 30 }, { title: 'contacts', align: 'right' }, { title: 'after reading', align: 'right' }, { title: 'examples', max: 70 }],
          d.stillContacting.map((c) => [c.locale, c.terms.join(' + '), c.count, c.afterReading, c.examples.map((e) => `“${e}”`).join(', ')]),
        )
      : none,
  );
}

function comments(articles: readonly ArticleFeedback[]): string {
  const lines = articles.flatMap((a) => a.comments.map((c) => `  ${fit(printable(a.url), 48)}: “${fit(printable(c), 100)}”`));
  return lines.length ? `\n\n  Latest comments:\n${lines.map((l) => `  ${l}`).join('\n')}` : '';
}
