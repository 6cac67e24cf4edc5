/**
 * Contact deflection: what the contact page and the widget's contact form achieved. Pure, like insights.ts; the
 * definitions are spelled out in docs/events.md ("Contact deflection"), keep the two in step.
 *
 * An attempt is every contact event with the same `searchId` (one per draft). It was *deflected* when the customer
 * opened a suggested article and never sent the message, *contacted after reading* when they opened one and sent it
 * anyway, *contacted* when they sent it without opening any, and *left* when they did neither.
 */
import { gramsText, normalize, stem, tokenizeQuery, type QueryTerm } from '../search/tokenizer.ts';
import type { InsightRow } from './insights.ts';

export interface DeflectionParts {
  attempts: number;
  /** Opened a suggestion, never sent. */
  deflected: number;
  /** Opened a suggestion, then sent anyway. */
  readThenContacted: number;
  /** Sent without opening a suggestion. */
  contacted: number;
  /** Neither opened nor sent. */
  left: number;
  /** deflected / attempts, or null without attempts. */
  rate: number | null;
}

export interface DeflectingArticle {
  locale: string;
  url: string;
  /** Deflected attempts whose last opened suggestion was this article. */
  deflected: number;
  /** Times it was opened from a contact form. */
  opened: number;
  /** Attempts that opened it and were sent anyway. */
  thenContacted: number;
}

export interface ContactCluster {
  locale: string;
  /** The words the subjects share, as customers spelled them, most shared first. */
  terms: string[];
  /** Messages sent. */
  count: number;
  /** How many were sent after reading a suggestion. */
  afterReading: number;
  /** The commonest subjects, at most three. */
  examples: string[];
}

export interface Deflection {
  total: DeflectionParts;
  byLocale: Record<string, DeflectionParts>;
  bySource: Record<string, DeflectionParts>;
  articles: DeflectingArticle[];
  stillContacting: ContactCluster[];
}

const contactTypes = new Set(['contact_start', 'contact_suggestion_click', 'contact_submit']);

interface Attempt {
  locale: string;
  source: string;
  clicks: InsightRow[];
  submits: InsightRow[];
}

export function computeDeflection(rows: readonly InsightRow[], { limit = 15 } = {}): Deflection {
  const attempts = new Map<string, Attempt>();
  for (const row of [...rows].sort((a, b) => a.ts - b.ts)) {
    if (!contactTypes.has(row.type) || !row.searchId) continue;
    const id = `${row.locale}\u0000${row.searchId}`;
    const a = attempts.get(id) ?? attempts.set(id, { locale: row.locale, source: row.source ?? 'contact-page', clicks: [], submits: [] }).get(id)!;
    if (row.type === 'contact_suggestion_click') a.clicks.push(row);
    if (row.type === 'contact_submit') a.submits.push(row);
  }
  const all = [...attempts.values()];
  const parts = (list: Attempt[]): DeflectionParts => {
    const deflected = list.filter((a) => a.clicks.length && !a.submits.length).length;
    const readThenContacted = list.filter((a) => a.clicks.length && a.submits.length).length;
    const contacted = list.filter((a) => !a.clicks.length && a.submits.length).length;
    return { attempts: list.length, deflected, readThenContacted, contacted, left: list.length - deflected - readThenContacted - contacted, rate: list.length ? deflected / list.length : null };
  };
  const groupBy = (key: (a: Attempt) => string) =>
    Object.fromEntries(
      [...new Set(all.map(key))].sort().map((k) => [k, parts(all.filter((a) => key(a) === k))]),
    );

  const articles = new Map<string, DeflectingArticle>();
  const article = (locale: string, url: string) => {
    const bare = url.split('#')[0]!;
    const id = `${locale}\u0000${bare}`;
    return articles.get(id) ?? articles.set(id, { locale, url: bare, deflected: 0, opened: 0, thenContacted: 0 }).get(id)!;
  };
  for (const a of all) {
    for (const click of a.clicks) if (click.url) article(a.locale, click.url).opened++;
    const opened = new Set(a.clicks.filter((c) => c.url).map((c) => c.url!.split('#')[0]!));
    if (a.submits.length) for (const url of opened) article(a.locale, url).thenContacted++;
    const last = a.clicks.at(-1)?.url;
    if (!a.submits.length && last) article(a.locale, last).deflected++;
  }

  const submitted = all.filter((a) => a.submits.length).map((a) => ({ attempt: a, subject: a.submits.at(-1)!.query ?? '' }));
  return {
    total: parts(all),
    byLocale: groupBy((a) => a.locale),
    bySource: groupBy((a) => a.source),
    articles: [...articles.values()]
      .filter((x) => x.deflected > 0)
      .sort((x, y) => x.locale.localeCompare(y.locale) || y.deflected - x.deflected || y.opened - x.opened || x.url.localeCompare(y.url))
      .filter(perLocale(limit)),
    stillContacting: [...new Set(submitted.map((s) => s.attempt.locale))]
      .sort()
      .flatMap((locale) =>
        clusterSubjects(submitted.filter((s) => s.attempt.locale === locale).map((s) => ({ text: s.subject, afterReading: s.attempt.clicks.length > 0 }))).map((c) => ({ locale, ...c })),
      )
      .filter(perLocale(limit)),
  };
}

function perLocale(limit: number) {
  const taken = new Map<string, number>();
  return (x: { locale: string }) => {
    const n = taken.get(x.locale) ?? 0;
    taken.set(x.locale, n + 1);
    return n < limit;
  };
}

/**
 * The words of a subject that say what it is about, each as a key that its other forms share: Latin words by their
 * stem (refunds → refund), a Korean word without its particle or ending (환불을 → 환불), Japanese runs of kanji or
 * katakana as written; the question's filler (how, したいのですが, 어떻게) is left out, as the search does.
 */
export function subjectTerms(subject: string): { key: string; text: string }[] {
  const out = new Map<string, string>();
  for (const t of tokenizeQuery(subject)) {
    if (t.optional) continue;
    const key = termKey(t);
    // Latin words are shown as most customers typed them; CJK words as their key (환불, not 환불을).
    if (key && !out.has(key)) out.set(key, t.script === 'latin' ? normalize(t.source) : key);
  }
  return [...out].map(([key, text]) => ({ key, text }));
}

function termKey(t: QueryTerm): string {
  if (t.script === 'latin') return stem(normalize(t.source));
  // A Korean word's alternatives are its bigrams with the ending, then without it, then its first syllable.
  if (t.script === 'hangul' && t.alternatives.length > 2) return gramsText(t.alternatives[1]!);
  return gramsText(t.alternatives[0]!);
}

/**
 * Group subjects by the words they share, greedily and explainably: the word most subjects contain makes the first
 * group (with every subject containing it), then the next word among the rest, and so on. A group is named by its
 * word and by the words more than half of its subjects share besides.
 */
export function clusterSubjects(items: readonly { text: string; afterReading: boolean }[]): Omit<ContactCluster, 'locale'>[] {
  let rest = items.map((item) => ({ ...item, terms: subjectTerms(item.text) })).filter((item) => item.terms.length > 0);
  const spelled = new Map<string, Map<string, number>>();
  for (const item of rest) for (const t of item.terms) {
    const m = spelled.get(t.key) ?? spelled.set(t.key, new Map()).get(t.key)!;
    m.set(t.text, (m.get(t.text) ?? 0) + 1);
  }
  const display = (key: string) => [...spelled.get(key)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const clusters: Omit<ContactCluster, 'locale'>[] = [];
  while (rest.length) {
    const df = new Map<string, number>();
    for (const item of rest) for (const t of item.terms) df.set(t.key, (df.get(t.key) ?? 0) + 1);
    const [top] = [...df].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const members = rest.filter((item) => item.terms.some((t) => t.key === top));
    rest = rest.filter((item) => !members.includes(item));
    const shared = new Map<string, number>();
    for (const m of members) for (const t of m.terms) if (t.key !== top) shared.set(t.key, (shared.get(t.key) ?? 0) + 1);
    // A group of one is named by all its words; a larger one by the words more than half of it shares.
    const also = [...shared].filter(([, n]) => n * 2 > members.length || members.length === 1).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([k]) => display(k));
    const spellings = new Map<string, number>();
    for (const m of members) spellings.set(m.text.trim(), (spellings.get(m.text.trim()) ?? 0) + 1);
    clusters.push({
      terms: [display(top), ...also],
      count: members.length,
      afterReading: members.filter((m) => m.afterReading).length,
      examples: [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([s]) => s),
    });
  }
  return clusters.sort((a, b) => b.count - a.count || a.terms[0]!.localeCompare(b.terms[0]!));
}
