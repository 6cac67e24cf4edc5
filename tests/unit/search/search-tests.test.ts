import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../src/content/model.ts';
import { ordinal, runSearchTests } from '../../../src/search/search-tests.ts';
import { fixture } from '../../fixtures/search/articles.ts';

function knowledgeBase(files: Record<string, string>): KnowledgeBase {
  const contentDir = mkdtempSync(join(tmpdir(), 'kb-search-tests-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(contentDir, path, '..'), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  const locales = ['en', 'ja', 'ko'].map((code) => ({ code, label: code, title: code, dir: 'ltr' as const }));
  return { ...fixture, contentDir, locales, allArticles: fixture.articles, defaultLocale: 'en', images: [], diagnostics: [] } as unknown as KnowledgeBase;
}

describe('writers search tests', () => {
  it('passes quietly when every query finds its article', async () => {
    const kb = knowledgeBase({
      'ja/_search-tests.yml': '- query: 返金\n  expect: billing/request-a-refund\n- query: 返金認証\n  nothing: true\n',
      'en/_search-tests.yml': '- query: refnd\n  expect: /en/billing/request-a-refund/\n  top: 1\n',
    });
    expect(await runSearchTests(kb)).toEqual([]);
  });

  it('says which query failed, where, how it ranked and how to fix it', async () => {
    const kb = knowledgeBase({
      'en/_search-tests.yml': [
        '# invoices',
        '- query: invoices',
        '  expect: billing/request-a-refund',
        '  top: 1',
        '- query: zzqxv',
        '  expect: billing/billing-faq',
        '- query: refund',
        '  nothing: true',
        '- query: refund',
        '  expect: billing/no-such-article',
        '',
      ].join('\n'),
    });
    const file = relative(process.cwd(), join(kb.contentDir, 'en/_search-tests.yml'));
    const diagnostics = await runSearchTests(kb);
    expect(diagnostics.map((d) => [d.file, d.line, d.message, d.hint])).toEqual([
      [file, 2, expect.stringMatching(/^"invoices" should find billing\/request-a-refund in the top 1, but it ranked \d+(st|nd|rd|th) \(first: billing\/[a-z-]+\)$/), 'Add keywords to the article or fix the test'],
      [file, 5, '"zzqxv" should find billing/billing-faq in the top 3, but it was not found', 'Add keywords to the article or fix the test'],
      [file, 7, '"refund" should find nothing, but it found 1 article (first: billing/request-a-refund)', expect.any(String)],
      [file, 9, 'expect: no published en article "billing/no-such-article"', expect.stringContaining('e.g. billing/')],
    ]);
    expect(diagnostics.every((d) => d.severity === 'error' && d.code === 'search-test')).toBe(true);
  });

  it('reports malformed files with line numbers instead of throwing', async () => {
    const kb = knowledgeBase({ 'ko/_search-tests.yml': '- query: 환불\n  expect: billing/request-a-refund\n- query: 비밀번호\n  expcet: account/reset-password\n' });
    const [d] = await runSearchTests(kb);
    expect(d).toMatchObject({ line: 3, code: 'search-tests', message: 'unknown key "expcet"' });
    const broken = knowledgeBase({ 'ko/_search-tests.yml': '- query: [unclosed\n' });
    expect((await runSearchTests(broken))[0]).toMatchObject({ code: 'search-tests-yaml', line: expect.any(Number) });
  });

  it('writes ordinals the English way', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});
