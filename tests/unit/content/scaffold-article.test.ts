import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScaffoldArgs, scaffoldArticle } from '../../../src/content/scaffold-article.ts';
import { parseArticleSource } from '../../../src/content/parse-frontmatter.ts';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { collectDiagnostics } from '../../../src/content/report.ts';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';

describe('npm run new', () => {
  const today = new Date('2026-11-23T10:00:00Z');

  it('creates an article with valid frontmatter in a new category', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const result = scaffoldArticle({ title: '返金の方法', locale: 'ja', category: 'billing', slug: 'refunds', contentDir, today });
    expect(result.ok).toBe(true);
    const source = readFileSync(join(contentDir, 'ja/billing/refunds.md'));
    const parsed = parseArticleSource(source, 'x.md');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.frontmatter).toMatchObject({ title: '返金の方法', type: 'guide', updated: new Date('2026-11-23') });
  });

  it('stops on a title with no ASCII letters and no --slug, with the command to type and the articles to translate', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    for (const path of ['en/billing/request-a-refund.md', 'en/billing/change-your-plan.md', 'ko/billing/tax-invoice.md', 'ja/billing/change-your-plan.md']) {
      mkdirSync(join(contentDir, path, '..'), { recursive: true });
      writeFileSync(join(contentDir, path), '---\ntitle: X\n---\n');
    }
    const result = scaffoldArticle({ title: 'テスト記事', locale: 'ja', category: 'billing', contentDir, today });
    expect(result).toEqual({
      ok: false,
      message: [
        'Cannot build a readable URL from the title "テスト記事". Name the file with --slug, in ASCII letters, digits and hyphens:',
        '  npm run new -- --lang ja --category billing --slug my-article "テスト記事"',
        'Translating an article? Use its file name, so the language switcher pairs them. In billing, these have no ja version yet: request-a-refund, tax-invoice',
      ].join('\n'),
    });
    expect(readdirSync(join(contentDir, 'ja/billing'))).toEqual(['change-your-plan.md']);
    expect(scaffoldArticle({ title: '비밀번호 재설정', locale: 'ko', category: 'account', type: 'faq', contentDir, today }).message).toBe(
      'Cannot build a readable URL from the title "비밀번호 재설정". Name the file with --slug, in ASCII letters, digits and hyphens:\n' +
        '  npm run new -- --lang ko --category account --type faq --slug my-article "비밀번호 재설정"',
    );
  });

  it('derives an ASCII slug from Latin titles, accents and full-width letters included', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const made = ['Café crème: a refund?', 'ＣＳＶ export', 'Straße & Co', 'Refund -- fees_2026'].map((title) => scaffoldArticle({ title, locale: 'en', category: 'Billing', contentDir, today }).path);
    expect(made.map((p) => p && relative(contentDir, p))).toEqual(['en/billing/cafe-creme-a-refund.md', 'en/billing/csv-export.md', 'en/billing/strasse-co.md', 'en/billing/refund-fees-2026.md']);
  });

  it('refuses a --slug or --category a URL cannot show as it is', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    mkdirSync(join(contentDir, 'ja/billing'), { recursive: true });
    expect(scaffoldArticle({ title: '返金', locale: 'ja', category: 'billing', slug: '返金', contentDir, today }).message).toBe(
      '--slug "返金" cannot be a URL: use ASCII letters, digits and hyphens, e.g. --slug request-a-refund',
    );
    expect(scaffoldArticle({ title: '返金', locale: 'ja', category: '請求', slug: 'refunds', contentDir, today }).message).toBe(
      '--category "請求" cannot be a folder name: use ASCII letters, digits and hyphens, e.g. --category billing. The title shown to readers goes in _category.yml\nCategories so far: billing',
    );
    expect(scaffoldArticle({ title: '返金', locale: 'ja', category: 'billing', slug: 'Request A Refund', contentDir, today }).path).toBe(join(contentDir, 'ja/billing/request-a-refund.md'));
  });

  it('writes the placeholder body in the article\'s language', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const body = (o: { title: string; locale: string; type?: string }) => {
      const r = scaffoldArticle({ ...o, category: 'billing', slug: `${o.locale}-${o.type ?? 'guide'}`, contentDir, today });
      return readFileSync(r.path!, 'utf8').split('---\n')[2];
    };
    expect(body({ title: 'Refunds', locale: 'en' })).toBe('\nOne or two sentences: what this article helps the reader do.\n\n## Steps\n\n1. First step.\n2. Second step.\n');
    expect(body({ title: '返金', locale: 'ja' })).toBe('\nこの記事で何ができるかを 1〜2 文で書きます。\n\n## 手順\n\n1. 最初の手順を書きます。\n2. 次の手順を書きます。\n');
    expect(body({ title: '返金', locale: 'ja', type: 'faq' })).toBe('\n## 〇〇するにはどうすればいいですか？\n\n回答を書きます。\n\n## 〇〇はできますか？\n\n回答を書きます。\n');
    expect(body({ title: '환불', locale: 'ko' })).toBe('\n이 글에서 무엇을 할 수 있는지 한두 문장으로 적습니다.\n\n## 방법\n\n1. 첫 번째 단계를 적습니다.\n2. 다음 단계를 적습니다.\n');
    expect(body({ title: '환불', locale: 'ko', type: 'faq' })).toBe('\n## ○○하려면 어떻게 하나요?\n\n답변을 적습니다.\n\n## ○○할 수 있나요?\n\n답변을 적습니다.\n');
    expect(body({ title: '返金', locale: 'ja-JP', type: 'troubleshooting' })).toContain('## 手順');
    const other = scaffoldArticle({ title: 'Reembolsos', locale: 'pt-BR', category: 'billing', contentDir, today });
    expect(other.message).toMatch(/The placeholder text is in English \(there is none in pt-BR yet\)\.$/);
    expect(readFileSync(other.path!, 'utf8')).toContain('## Steps');
  });

  it('uses --slug and the FAQ template', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    scaffoldArticle({ title: 'Billing: questions', locale: 'en', category: 'Billing', type: 'faq', slug: 'billing-questions', contentDir, today });
    const text = readFileSync(join(contentDir, 'en/billing/billing-questions.md'), 'utf8');
    expect(text).toContain('title: "Billing: questions"');
    expect(text).toContain('## First question?');
  });

  it('scaffolds articles that pass npm run check as they are, in every language', async () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    for (const locale of ['en', 'ja', 'ko']) {
      scaffoldArticle({ title: 'T', locale, category: 'billing', slug: 'refunds', contentDir, today });
      scaffoldArticle({ title: 'T', locale, category: 'billing', slug: 'billing-faq', type: 'faq', contentDir, today });
    }
    const kb = await loadKnowledgeBase({ contentDir, configPath: join(contentDir, 'none.yml'), gitDates: false });
    expect((await collectDiagnostics(kb)).map(formatDiagnostic)).toEqual([]);
    expect(kb.allArticles.find((a) => a.url === '/ja/billing/billing-faq/')!.faq.map((q) => q.question)).toEqual(['〇〇するにはどうすればいいですか？', '〇〇はできますか？']);
  });

  it('never overwrites an existing file', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    mkdirSync(join(contentDir, 'en/billing'), { recursive: true });
    writeFileSync(join(contentDir, 'en/billing/refunds.md'), 'keep me');
    const result = scaffoldArticle({ title: 'Refunds', locale: 'en', category: 'billing', contentDir, today });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/already exists; nothing was changed/);
    expect(readFileSync(join(contentDir, 'en/billing/refunds.md'), 'utf8')).toBe('keep me');
  });

  it('answers a mistyped option with a did-you-mean and the usage, not a stack trace', () => {
    const usage = 'Usage: npm run new -- --lang ja --category billing [--type faq] [--slug refunds] "Title"';
    expect(parseScaffoldArgs(['--lang', 'ja', '--categroy', 'billing', 'x'])).toEqual({ ok: false, message: `unknown option --categroy. Did you mean --category?\n${usage}` });
    expect(parseScaffoldArgs(['--lang', 'ja', '--category', 'billing', '--slug'])).toEqual({ ok: false, message: `--slug needs a value\n${usage}` });
    expect(parseScaffoldArgs(['--lang', 'ko', '--category', 'account', '비밀번호', '재설정'])).toEqual({ ok: true, options: { title: '비밀번호 재설정', locale: 'ko', category: 'account', type: undefined, slug: undefined } });
  });

  it('explains bad arguments, and the CLI honours KB_CONTENT_DIR with exit codes', () => {
    expect(scaffoldArticle({ title: 'x', locale: 'english', category: 'a' }).message).toMatch(/not a language tag/);
    expect(scaffoldArticle({ title: '', locale: 'en', category: 'a' }).message).toMatch(/^Usage:/);
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const run = () => execFileSync(process.execPath, ['scripts/new-article.ts', '--lang', 'ko', '--category', 'account', '--slug', 'reset', '비밀번호 재설정'], { env: { ...process.env, KB_CONTENT_DIR: contentDir }, encoding: 'utf8' });
    expect(run()).toMatch(/^Created .*ko\/account\/reset\.md/);
    expect(() => run()).toThrow(/already exists/);
  });
});
