import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { createSearchClient, latestOnly, type FetchLike } from '../../../src/search/client.ts';
import { createMemoryFetch } from '../../../src/search/file-fetch.ts';
import { brotliSizeInMemory, measureQueries } from '../../../src/search/measure.ts';
import { fixture, makeArticle } from '../../fixtures/search/articles.ts';

const index = buildSearchIndex(fixture);
const memory = createMemoryFetch(index);
const clientFor = (locale: string, fetch: FetchLike = memory) => createSearchClient({ manifestUrl: index.manifestUrls[locale]!, fetch });
const clients = { en: clientFor('en'), ja: clientFor('ja'), ko: clientFor('ko') };
const urls = async (locale: keyof typeof clients, query: string) => (await clients[locale].search(query)).results.map((r) => r.url);
const top = async (locale: keyof typeof clients, query: string) => (await urls(locale, query))[0];

describe('search client, built index → client through an in-memory fetch', () => {
  it('finds English articles by title, keywords and body', async () => {
    expect(await top('en', 'refund')).toBe('/en/billing/request-a-refund/');
    expect(await top('en', 'money back')).toBe('/en/billing/request-a-refund/');
    expect(await top('en', 'how do I reset my password?')).toBe('/en/account/reset-password/');
    expect(await top('en', 'quickbooks')).toBe('/en/integrations/connect-quickbooks/');
  });

  it('ranks the article whose title matches above one that mentions the word in passing', async () => {
    expect(await urls('en', 'invoices')).toContain('/en/billing/billing-faq/');
    expect(await top('en', 'export invoices')).toBe('/en/billing/export-invoices/');
  });

  it('finds words while they are typed (prefix of the last word)', async () => {
    expect(await top('en', 'passw')).toBe('/en/account/reset-password/');
    expect(await top('en', 'reset pass')).toBe('/en/account/reset-password/');
    expect(await top('en', 'quickb')).toBe('/en/integrations/connect-quickbooks/');
  });

  it('tolerates one typo in longer words: insertion, deletion, substitution, transposition', async () => {
    for (const [typo, url] of [
      ['pasword', '/en/account/reset-password/'],
      ['refnd', '/en/billing/request-a-refund/'],
      ['invocie', '/en/billing/export-invoices/'],
      ['quikbooks', '/en/integrations/connect-quickbooks/'],
      ['rfeund', '/en/billing/request-a-refund/'], // typos in the first letters change the shard key
      ['erfund', '/en/billing/request-a-refund/'],
      ['authentification', undefined],
    ] as const) {
      const found = await urls('en', `${typo} `);
      if (url) expect(found.slice(0, 3), typo).toContain(url);
      else expect(found, typo).toEqual([]);
    }
  });

  it('matches compounds, codes and word forms the way customers type them', async () => {
    expect(await top('en', 'email')).toBe('/en/account/change-email/');
    expect(await top('en', 'e-mail')).toBe('/en/account/change-email/');
    expect(await top('en', 'tb401')).toBe('/en/integrations/error-tb-401/');
    expect(await top('en', 'TB-401')).toBe('/en/integrations/error-tb-401/');
    expect(await top('en', 'iphone')).toBe('/en/account/two-factor-authentication/');
    expect(await top('en', 'cafe')).toBe('/en/integrations/error-tb-401/');
    expect(await top('en', 'refunded')).toBe('/en/billing/request-a-refund/');
  });

  it('links a hit deep in an article to its heading', async () => {
    const [first] = (await clients.en.search('recovery codes')).results;
    expect(first!.url).toBe('/en/account/two-factor-authentication/');
    expect(first!.sections[0]!.url).toBe('/en/account/two-factor-authentication/#recovery-codes');
    expect(first!.sections[0]!.heading).toBe('Recovery codes');
    expect(first!.sections[0]!.excerptHtml).toContain('<mark>recovery</mark> <mark>codes</mark>');
  });

  it('prefers the exact phrase over scattered words', async () => {
    expect(await top('en', 'annual plans')).toBe('/en/billing/request-a-refund/');
  });

  it('pages through the results: later slices of one ranking, none shown twice, none skipped', async () => {
    const all = await clients.en.search('invoice', { limit: 50 });
    expect(all.total).toBeGreaterThan(4);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await clients.en.search('invoice', { limit: 2, offset });
      expect(page.total).toBe(all.total);
      paged.push(...page.results.map((r) => r.url));
    }
    expect(paged).toHaveLength(all.total);
    expect(new Set(paged)).toEqual(new Set(all.results.map((r) => r.url)));
    expect((await clients.en.search('invoice', { limit: 2, offset: all.total })).results).toEqual([]);
  });

  it('flags partial matches when nothing matches every word', async () => {
    const { results } = await clients.en.search('refund zzqxv');
    expect(results[0]).toMatchObject({ url: '/en/billing/request-a-refund/', partial: true });
    expect((await clients.en.search('refund')).results.every((r) => !r.partial)).toBe(true);
  });

  it('finds Japanese compound interiors, katakana in any width and Latin inside Japanese', async () => {
    expect(await top('ja', '返金')).toBe('/ja/billing/request-a-refund/');
    expect(await top('ja', '段階認証')).toBe('/ja/account/two-factor-authentication/');
    expect(await top('ja', '請求')).toBe('/ja/billing/export-invoices/');
    expect(await top('ja', 'ﾊﾟｽﾜｰﾄﾞ')).toBe('/ja/account/reset-password/');
    expect(await top('ja', 'パスワードを忘れた')).toBe('/ja/account/reset-password/');
    expect(await top('ja', 'csv')).toBe('/ja/billing/export-invoices/');
    expect(await top('ja', 'ＣＳＶ')).toBe('/ja/billing/export-invoices/');
    expect(await top('ja', '返金方法')).toBe('/ja/billing/request-a-refund/');
  });

  it('finds katakana words spelled with or without the long vowel mark', async () => {
    expect(await top('ja', 'リカバリコード')).toBe('/ja/account/two-factor-authentication/');
    expect(await top('ja', 'リカバリーコード')).toBe('/ja/account/two-factor-authentication/');
  });

  it('returns nothing for a made-up compound whose pieces exist apart, even with typo tolerance', async () => {
    expect(await urls('ja', '返金認証')).toEqual([]);
    expect(await urls('ja', 'zzqxv返金認証')).toEqual([]);
    expect(await urls('ko', '환불인증')).toEqual([]);
  });

  it('finds Korean words with or without particles', async () => {
    expect(await top('ko', '비밀번호')).toBe('/ko/account/reset-password/');
    expect(await top('ko', '비밀번호를')).toBe('/ko/account/reset-password/');
    expect(await top('ko', '비밀번호를 재설정하는 방법')).toBe('/ko/account/reset-password/');
    expect(await top('ko', '환불')).toBe('/ko/billing/request-a-refund/');
    expect(await top('ko', 'CSV로')).toBe('/ko/billing/export-invoices/');
    expect(await top('ko', '비밀버')).toBe('/ko/account/reset-password/'); // 번 half-typed
  });

  it('returns escaped excerpts even for hostile queries and content', async () => {
    const hostile = buildSearchIndex({
      articles: [makeArticle({ locale: 'en', category: 'x', slug: 'y', title: '<img src=x onerror=alert(1)>', intro: 'Payload <script>alert("refund")</script> here' })],
    });
    const client = createSearchClient({ manifestUrl: hostile.manifestUrls.en!, fetch: createMemoryFetch(hostile) });
    for (const q of ['<script>alert(1)</script>', 'refund <b>', 'script', 'img onerror']) {
      for (const r of (await client.search(q)).results) {
        for (const html of [r.excerptHtml, ...r.sections.map((s) => s.excerptHtml)]) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }
    }
    expect((await client.search('script')).results[0]!.excerptHtml).toContain('&lt;<mark>script</mark>&gt;');
  });

  it('fetches the manifest, then shards, then fragments: three round trips, cached for the next keystroke', async () => {
    const [first, second, again] = await measureQueries(['invoice', 'invoices', 'invoice'], {
      manifestUrl: index.manifestUrls.en!,
      fetch: memory,
      sizeOf: brotliSizeInMemory(),
    });
    expect(first!.roundTrips).toBe(3);
    expect(first!.requests[0]!.url).toBe(index.manifestUrls.en);
    expect(first!.requests.filter((r) => r.roundTrip === 2).every((r) => r.url.includes('/s/'))).toBe(true);
    expect(first!.requests.filter((r) => r.roundTrip === 3).every((r) => r.url.includes('/f-'))).toBe(true);
    expect(second!.requests.length + again!.requests.length).toBe(0);
  });

  it('looks up only the first words of a pasted paragraph', async () => {
    const paragraph = '誤って請求された場合は、30日以内であれば返金を申請できます。'.repeat(8) + '返金は元のカードに5日ほどで戻ります。';
    const [cost] = await measureQueries([paragraph], { manifestUrl: index.manifestUrls.ja!, fetch: memory, sizeOf: brotliSizeInMemory() });
    expect(cost!.roundTrips).toBe(3);
    expect((await clients.ja.search(paragraph)).results[0]!.url).toBe('/ja/billing/request-a-refund/');
  });

  it('retries after a failed download instead of caching the failure', async () => {
    let fail = true;
    const flaky: FetchLike = async (url) => (fail ? { ok: false, status: 503, text: async () => '' } : memory(url));
    const client = clientFor('en', flaky);
    await expect(client.search('refund')).rejects.toThrow(/503/);
    fail = false;
    expect((await client.search('refund')).results[0]!.url).toBe('/en/billing/request-a-refund/');
  });

  it('drops answers to queries the reader has typed past', async () => {
    const slow = latestOnly(async (q: string, ms: number) => {
      await new Promise((r) => setTimeout(r, ms));
      return q;
    });
    const [older, newer] = await Promise.all([slow('ref', 30), slow('refund', 1)]);
    expect(older).toBeUndefined();
    expect(newer).toBe('refund');
  });
});
