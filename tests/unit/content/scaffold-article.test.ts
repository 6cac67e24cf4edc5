import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldArticle } from '../../../src/content/scaffold-article.ts';
import { parseArticleSource } from '../../../src/content/parse-frontmatter.ts';

describe('npm run new', () => {
  const today = new Date('2026-11-23T10:00:00Z');

  it('creates an article with valid frontmatter in a new category', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const result = scaffoldArticle({ title: '返金の方法', locale: 'ja', category: 'billing', contentDir, today });
    expect(result.ok).toBe(true);
    const source = readFileSync(join(contentDir, 'ja/billing/返金の方法.md'));
    const parsed = parseArticleSource(source, 'x.md');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.frontmatter).toMatchObject({ title: '返金の方法', type: 'guide', updated: new Date('2026-11-23') });
  });

  it('uses --slug and the FAQ template', () => {
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    scaffoldArticle({ title: 'Billing: questions', locale: 'en', category: 'Billing', type: 'faq', slug: 'billing-questions', contentDir, today });
    const text = readFileSync(join(contentDir, 'en/billing/billing-questions.md'), 'utf8');
    expect(text).toContain('title: "Billing: questions"');
    expect(text).toContain('## First question?');
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

  it('explains bad arguments, and the CLI honours KB_CONTENT_DIR with exit codes', () => {
    expect(scaffoldArticle({ title: 'x', locale: 'english', category: 'a' }).message).toMatch(/not a language tag/);
    expect(scaffoldArticle({ title: '', locale: 'en', category: 'a' }).message).toMatch(/^Usage:/);
    const contentDir = mkdtempSync(join(tmpdir(), 'kb-new-'));
    const run = () => execFileSync(process.execPath, ['scripts/new-article.ts', '--lang', 'ko', '--category', 'account', '--slug', 'reset', '비밀번호 재설정'], { env: { ...process.env, KB_CONTENT_DIR: contentDir }, encoding: 'utf8' });
    expect(run()).toMatch(/^Created .*ko\/account\/reset\.md/);
    expect(() => run()).toThrow(/already exists/);
  });
});
