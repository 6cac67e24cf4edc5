import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/bench/prng.ts';
import { runInsightsCli } from '../../../src/collector/cli.ts';
import { clusterSubjects, computeDeflection, subjectTerms } from '../../../src/collector/deflection.ts';
import type { InsightRow } from '../../../src/collector/insights.ts';
import { openEventStore } from '../../../src/collector/storage.ts';
import { siteEventSchema, type SiteEvent } from '../../../src/feedback/events.ts';
import { renderHtmlReport } from '../../../src/collector/report-html.ts';
import { computeInsights } from '../../../src/collector/insights.ts';
import { baseTime, tempDir } from './helpers.ts';

type Outcome = 'deflected' | 'read-then-contacted' | 'contacted' | 'left';

/** Subjects per locale, each group meant to land in one cluster; the article a suggestion opens for it. */
const topics: Record<string, { subjects: string[]; article: string }[]> = {
  en: [
    { subjects: ['Refund for a double charge', 'refunds after I cancelled', 'How do I get a refund?'], article: '/en/billing/request-a-refund/' },
    { subjects: ['Bank connection keeps failing', 'my bank connection failed again'], article: '/en/troubleshooting/bank-connection-failed/' },
  ],
  ja: [{ subjects: ['返金してほしい', '返金の手続きについて', '返金はいつ届きますか'], article: '/ja/billing/request-a-refund/' }],
  ko: [{ subjects: ['환불을 받고 싶어요', '환불 요청 방법', '환불은 언제 되나요'], article: '/ko/billing/request-a-refund/' }],
};

/** A seeded log of contact attempts whose outcomes are tallied while it is made, not by the code under test. */
function generateContactLog(seed: string, attempts: number) {
  const random = createRandom(seed);
  const events: SiteEvent[] = [];
  const expected = { byLocale: {} as Record<string, Record<Outcome, number>>, deflectedBy: {} as Record<string, number>, submittedByTopic: {} as Record<string, number> };
  for (let i = 0; i < attempts; i++) {
    const locale = random.pick(['en', 'en', 'ja', 'ko']);
    const topicIndex = Math.floor(random.next() * topics[locale]!.length);
    const topic = topics[locale]![topicIndex]!;
    const subject = random.pick(topic.subjects);
    const outcome = random.pick<Outcome>(['deflected', 'deflected', 'read-then-contacted', 'contacted', 'left']);
    const source = random.pick(['contact-page', 'widget'] as const);
    const page = source === 'widget' ? '/_widget/' : `/${locale}/contact/`;
    const searchId = `c${i}`;
    let ts = baseTime + i * 60_000;
    const common = { v: 1 as const, page, locale, source, searchId };
    events.push({ ...common, ts, type: 'contact_start' });
    if (outcome === 'deflected' || outcome === 'read-then-contacted') {
      // Sometimes another suggestion first: the last one opened is the one that answered.
      if (random.next() < 0.3) events.push({ ...common, ts: (ts += 1000), type: 'contact_suggestion_click', query: subject, rank: 2, url: '/en/billing/billing-faq/' });
      events.push({ ...common, ts: (ts += 1000), type: 'contact_suggestion_click', query: subject, rank: 1, url: `${topic.article}#steps` });
    }
    if (outcome === 'read-then-contacted' || outcome === 'contacted') {
      events.push({ ...common, ts: (ts += 1000), type: 'contact_submit', query: subject, resultCount: 3 });
      const key = `${locale} ${topicIndex}`;
      expected.submittedByTopic[key] = (expected.submittedByTopic[key] ?? 0) + 1;
    }
    const tally = (expected.byLocale[locale] ??= { deflected: 0, 'read-then-contacted': 0, contacted: 0, left: 0 });
    tally[outcome]++;
    if (outcome === 'deflected') expected.deflectedBy[`${locale} ${topic.article}`] = (expected.deflectedBy[`${locale} ${topic.article}`] ?? 0) + 1;
  }
  return { events, expected };
}

const { events, expected } = generateContactLog('kb-deflection', 400);

describe('contact deflection figures', () => {
  const d = computeDeflection(events as unknown as InsightRow[]);

  it('every generated event is valid on the wire', () => {
    for (const e of events) expect(siteEventSchema.safeParse(e).success).toBe(true);
  });

  it('counts attempts by outcome per locale, and the rate is the share answered by a suggestion', () => {
    for (const [locale, tally] of Object.entries(expected.byLocale)) {
      const attempts = Object.values(tally).reduce((a, b) => a + b, 0);
      expect(d.byLocale[locale]).toEqual({
        attempts,
        deflected: tally.deflected,
        readThenContacted: tally['read-then-contacted'],
        contacted: tally.contacted,
        left: tally.left,
        rate: tally.deflected / attempts,
      });
    }
    expect(d.total.attempts).toBe(400);
    expect(d.bySource['widget']!.attempts + d.bySource['contact-page']!.attempts).toBe(400);
  });

  it('credits a deflection to the last article opened, without its #fragment', () => {
    const got = Object.fromEntries(d.articles.map((a) => [`${a.locale} ${a.url}`, a.deflected]));
    expect(got).toEqual(expected.deflectedBy);
    expect(d.articles.some((a) => a.url.includes('billing-faq'))).toBe(false);
  });

  it('groups what people still contact about by the words of their subjects, in each language', () => {
    for (const [key, count] of Object.entries(expected.submittedByTopic)) {
      const [locale, index] = key.split(' ');
      const words = subjectTerms(topics[locale!]![Number(index)]!.subjects[0]!).map((t) => t.key);
      const cluster = d.stillContacting.find((c) => c.locale === locale && c.examples.some((e) => topics[locale!]![Number(index)]!.subjects.includes(e)));
      expect(cluster, key).toBeDefined();
      expect(cluster!.count, key).toBe(count);
      expect(words.length).toBeGreaterThan(0);
    }
  });
});

describe('clusterSubjects', () => {
  const cluster = (texts: string[]) => clusterSubjects(texts.map((text) => ({ text, afterReading: false })));

  it('meets word forms and drops the question words', () => {
    const [first, ...rest] = cluster(['Refund for a double charge', 'refunds after I cancelled', 'How do I get a refund?', 'Export my invoices']);
    expect(first).toMatchObject({ terms: ['refund'], count: 3 });
    expect(rest).toEqual([{ terms: ['export', 'invoices'], count: 1, afterReading: 0, examples: ['Export my invoices'] }]);
  });

  it('groups Japanese by the words written in kanji, and Korean without particles', () => {
    expect(cluster(['返金してほしい', '返金の手続きについて', '請求書が届かない'])[0]).toMatchObject({ terms: ['返金'], count: 2 });
    expect(cluster(['환불을 받고 싶어요', '환불 요청 방법', '비밀번호를 잊었어요'])[0]).toMatchObject({ terms: ['환불'], count: 2 });
  });

  it('names a group by the words most of it shares', () => {
    // "failed" and "failing" are one word; two of three subjects share it, as they share "connection".
    expect(cluster(['bank connection failed', 'bank connection keeps failing', 'bank fees'])[0]).toMatchObject({ terms: ['bank', 'connection', 'failed'], count: 3 });
    expect(cluster(['請求書が届かない'])).toEqual([{ terms: ['届', '請求書'], count: 1, afterReading: 0, examples: ['請求書が届かない'] }]);
  });
});

describe('npm run insights shows the deflection figures', () => {
  const tmp = tempDir('deflection-cli');
  const path = join(tmp.dir, 'events.sqlite');
  beforeAll(() => {
    const store = openEventStore(path);
    void store.add(events, baseTime);
    store.close();
  });
  afterAll(() => tmp.remove());

  it('prints the rate per language, the articles that answered and the clusters still contacting', async () => {
    let out = '';
    const code = await runInsightsCli(['--db', path], {}, { out: (t) => (out += t), err: () => {} }, baseTime + 86_400_000);
    expect(code).toBe(0);
    if (process.env.SHOW) console.log(out);
    const total = Object.values(expected.byLocale).reduce((n, t) => n + t.deflected, 0);
    expect(out).toContain(`Contact deflection: ${((total / 400) * 100).toFixed(1)}%`);
    const section = out.split('Contact deflection:')[1]!.split('\n\n')[0]!;
    const ja = expected.byLocale.ja!;
    const jaAttempts = Object.values(ja).reduce((a, b) => a + b, 0);
    expect(section).toMatch(new RegExp(`\\n  ja +${jaAttempts} +${ja.deflected} +${ja['read-then-contacted']} +${ja.contacted} +${ja.left} +${((ja.deflected / jaAttempts) * 100).toFixed(1)}%`));
    expect(section).toMatch(/\(contact-page \d+ attempts, [\d.]+% · widget \d+ attempts, [\d.]+%\)/);
    const articles = out.split('Articles that answered contacts')[1]!.split('\n\n')[0]!;
    expect(articles).toContain(`/en/billing/request-a-refund/`);
    expect(articles).toMatch(new RegExp(`ko +/ko/billing/request-a-refund/ +${expected.deflectedBy['ko /ko/billing/request-a-refund/']} `));
    const still = out.split('What people still contact about')[1]!.split('\n\n')[0]!;
    expect(still).toMatch(new RegExp(`ja +返金 +${expected.submittedByTopic['ja 0']} `));
    expect(still).toMatch(new RegExp(`ko +환불 +${expected.submittedByTopic['ko 0']} `));
  });

  it('shows them in the HTML report too', () => {
    const html = renderHtmlReport(computeInsights(events as unknown as InsightRow[]), { source: 'test' });
    expect(html).toContain('<h2>Contact deflection</h2>');
    expect(html).toContain('What people still contact about');
  });
});
