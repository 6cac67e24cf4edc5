// The relevance section of docs/benchmarks.md: per language, this project against the baselines, held-out first.
import type { Metrics } from './metrics.ts';
import type { LocaleResult, RelevanceResult } from './run.ts';
import { median, percentile, kb, millis } from '../stats.ts';

export const sectionStart = '<!-- relevance:start -->';
export const sectionEnd = '<!-- relevance:end -->';

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)}`);
const ok = (pass: boolean) => (pass ? ' ✅' : ' ❌');

/** Targets on the held-out split. */
export const targets = { marginPoints: 5, maxZeroResult: 0.03, minNothingFound: 0.8 };

export function bestBaseline(locale: LocaleResult, split: 'dev' | 'test', metric: keyof Metrics): number {
  return Math.max(...locale.engines.filter((e) => e.name !== 'kb-site').map((e) => e[split][metric] as number));
}

export function checks(locale: LocaleResult): { recall: boolean; ndcg: boolean; zero: boolean; nothing: boolean } {
  const ours = locale.engines.find((e) => e.name === 'kb-site')!.test;
  return {
    recall: ours.recallAt10 * 100 >= bestBaseline(locale, 'test', 'recallAt10') * 100 + targets.marginPoints,
    ndcg: ours.ndcgAt10 * 100 >= bestBaseline(locale, 'test', 'ndcgAt10') * 100 + targets.marginPoints,
    zero: ours.zeroResultShare < targets.maxZeroResult,
    nothing: Number.isNaN(ours.nothingFoundShare) || ours.nothingFoundShare >= targets.minNothingFound,
  };
}

function table(result: RelevanceResult, split: 'dev' | 'test'): string {
  const rows = ['| Language | Engine | Recall@10 | nDCG@10 | MRR | Top 1 | No article shown, answerable | "Nothing found", unanswerable | "Nothing found", answerable |', '|---|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const locale of result.locales) {
    const c = checks(locale);
    for (const e of locale.engines) {
      const m = e[split];
      const mine = e.name === 'kb-site';
      const mark = (pass: boolean) => (mine && split === 'test' ? ok(pass) : '');
      const bold = (s: string) => (mine ? `**${s}**` : s);
      rows.push(
        `| ${locale.locale} (${m.answerable} + ${m.unanswerable}) | ${bold(e.name)} | ${bold(pct(m.recallAt10))}${mark(c.recall)} | ${bold(pct(m.ndcgAt10))}${mark(c.ndcg)} | ${pct(m.mrr)} | ${pct(m.successAt1)} | ${pct(m.zeroResultShare)}${mark(c.zero)} | ${pct(m.nothingFoundShare)}${mark(c.nothing)} | ${pct(m.falseNothingShare)} |`,
      );
    }
  }
  return rows.join('\n');
}

function costTable(result: RelevanceResult): string {
  const rows = ['| Language | First query, all questions (median / p95 / max) | First query, questions of 40+ characters (median / max) | Round trips | Warm query in Node (p50 / p95) |', '|---|---:|---:|---:|---:|'];
  for (const l of result.locales) {
    const { all, long } = l.cost.firstBytes;
    rows.push(
      `| ${l.locale} | ${kb(median(all))} / ${kb(percentile(all, 95))} / ${kb(Math.max(...all))} | ${long.length ? `${kb(median(long))} / ${kb(Math.max(...long))}${ok(Math.max(...long) <= 100 * 1024)}` : '–'} | ${l.cost.roundTrips}${ok(l.cost.roundTrips <= 3)} | ${millis(percentile(l.cost.warmMs, 50))} / ${millis(percentile(l.cost.warmMs, 95))} |`,
    );
  }
  return rows.join('\n');
}

export function renderRelevance(result: RelevanceResult, meta: { command: string; date: string; machine: string }): string {
  const perLocale = result.locales.map((l) => `${l.locale}: ${l.articles} articles, ${l.questions.dev + l.questions.test} questions (${l.questions.unanswerable} with no answer in the help center), ${l.questions.test} held out`).join('; ');
  const engines = new Map(result.locales.flatMap((l) => l.engines.map((e) => [e.name, e.about] as const)));
  return `${sectionStart}
## Relevance on customers' questions

\`${meta.command}\`, ${meta.date}, ${meta.machine}. The test help center (\`tests/fixtures/relevance/\`) is a fictional mobile
carrier's, written for this benchmark: ${result.articles} articles. Questions are written the way customers write to support
(whole sentences, polite frames, other words than the article's, spelling variants, typos, questions the help center does not
answer); ${perLocale}. The held-out split is chosen by a hash of each question's id and is never used for tuning.

Recall@10 is the share of the answering articles among the first ten articles shown; nDCG@10 uses gains 3 (answers) and 1
(helps); MRR and "Top 1" count the first relevant article. When this project's search decides that no article covers enough
of a question, it says so and shows the "nothing found" help (suggestions, a contact link carrying the question) with the
closest articles under it; those count as shown. "Nothing found" is right for a question the help center cannot answer;
for one it can, it costs a reader an extra look. "No article shown" is a search that lists no article at all. The baselines
list whatever matches a word and never say "nothing found".

### Held-out questions

Targets: Recall@10 and nDCG@10 at least ${targets.marginPoints} points above the best baseline of the language; no article shown for under
${targets.maxZeroResult * 100}% of answerable questions; "nothing found" for at least ${targets.minNothingFound * 100}% of unanswerable ones.

${table(result, 'test')}

### Development questions (the part tuned on)

${table(result, 'dev')}

### What long questions cost (this project)

Compressed bytes a reader downloads for a first question on a fresh page (search code ${'included'}), from the in-memory
index at brotli levels as built. Warm latency is the same question asked again on a warm client.

${costTable(result)}

### Engines

${[...engines].map(([name, about]) => `- **${name}**: ${about}.`).join('\n')}
${'pagefind' in result && result.pagefind && 'skipped' in result.pagefind ? `- Pagefind: not run (${result.pagefind.skipped}).\n` : ''}
${sectionEnd}`;
}

/** Put the section into the benchmarks document, replacing an earlier one. */
export function spliceSection(document: string, section: string): string {
  const a = document.indexOf(sectionStart);
  const b = document.indexOf(sectionEnd);
  if (a >= 0 && b > a) return document.slice(0, a) + section + document.slice(b + sectionEnd.length);
  return `${document.trimEnd()}\n\n${section}\n`;
}

/** A freshly rendered benchmarks document with the relevance section of the previous one carried over. */
export function keepRelevanceSection(previous: string, next: string): string {
  const a = previous.indexOf(sectionStart);
  const b = previous.indexOf(sectionEnd);
  return a >= 0 && b > a ? spliceSection(next, previous.slice(a, b + sectionEnd.length)) : next;
}
