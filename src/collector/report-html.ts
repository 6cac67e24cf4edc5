/**
 * The insights report as ONE self-contained HTML file: inline CSS, inline SVG bar charts, no script, nothing
 * fetched. Every string from the data goes through `esc`, and a Content-Security-Policy that allows only this
 * file's own stylesheet backs that up: even a missed escape could not load or run anything.
 */
import { createHash } from 'node:crypto';
import type { ArticleFeedback, Insights, QueryGroup, ScoreParts } from './insights.ts';
import { fit, formatReasons, percent, printable, type ReportContext } from './report-text.ts';

/** Escape for HTML text and double- or single-quoted attributes; also neutralises control and bidi characters. */
export function esc(value: unknown): string {
  return printable(String(value)).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const css = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--bar:#2f6fde;--good:#1a7f37;--bad:#cf222e}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--bar:#4c8dff;--good:#3fb950;--bad:#f85149}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Apple SD Gothic Neo","Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:40px 0 4px;padding-top:16px;border-top:1px solid var(--line)}h3{font-size:1rem;margin:20px 0 8px}
p.note,.meta{color:var(--muted);margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px;margin:20px 0}.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card b{display:block;font-size:1.4rem}.card span{color:var(--muted);font-size:.85rem}
.score{font-size:2.4rem;font-weight:700}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.9rem}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}th{color:var(--muted);font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
svg{display:block;max-width:100%;height:auto;margin:8px 0}svg text{fill:var(--fg);font-size:12px}svg .value{fill:var(--muted)}svg .bar{fill:var(--bar)}svg .yes{fill:var(--good)}svg .no{fill:var(--bad)}svg .track{fill:var(--panel)}
blockquote{margin:4px 0 4px 0;padding:2px 10px;border-left:3px solid var(--line);color:var(--muted)}
.legend{font-size:.85rem;color:var(--muted)}.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;border-radius:2px}.legend .yes{background:var(--good)}.legend .no{background:var(--bad)}.legend .bar{background:var(--bar)}
`.trim();

interface Bar {
  label: string;
  value: number;
  /** For a two-part bar: the second part (drawn after `value`). */
  second?: number;
  note?: string;
}

/** A horizontal bar chart; labels are cut to fit, the full text is in each row's <title>. */
export function barChart(bars: readonly Bar[], { title, kind = 'bar', max: fullScale }: { title: string; kind?: 'bar' | 'no-yes'; max?: number }): string {
  if (bars.length === 0) return '';
  const labelWidth = 240;
  const chartWidth = 480;
  const valueWidth = 120;
  const row = 24;
  const max = fullScale ?? Math.max(1, ...bars.map((b) => b.value + (b.second ?? 0)));
  const height = bars.length * row + 4;
  const body = bars
    .map((b, i) => {
      const y = i * row + 2;
      const w1 = (b.value / max) * chartWidth;
      const w2 = ((b.second ?? 0) / max) * chartWidth;
      const first = kind === 'no-yes' ? 'no' : 'bar';
      const label = fit(printable(b.label), 44);
      return [
        `<g><title>${esc(b.label)}: ${esc(b.note ?? b.value)}</title>`,
        `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(label)}</text>`,
        `<rect class="track" x="${labelWidth}" y="${y + 3}" width="${chartWidth}" height="16" rx="2"/>`,
        `<rect class="${first}" x="${labelWidth}" y="${y + 3}" width="${w1.toFixed(1)}" height="16" rx="2"/>`,
        b.second ? `<rect class="yes" x="${(labelWidth + w1).toFixed(1)}" y="${y + 3}" width="${w2.toFixed(1)}" height="16" rx="2"/>` : '',
        `<text class="value" x="${labelWidth + chartWidth + 8}" y="${y + 15}">${esc(b.note ?? b.value)}</text></g>`,
      ].join('');
    })
    .join('\n');
  return `<svg viewBox="0 0 ${labelWidth + chartWidth + valueWidth} ${height}" width="${labelWidth + chartWidth + valueWidth}" role="img" aria-label="${esc(title)}">\n${body}\n</svg>`;
}

function table(head: readonly (string | [string, 'n'])[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = head.map((h) => Array.isArray(h));
  const th = head.map((h) => (Array.isArray(h) ? `<th class="n">${esc(h[0])}</th>` : `<th>${esc(h)}</th>`)).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function byLocale<T extends QueryGroup>(groups: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const g of groups) (out.get(g.locale) ?? out.set(g.locale, []).get(g.locale)!).push(g);
  return out;
}

function card(value: string | number, label: string): string {
  return `<div class="card"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

function scoreRow(locale: string, s: ScoreParts): (string | number)[] {
  return [locale, s.resolvedSearches, s.helpfulVotes, s.contactClicks, percent(s.score)];
}

const n = (title: string): [string, 'n'] => [title, 'n'];

export function renderHtmlReport(insights: Insights, context: ReportContext & { generatedAt?: number }): string {
  const t = insights.totals;
  const when = (ms: number | undefined) => (ms === undefined ? '–' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
  const parts: string[] = [];

  parts.push(`<h1>Self-service report</h1>`);
  parts.push(
    `<p class="meta">${esc(context.source)}${context.filters ? ` · ${esc(context.filters)}` : ''} · ${esc(when(t.from))} to ${esc(when(t.to))} UTC · locales: ${esc(t.locales.join(', ') || '–')}</p>`,
  );
  parts.push(
    `<div class="cards">${[
      card(percent(insights.score.score), 'self-service score'),
      card(t.searches, 'searches'),
      card(t.zeroResultSearches, 'with zero results'),
      card(t.resultClicks, 'result clicks'),
      card(t.helpful, 'helpful votes'),
      card(t.notHelpful, 'not helpful votes'),
      card(t.contactClicks, 'contact clicks'),
    ].join('')}</div>`,
  );
  parts.push(`<p class="note">${esc(`${t.searchEvents} search events were folded into ${t.searches} searches once type-ahead keystrokes were removed.`)}</p>`);

  const s = insights.score;
  parts.push(`<h2>Self-service score</h2>`);
  parts.push(`<p class="score">${esc(percent(s.score))}</p>`);
  parts.push(
    `<p class="note">(resolved searches + helpful votes) / (resolved searches + helpful votes + contact clicks). A resolved search had a result click and no contact click.</p>`,
  );
  const locales = Object.entries(s.byLocale);
  parts.push(
    barChart(
      locales.map(([locale, p]) => ({ label: locale, value: (p.score ?? 0) * 100, note: percent(p.score) })),
      { title: 'Self-service score by locale', max: 100 },
    ),
  );
  parts.push(table(['locale', n('resolved searches'), n('helpful votes'), n('contact clicks'), n('score')], [...locales.map(([l, p]) => scoreRow(l, p)), scoreRow('all', s)]));

  const d = insights.deflection;
  parts.push(`<h2>Contact deflection</h2>`);
  parts.push(`<p class="score">${esc(percent(d.total.rate))}</p>`);
  parts.push(`<p class="note">Contact attempts (on the contact page or in the widget) where the customer opened a suggested article and did not send the message.</p>`);
  const deflectionRow = (label: string, p: typeof d.total) => [label, p.attempts, p.deflected, p.readThenContacted, p.contacted, p.left, percent(p.rate)];
  if (!d.total.attempts) parts.push('<p>None.</p>');
  else {
    parts.push(barChart(Object.entries(d.byLocale).map(([locale, p]) => ({ label: locale, value: (p.rate ?? 0) * 100, note: percent(p.rate) })), { title: 'Contact deflection by locale', max: 100 }));
    parts.push(
      table(
        ['', n('attempts'), n('answered by a suggestion'), n('read, then contacted'), n('contacted'), n('left'), n('deflection')],
        [...Object.entries(d.byLocale).map(([l, p]) => deflectionRow(l, p)), ...Object.entries(d.bySource).map(([source, p]) => deflectionRow(source, p)), deflectionRow('all', d.total)],
      ),
    );
  }
  parts.push(`<h3>Articles that answered contacts</h3>`);
  parts.push(d.articles.length ? table(['locale', 'article', n('answered'), n('opened'), n('then contacted')], d.articles.map((a) => [a.locale, a.url, a.deflected, a.opened, a.thenContacted])) : '<p>None.</p>');
  parts.push(`<h3>What people still contact about</h3><p class="note">Subjects of messages sent, grouped by the words they share.</p>`);
  parts.push(
    d.stillContacting.length
      ? table(['locale', 'words', n('contacts'), n('after reading'), 'examples'], d.stillContacting.map((c) => [c.locale, c.terms.join(' + '), c.count, c.afterReading, c.examples.join(' · ')]))
      : '<p>None.</p>',
  );

  parts.push(`<h2>Top zero-result queries</h2><p class="note">Readers searched and found nothing: write an article, or add these words to an existing one.</p>`);
  if (!insights.zeroResults.length) parts.push('<p>None.</p>');
  for (const [locale, groups] of byLocale(insights.zeroResults)) {
    parts.push(`<h3>${esc(locale)}</h3>`);
    parts.push(barChart(groups.map((g) => ({ label: g.query, value: g.count })), { title: `Top zero-result queries, ${locale}` }));
    parts.push(table(['query', n('searches'), n('spellings'), n('then contacted')], groups.map((g) => [g.query, g.count, g.variants, g.contacted])));
  }

  parts.push(`<h2>Queries with results but no click</h2><p class="note">The results did not look like the answer: check titles and summaries, or the article is missing.</p>`);
  if (!insights.noClick.length) parts.push('<p>None.</p>');
  for (const [locale, groups] of byLocale(insights.noClick)) {
    parts.push(`<h3>${esc(locale)}</h3>`);
    parts.push(barChart(groups.map((g) => ({ label: g.query, value: g.count, note: `${g.count} of ${g.searches}` })), { title: `Queries without a click, ${locale}` }));
    parts.push(table(['query', n('no click'), n('of searches'), n('avg results')], groups.map((g) => [g.query, g.count, g.searches, g.averageResults.toFixed(1)])));
  }

  parts.push(`<h2>Least helpful articles</h2>`);
  if (!insights.leastHelpful.length) parts.push('<p>None.</p>');
  else {
    parts.push(`<p class="legend"><i class="no"></i>not helpful<i class="yes"></i>helpful</p>`);
    parts.push(
      barChart(
        insights.leastHelpful.map((a) => ({ label: `${a.locale} ${a.url}`, value: a.no, second: a.yes, note: `${a.no} no / ${a.yes} yes` })),
        { title: 'Least helpful articles', kind: 'no-yes' },
      ),
    );
    parts.push(
      table(
        ['locale', 'article', n('no'), n('yes'), n('no %'), 'reasons'],
        insights.leastHelpful.map((a) => [a.locale, a.url, a.no, a.yes, percent(a.noRatio), formatReasons(a.reasons)]),
      ),
    );
    parts.push(commentsHtml(insights.leastHelpful));
  }

  parts.push(`<h2>Searches that ended in a contact click</h2>`);
  if (!insights.contactAfterSearch.length) parts.push('<p>None.</p>');
  for (const [locale, groups] of byLocale(insights.contactAfterSearch)) {
    parts.push(`<h3>${esc(locale)}</h3>`);
    parts.push(table(['query', n('contacts'), n('with zero results')], groups.map((g) => [g.query, g.count, g.zeroResults])));
  }

  const hash = createHash('sha256').update(css).digest('base64');
  const generated = context.generatedAt === undefined ? '' : `<p class="meta">Generated ${esc(new Date(context.generatedAt).toISOString())}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>Self-service report</title>
<style>${css}</style>
</head>
<body>
<main>
${parts.filter(Boolean).join('\n')}
${generated}
</main>
</body>
</html>
`;
}

function commentsHtml(articles: readonly ArticleFeedback[]): string {
  const withComments = articles.filter((a) => a.comments.length);
  if (!withComments.length) return '';
  return `<h3>Latest comments</h3>\n${withComments
    .map((a) => `<p><b>${esc(a.locale)} ${esc(a.url)}</b></p>\n${a.comments.map((c) => `<blockquote>${esc(c)}</blockquote>`).join('\n')}`)
    .join('\n')}`;
}
