import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { generateHelpCenter, splitCounts } from '../../../src/bench/generate-content.ts';
import { writeHelpCenter } from '../../../src/bench/write-content.ts';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { frontmatterSchema } from '../../../src/schemas/frontmatter.ts';
import { categorySchema } from '../../../src/schemas/category.ts';
import type { Diagnostic, KnowledgeBase } from '../../../src/content/model.ts';

const frontmatterOf = (content: string) => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(content)![1]!) as unknown;

describe('synthetic help center generator', () => {
  it('gives the same bytes for the same seed, and different bytes for another seed', () => {
    const a = generateHelpCenter({ articles: 80, seed: 'same' });
    const b = generateHelpCenter({ articles: 80, seed: 'same' });
    const c = generateHelpCenter({ articles: 80, seed: 'other' });
    expect(b.files).toEqual(a.files);
    expect(c.files).not.toEqual(a.files);
  });

  it('produces the requested number of articles, split 50/25/25 over en, ja and ko', () => {
    const { articles, files } = generateHelpCenter({ articles: 200 });
    expect(articles).toHaveLength(200);
    expect(files.filter((f) => f.path.endsWith('.md'))).toHaveLength(200);
    const per = (l: string) => articles.filter((a) => a.locale === l).length;
    expect([per('en'), per('ja'), per('ko')]).toEqual([100, 50, 50]);
    expect(splitCounts(1001, { en: 0.5, ja: 0.25, ko: 0.25 })).toEqual({ en: 501, ja: 250, ko: 250 });
  });

  it('writes valid frontmatter and category files, with unique URLs', () => {
    const { articles, files } = generateHelpCenter({ articles: 300 });
    for (const file of files) {
      if (file.path.endsWith('_category.yml')) expect(categorySchema.safeParse(parseYaml(file.content)).success).toBe(true);
      else expect(frontmatterSchema.safeParse(frontmatterOf(file.content)).error).toBeUndefined();
    }
    const urls = articles.map((a) => `${a.locale}/${a.category}/${a.slug}`);
    expect(new Set(urls).size).toBe(urls.length);
    const categoriesPerLocale = new Set(articles.filter((a) => a.locale === 'en').map((a) => a.category));
    expect(categoriesPerLocale.size).toBe(12);
  });

  it('varies length and shape: FAQs, callouts, tables, code and CJK text', () => {
    const { articles, files } = generateHelpCenter({ articles: 300 });
    const units = articles.map((a) => a.units);
    expect(Math.min(...units)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...units)).toBeGreaterThan(1000);
    const all = files.map((f) => f.content).join('\n');
    expect(all).toMatch(/^type: faq$/m);
    expect(all).toMatch(/^:::tip/m);
    expect(all).toMatch(/^\| --- \| --- \| --- \|$/m);
    expect(all).toMatch(/^```(bash|json|yaml)$/m);
    expect(all).toMatch(/^### /m);
    // Japanese mixes kanji and kana; Korean attaches particles to nouns.
    expect(files.find((f) => f.path.startsWith('ja/') && f.path.endsWith('.md'))!.content).toMatch(/[\u4e00-\u9fff]+[をはがに][\u3040-\u30ff\u4e00-\u9fff]/);
    expect(files.find((f) => f.path.startsWith('ko/') && f.path.endsWith('.md'))!.content).toMatch(/[\uac00-\ud7a3]+(을|를|은|는|이|가) /);
  });

  describe('loaded by the project', () => {
    let dir: string;
    let kb: KnowledgeBase;
    let errors: Diagnostic[];
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'kb-bench-'));
      await writeHelpCenter(join(dir, 'content'), generateHelpCenter({ articles: 90, seed: 'unit' }).files);
      kb = await loadKnowledgeBase({ contentDir: join(dir, 'content'), configPath: join(dir, 'none.yml'), gitDates: false });
      const checks = resolve(import.meta.dirname, '../../../src/content/checks.ts');
      const extra: Diagnostic[] = existsSync(checks) ? (await import(checks)).checkKnowledgeBase(kb) : [];
      errors = [...kb.diagnostics, ...extra].filter((d) => d.severity === 'error');
    }, 60_000);
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('loads without errors or warnings from the loader', () => {
      expect(errors).toEqual([]);
      expect(kb.diagnostics).toEqual([]);
      expect(kb.articles).toHaveLength(90);
      expect(kb.locales.map((l) => l.code)).toEqual(['en', 'ja', 'ko']);
    });

    it('links only to articles that exist', () => {
      const links = kb.articles.flatMap((a) => a.links);
      expect(links.length).toBeGreaterThan(50);
      const urls = new Set(kb.articles.map((a) => a.url));
      for (const link of links) expect(urls.has(link.resolved ?? `unresolved ${link.href}`)).toBe(true);
    });

    it('turns FAQ questions into FAQ items', () => {
      expect(kb.articles.filter((a) => a.type === 'faq').every((a) => a.faq.length >= 3)).toBe(true);
    });
  });
});
