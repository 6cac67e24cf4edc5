import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/content/knowledge-base.ts';
import { collectDiagnostics } from '../../src/content/report.ts';
import { formatDiagnostic } from '../../src/content/diagnostics.ts';
import { parseArticleSource } from '../../src/content/parse-frontmatter.ts';
import { parseScaffoldArgs, scaffoldArticle } from '../../src/content/scaffold-article.ts';

/** The writer-facing docs: what a new writer copies from them must work on the example help center as written. */
const docs = ['README.md', 'docs/writing.md'].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const root = mkdtempSync(join(tmpdir(), 'kb-docs-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Shell words of a one-line command: "double-quoted" words keep their spaces. */
const words = (command: string) => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('the examples in README.md and docs/writing.md', () => {
  const commands = docs.flatMap(({ file, text }) => [...text.matchAll(/npm run new -- ([^`\n]+)/g)].map((m) => ({ file, args: words(m[1]!.trim()) })));

  it('include npm run new for a Japanese title, with --slug', () => {
    expect(commands.some(({ file, args }) => file === 'README.md' && args.includes('--slug') && args.includes('ja'))).toBe(true);
  });

  it('npm run new: every example creates a readable file name beside the example content, with valid frontmatter', () => {
    const contentDir = join(root, 'content');
    cpSync('content', contentDir, { recursive: true });
    // The same command may be shown in both files: the second run would rightly refuse to overwrite.
    for (const args of new Set(commands.map((c) => JSON.stringify(c.args)))) {
      // What scripts/new-article.ts runs, in this process (the CLI itself is tested in scaffold-article.test.ts).
      const parsed = parseScaffoldArgs(JSON.parse(args) as string[]);
      if (!parsed.ok) throw new Error(parsed.message);
      const result = scaffoldArticle({ ...parsed.options, contentDir });
      expect(result.message).toMatch(/^Created \S+\/(en|ja|ko)\/[a-z-]+\/[a-z0-9-]+\.md\. Fill in/);
      expect(parseArticleSource(readFileSync(result.path!), result.path!).diagnostics).toEqual([]);
    }
  });

  it('images: the path shown exists in the example content, and an example article uses it', () => {
    const shown = docs.flatMap(({ text }) => [...text.matchAll(/!\[[^\]]*\]\(\.\.\/\.\.\/_assets\/([^)\s]+)\)/g)].map((m) => m[1]!));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const articles = execFileSync('git', ['grep', '-l', '_assets/', '--', 'content/*/*/*.md'], { encoding: 'utf8' }).trim().split('\n');
    for (const name of new Set(shown)) {
      expect(() => readFileSync(join('content/_assets', name)), name).not.toThrow();
      expect(articles.some((a) => readFileSync(a, 'utf8').includes(`](../../_assets/${name})`)), name).toBe(true);
    }
  });

  it('images: an article with the line exactly as shown passes npm run check and publishes the image', async () => {
    const lines = docs.flatMap(({ text }) => [...text.matchAll(/`(!\[[^\]]*\]\([^)]+\))`/g)].map((m) => m[1]!));
    const contentDir = join(root, 'images', 'content');
    cpSync('content/_assets', join(contentDir, '_assets'), { recursive: true });
    mkdirSync(join(contentDir, 'en/billing'), { recursive: true });
    writeFileSync(join(contentDir, 'en/billing/a.md'), `---\ntitle: A\n---\n\n${lines.join('\n\n')}\n`);
    const kb = await loadKnowledgeBase({ contentDir, configPath: join(root, 'none.yml'), gitDates: false });
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect((await collectDiagnostics(kb)).map(formatDiagnostic)).toEqual([]);
    expect(kb.images.map((i) => i.url)).toEqual([expect.stringMatching(/^\/_assets\/a-plan-picker\.[0-9a-z]+\.svg$/)]);
  });
});
