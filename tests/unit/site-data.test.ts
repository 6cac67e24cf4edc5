import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/content/knowledge-base.ts';
import { deriveSiteData, alternatesFor, articlePageKey } from '../../src/site-data.ts';
import { articleJsonLd } from '../../src/content/structured-data.ts';

describe('locale routing', () => {
  it('builds a folder with only ja/ and ko/ and frontmatter with only a title, with no config', async () => {
    const kb = await loadKnowledgeBase({ contentDir: 'tests/fixtures/content/ja-ko-only', configPath: 'tests/fixtures/no-such-config.yml' });
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(kb.locales.map((l) => l.code)).toEqual(['ja', 'ko']);
    expect(kb.defaultLocale).toBe('ja');
    expect(kb.locales.map((l) => l.label)).toEqual(['日本語', '한국어']);
    expect(kb.articles.map((a) => a.url)).toEqual(['/ja/billing/refund/', '/ko/account/reset-password/', '/ko/billing/refund/']);
    expect(kb.categories.find((c) => c.locale === 'ko' && c.slug === 'account')!.title).toBe('Account');
  });

  it('links translations by relative path and falls back to the locale home with a notice', async () => {
    const kb = await loadKnowledgeBase({ contentDir: 'tests/fixtures/content/ja-ko-only', configPath: 'tests/fixtures/no-such-config.yml' });
    const data = deriveSiteData(kb);
    const jaRefund = kb.articles.find((a) => a.url === '/ja/billing/refund/')!;
    expect(alternatesFor(data, { kind: 'article', article: jaRefund }).map((a) => [a.locale.code, a.href, a.available])).toEqual([
      ['ja', '/ja/billing/refund/', true],
      ['ko', '/ko/billing/refund/', true],
    ]);
    const koPassword = kb.articles.find((a) => a.url === '/ko/account/reset-password/')!;
    expect(alternatesFor(data, { kind: 'article', article: koPassword }).find((a) => a.locale.code === 'ja')).toMatchObject({ href: '/ja/#untranslated', available: false });
    expect(alternatesFor(data, { kind: 'category', slug: 'account' }).find((a) => a.locale.code === 'ja')).toMatchObject({ href: '/ja/#untranslated', available: false });
    expect(alternatesFor(data, { kind: 'page', path: '/search/' }).map((a) => a.href)).toEqual(['/ja/search/', '/ko/search/']);
  });
});

describe('structured data', () => {
  it('describes an FAQ as FAQPage with one Question per item, and others as TechArticle', async () => {
    const kb = await loadKnowledgeBase({ contentDir: 'tests/fixtures/content/basic', configPath: 'tests/fixtures/no-such-config.yml' });
    const faq = kb.articles.find((a) => a.type === 'faq')!;
    const category = kb.categories.find((c) => c.slug === faq.category && c.locale === faq.locale)!;
    const [page, breadcrumbs] = articleJsonLd(kb, faq, category) as any[];
    expect(page['@type']).toBe('FAQPage');
    // Question and acceptedAnswer as schema.org and search engines want them; no per-question URL, which
    // for CJK anchors would percent-encode to several times the question's own size on every FAQ page.
    expect(page.url).toBe('http://localhost:4321/en/billing/billing-faq/');
    expect(page.mainEntity).toEqual([
      { '@type': 'Question', name: 'Can I cancel?', acceptedAnswer: { '@type': 'Answer', text: 'Yes, any time.' } },
      { '@type': 'Question', name: 'Do you refund?', acceptedAnswer: { '@type': 'Answer', text: 'See refunds.' } },
    ]);
    expect(breadcrumbs.itemListElement.map((i: any) => i.name)).toEqual(['Help Center', 'Billing', 'Billing FAQ']);
    const guide = kb.articles.find((a) => a.type === 'guide')!;
    expect((articleJsonLd(kb, guide, category) as any[])[0]['@type']).toBe('TechArticle');
  });
});

describe('article page keys (what lets a build copy an unchanged page)', () => {
  const load = () => loadKnowledgeBase({ contentDir: 'tests/fixtures/content/basic', configPath: 'tests/fixtures/no-such-config.yml', gitDates: false });
  const keys = (kb: Awaited<ReturnType<typeof load>>, related?: Map<any, any>) => {
    const data = deriveSiteData(kb, related);
    return new Map(kb.articles.map((a) => [a.url, articlePageKey(data, a)]));
  };

  it('are the same for the same site, and change only for the article whose body changed', async () => {
    const kb = await load();
    const before = keys(kb);
    expect(keys(await load())).toEqual(before);
    // The related lists as before the edit (a longer body could change them: that is the next test's case).
    const related = deriveSiteData(kb).related;
    const [edited, ...others] = kb.articles;
    edited!.html += '<p>One more sentence.</p>';
    const after = keys(kb, related);
    expect(after.get(edited!.url)).not.toBe(before.get(edited!.url));
    for (const other of others) expect(after.get(other.url), other.url).toBe(before.get(other.url));
  });

  it('change for every page when what pages show of other articles changes (a title, a date, an order), or the settings', async () => {
    const changes: ((kb: Awaited<ReturnType<typeof load>>) => void)[] = [
      (kb) => (kb.articles[0]!.title += ' (updated)'),
      (kb) => (kb.articles[0]!.updated = new Date('2026-01-02')),
      (kb) => (kb.articles[0]!.order += 1),
      (kb) => (kb.categories[0]!.title += ' and more'),
      (kb) => (kb.config.title += ' Help'),
    ];
    const before = keys(await load());
    for (const change of changes) {
      const kb = await load();
      const related = deriveSiteData(kb).related;
      change(kb);
      const after = keys(kb, related);
      for (const [url, key] of after) expect(key, `${change} ${url}`).not.toBe(before.get(url));
    }
  });

  it('do not depend on where the project is (a CI checkout is elsewhere)', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'kb-keys-')), 'content');
    cpSync('tests/fixtures/content/basic', copy, { recursive: true });
    const moved = await loadKnowledgeBase({ contentDir: copy, configPath: 'tests/fixtures/no-such-config.yml', gitDates: false });
    expect(moved.articles[0]!.displayPath).not.toBe((await load()).articles[0]!.displayPath);
    expect(keys(moved)).toEqual(keys(await load()));
    rmSync(dirname(copy), { recursive: true, force: true });
  });

  it('change for an article whose related articles changed', async () => {
    const kb = await load();
    const data = deriveSiteData(kb);
    const article = kb.articles[0]!;
    const key = articlePageKey(data, article);
    data.related.set(article, [...(data.related.get(article) ?? [])].reverse().concat(kb.articles.slice(1, 2)));
    expect(articlePageKey({ ...data }, article)).not.toBe(key);
  });
});
