import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { collectDiagnostics } from '../../../src/content/report.ts';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';

/**
 * Every mistake a writer can make, each in its own small content folder, with the exact lines they read.
 * `${dir}` in an expected line stands for the case's content folder as printed (relative to the cwd).
 */
const ok = (title = 'Fine') => `---\ntitle: ${title}\n---\n\nBody text.\n`;
const cases: { name: string; files: Record<string, string | Buffer>; config?: string; expect: string[] }[] = [
  { name: 'malformed YAML', files: { 'en/billing/a.md': '---\ntitle: Refunds: how they work\n---\nBody\n' }, expect: ['${dir}/en/billing/a.md:2: the frontmatter is not valid YAML (Nested mappings are not allowed in compact mappings). Put values that contain ":" or "#" in quotes, e.g. title: "Refunds: how they work"'] },
  { name: 'unclosed quote is reported where it opens', files: { 'en/billing/a.md': '---\ntitle: Refunds\ndescription: "How refunds work\ntype: guide\norder: 3\ntags: [billing]\nkeywords: [money back]\nfeatured: true\n---\n\nBody\n' }, expect: ['${dir}/en/billing/a.md:3: the frontmatter is not valid YAML (the " that opens description is never closed). Close it on the same line: description: "How refunds work"'] },
  { name: 'unclosed single quote', files: { 'en/billing/a.md': "---\ntitle: 'Refunds\norder: 3\n---\n" }, expect: ["${dir}/en/billing/a.md:2: the frontmatter is not valid YAML (the ' that opens title is never closed). Close it on the same line: title: 'Refunds'"] },
  { name: 'unclosed list is reported where it opens', files: { 'en/billing/a.md': '---\ntitle: Refunds\ntags: [billing, refunds\norder: 3\n---\n' }, expect: ['${dir}/en/billing/a.md:3: the frontmatter is not valid YAML (the [ that opens tags is never closed). Close it on the same line: tags: [billing, refunds]'] },
  { name: 'unclosed quote inside a list', files: { 'en/billing/a.md': '---\ntitle: Refunds\ntags: ["billing, refunds]\norder: 3\n---\n' }, expect: ['${dir}/en/billing/a.md:3: the frontmatter is not valid YAML (a " on this line is never closed). Add the closing " where the value ends'] },
  { name: 'missing closing ---', files: { 'en/billing/a.md': '---\ntitle: Refunds\n\nBody without a closing line\n' }, expect: ['${dir}/en/billing/a.md:1: the frontmatter has no closing ---. Add a line with three dashes after the last frontmatter field'] },
  { name: 'no frontmatter at all', files: { 'en/billing/a.md': '# Refunds\n\nBody\n' }, expect: ['${dir}/en/billing/a.md:1: missing frontmatter. Start the file with three dashes, a line "title: Your title", and three dashes'] },
  { name: 'UTF-8 BOM just works', files: { 'en/billing/a.md': '\uFEFF' + ok('With BOM') }, expect: [] },
  { name: 'CRLF line endings just work', files: { 'en/billing/a.md': '---\r\ntitle: Windows\r\n---\r\n\r\n## Heading\r\n\r\nText\r\n' }, expect: [] },
  { name: 'empty file', files: { 'en/billing/a.md': '' }, expect: ['${dir}/en/billing/a.md: the file is empty. Start it with frontmatter:\n---\ntitle: Your title\n---'] },
  { name: 'not UTF-8', files: { 'en/billing/a.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0x93, 0xfa, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]) }, expect: ['${dir}/en/billing/a.md: the file is not valid UTF-8. Save it as UTF-8 in your editor'] },
  { name: 'title is a number', files: { 'en/billing/a.md': '---\ntitle: 123\n---\n' }, expect: ['${dir}/en/billing/a.md:2: title: expected text, got 123. Put it in quotes: title: "123"'] },
  { name: 'tags as a comma string', files: { 'ja/billing/refund.md': '---\ntitle: 返金\ntags: "a,b"\n---\n' }, expect: ['${dir}/ja/billing/refund.md:3: tags: expected a list of strings, got "a,b". Write tags: [a, b]'] },
  { name: 'updated is not a date', files: { 'en/billing/a.md': '---\ntitle: A\nupdated: yesterday\n---\n' }, expect: ['${dir}/en/billing/a.md:3: updated: expected a date like 2026-03-14, got "yesterday". Write the date as YYYY-MM-DD, or leave it out to use the git history'] },
  { name: 'unknown type', files: { 'en/billing/a.md': '---\ntitle: A\ntype: howto\n---\n' }, expect: ['${dir}/en/billing/a.md:3: type: expected one of faq, guide, troubleshooting, reference, got "howto". Write type: faq for question-and-answer pages, or leave it out for a guide'] },
  { name: 'draft is not a boolean', files: { 'en/billing/a.md': '---\ntitle: A\ndraft: yes please\n---\n' }, expect: ['${dir}/en/billing/a.md:3: draft: expected true or false, got "yes please". Write draft: true'] },
  { name: 'several problems at once', files: { 'en/billing/a.md': '---\ntitle: 123\norder: first\nfeatured: maybe\n---\n' }, expect: ['${dir}/en/billing/a.md:2: title: expected text, got 123. Put it in quotes: title: "123"', '${dir}/en/billing/a.md:3: order: expected a whole number, got "first". Write for example order: 10', '${dir}/en/billing/a.md:4: featured: expected true or false, got "maybe". Write featured: true'] },
  { name: 'unknown key with did-you-mean (warning)', files: { 'en/billing/a.md': '---\ntitle: A\nkeywrods: [x]\n---\n' }, expect: ['${dir}/en/billing/a.md:3: warning: unknown frontmatter key "keywrods" is ignored. Did you mean "keywords"?'] },
  { name: 'misspelt title: the did-you-mean, not "put it in quotes"', files: { 'en/billing/a.md': '---\ntitel: Refunds\ndescription: How refunds work\n---\n' }, expect: ['${dir}/en/billing/a.md:2: unknown frontmatter key "titel", and title is missing. Did you mean "title"? Rename titel to title'] },
  { name: 'misspelt title below other fields', files: { 'en/billing/a.md': '---\ndescription: How refunds work\norder: 3\nTitle: Refunds\n---\n' }, expect: ['${dir}/en/billing/a.md:4: unknown frontmatter key "Title", and title is missing. Did you mean "title"? Rename Title to title'] },
  { name: 'misspelt key beside the real one stays a warning', files: { 'en/billing/a.md': '---\ntitle: Refunds\ntitel: Old title\n---\n' }, expect: ['${dir}/en/billing/a.md:3: warning: unknown frontmatter key "titel" is ignored. Did you mean "title"?'] },
  { name: 'no title at all', files: { 'en/billing/a.md': '---\ndescription: How refunds work\n---\n' }, expect: ['${dir}/en/billing/a.md:2: title: missing; every article needs one. Add a line title: Your title after the first ---'] },
  { name: 'title with nothing after it', files: { 'en/billing/a.md': '---\ntitle:\ndescription: How refunds work\n---\n' }, expect: ['${dir}/en/billing/a.md:2: title: must not be empty. Write title: Your title'] },
  { name: 'invalid slug', files: { 'en/billing/a.md': '---\ntitle: A\nslug: Not A Slug!\n---\n' }, expect: ['${dir}/en/billing/a.md:3: slug: "Not A Slug!" is not a valid URL segment. Use lowercase letters, digits and hyphens, e.g. slug: request-a-refund'] },
  { name: 'frontmatter and body errors in one run', files: { 'en/billing/a.md': '---\ntitle: A\norder: first\n---\n\nSee [refunds](./refnd.md) and [fees](./refund.md#fes).\n\n![Plan](../../_assets/plan.png)\n', 'en/billing/refund.md': '---\ntitle: Refunds\n---\n\n## Fees\n' }, expect: ['${dir}/en/billing/a.md:3: order: expected a whole number, got "first". Write for example order: 10', '${dir}/en/billing/a.md:6: the anchor "#fes" matches no heading in ${dir}/en/billing/refund.md. Did you mean "#fees"?', '${dir}/en/billing/a.md:6: the link "./refnd.md" points to an article that does not exist. Did you mean refund.md?', '${dir}/en/billing/a.md:8: image "../../_assets/plan.png" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg'] },
  { name: 'invalid YAML and body errors in one run', files: { 'en/billing/a.md': '---\ntitle: "A\ntype: faq\n---\n\n:::hint\nText\n:::\n\n[Jump](#nowhere)\n\n## Somewhere?\n' }, expect: ['${dir}/en/billing/a.md:2: the frontmatter is not valid YAML (the " that opens title is never closed). Close it on the same line: title: "A"', '${dir}/en/billing/a.md:6: warning: unknown callout ":::hint"; use one of :::note, :::tip, :::warning, :::danger', '${dir}/en/billing/a.md:10: the anchor "#nowhere" matches no heading in this article. Headings there: #somewhere'] },
  { name: 'no frontmatter, and body errors in one run', files: { 'en/billing/a.md': '# Refunds\n\nSee [refunds](./refnd.md).\n', 'en/billing/refund.md': ok() }, expect: ['${dir}/en/billing/a.md:1: missing frontmatter. Start the file with three dashes, a line "title: Your title", and three dashes', '${dir}/en/billing/a.md:3: the link "./refnd.md" points to an article that does not exist. Did you mean refund.md?'] },
  { name: 'a link to an article with frontmatter errors is not broken too', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n[Refunds](./refund.md#fees) [Gone](./refund.md#fes)\n', 'en/billing/refund.md': '---\ntitle: 123\n---\n\n## Fees\n' }, expect: ['${dir}/en/billing/a.md:5: the anchor "#fes" matches no heading in ${dir}/en/billing/refund.md. Did you mean "#fees"?', '${dir}/en/billing/refund.md:2: title: expected text, got 123. Put it in quotes: title: "123"'] },
  { name: 'unknown locale folder', files: { 'english/billing/a.md': ok(), 'en/billing/b.md': ok() }, expect: ['${dir}/english: "english" is not a language folder. Top-level folders must be language tags such as en, ja, ko or pt-BR; prefix other folders with _ (e.g. _assets)'] },
  { name: 'article directly in a locale', files: { 'en/a.md': ok(), 'en/billing/b.md': ok() }, expect: ['${dir}/en/a.md: articles must be inside a category folder. Move it to ${dir}/en/general/a.md'] },
  { name: 'article at the top', files: { 'a.md': ok(), 'en/billing/b.md': ok() }, expect: ['${dir}/a.md: articles must be inside a language and a category folder. Move it to ${dir}/en/general/a.md'] },
  { name: 'article nested too deep', files: { 'en/billing/old/a.md': ok(), 'en/billing/b.md': ok() }, expect: ['${dir}/en/billing/old: categories cannot contain sub-folders of articles. Move the articles up into ${dir}/en/billing or into a category of their own'] },
  { name: 'file name with spaces and capitals', files: { 'en/billing/Reset Password.md': ok() }, expect: ['${dir}/en/billing/Reset Password.md: warning: the file name "Reset Password.md" is published as "reset-password". Rename it to reset-password.md, or set slug: in its frontmatter'] },
  { name: 'non-ASCII file name', files: { 'ja/billing/返金 方法.md': ok('返金') }, expect: ['${dir}/ja/billing/返金 方法.md: warning: the file name "返金 方法.md" is published as "返金-方法". Rename it to 返金-方法.md, or set slug: in its frontmatter'] },
  { name: 'file name with no letters', files: { 'en/billing/!!!.md': ok(), 'en/billing/b.md': ok() }, expect: ['${dir}/en/billing/!!!.md: the file name "!!!.md" has no letters or digits to build a URL from. Rename it, e.g. request-a-refund.md'] },
  { name: 'duplicate slugs', files: { 'en/billing/a.md': ok(), 'en/billing/b.md': '---\ntitle: B\nslug: a\n---\n' }, expect: ['${dir}/en/billing/b.md: this article and ${dir}/en/billing/a.md are both published at /en/billing/a/. Rename one file or give one of them a different slug in its frontmatter'] },
  { name: 'link to a missing article', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\nSee [refunds](./refnd.md).\n', 'en/billing/refund.md': ok() }, expect: ['${dir}/en/billing/a.md:5: the link "./refnd.md" points to an article that does not exist. Did you mean refund.md?'] },
  { name: 'link to a missing anchor', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\nSee [fees](./b.md#fes).\n', 'en/billing/b.md': '---\ntitle: B\n---\n\n## Fees\n\nText\n' }, expect: ['${dir}/en/billing/a.md:5: the anchor "#fes" matches no heading in ${dir}/en/billing/b.md. Did you mean "#fees"?'] },
  { name: 'same-page anchor', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n[Jump](#nowhere)\n\n## Somewhere\n' }, expect: ['${dir}/en/billing/a.md:5: the anchor "#nowhere" matches no heading in this article. Headings there: #somewhere'] },
  { name: 'absolute link to a missing page', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n[Other](/en/billing/nope/)\n' }, expect: ['${dir}/en/billing/a.md:5: the link "/en/billing/nope/" leads to no article or page. Check the path and the file name'] },
  { name: 'links across locales and to categories resolve', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n[日本語](../../ja/billing/b.md) [Billing](../billing/) [Home](/en/)\n', 'ja/billing/b.md': ok('B') }, expect: ['${dir}/ja: warning: 1 of 1 en article has no 日本語 translation (billing/a). Readers who switch language on those pages land on the 日本語 home page with a notice'] },
  { name: 'missing image', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n![Plan](../../_assets/plan.png)\n' }, expect: ['${dir}/en/billing/a.md:5: image "../../_assets/plan.png" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg'] },
  { name: 'unknown related slug', files: { 'en/billing/a.md': '---\ntitle: A\nrelated: [refnd]\n---\n', 'en/billing/refund.md': ok() }, expect: ['${dir}/en/billing/a.md:2: related: no article "refnd" in en. Did you mean "refund"?'] },
  { name: 'draft linked from a published article', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n[Soon](./b.md)\n', 'en/billing/b.md': '---\ntitle: B\ndraft: true\n---\n' }, expect: ['${dir}/en/billing/a.md:5: the link "./b.md" points to a draft, which is not published. Publish ${dir}/en/billing/b.md (remove draft: true) or remove the link'] },
  { name: 'empty category', files: { 'en/billing/a.md': ok(), 'en/empty/_category.yml': 'title: Empty\n' }, expect: ['${dir}/en/empty: warning: the category has no published articles, so it is not shown. Add an article, publish a draft, or remove the folder'] },
  { name: 'bad _category.yml', files: { 'en/billing/a.md': ok(), 'en/billing/_category.yml': 'title: Billing\ncolour: blue\n' }, expect: ['${dir}/en/billing/_category.yml: unknown key "colour". A _category.yml may hold title, description and order'] },
  { name: 'unknown config key', files: { 'en/billing/a.md': ok() }, config: 'titel: Help\n', expect: ['${config}:1: unknown config key "titel". Did you mean "title"?'] },
  { name: 'bad config URL', files: { 'en/billing/a.md': ok() }, config: 'title: Help\nurl: help.example.com\n', expect: ['${config}:2: url: Invalid URL'] },
  { name: 'translation coverage is a warning', files: { 'en/billing/a.md': ok(), 'en/billing/b.md': ok(), 'ja/billing/a.md': ok() }, expect: ['${dir}/ja: warning: 1 of 2 en articles has no 日本語 translation (billing/b). Readers who switch language on those pages land on the 日本語 home page with a notice'] },
  { name: 'translation coverage counts agree with their nouns', files: { 'en/billing/a.md': ok(), 'en/billing/b.md': ok(), 'en/billing/c.md': ok(), 'ja/billing/a.md': ok() }, expect: ['${dir}/ja: warning: 2 of 3 en articles have no 日本語 translation (billing/b, billing/c). Readers who switch language on those pages land on the 日本語 home page with a notice'] },
  { name: 'synonyms: a group of one word', files: { 'ja/billing/a.md': ok('解約'), 'ja/_synonyms.yml': '- [解約, 退会]\n- [解約]\n' }, expect: ['${dir}/ja/_synonyms.yml:2: a group needs at least two words. Write each group as a list, e.g. - [cancel, terminate], or as typed: [words readers use] with finds: [words the articles use]'] },
  { name: 'synonyms: not a list', files: { 'en/billing/a.md': ok(), 'en/_synonyms.yml': 'cancel: terminate\n' }, expect: ['${dir}/en/_synonyms.yml:1: expected a list of synonym groups. Write each group as a list, e.g. - [cancel, terminate], or as typed: [words readers use] with finds: [words the articles use]'] },
  { name: 'synonyms: a misspelt key', files: { 'en/billing/a.md': ok(), 'en/_synonyms.yml': '- [cancel, terminate]\n- typed: [cell phone]\n  find: [mobile]\n' }, expect: ['${dir}/en/_synonyms.yml:2: finds: missing. Write each group as a list, e.g. - [cancel, terminate], or as typed: [words readers use] with finds: [words the articles use]', '${dir}/en/_synonyms.yml:2: unknown key "find". Write each group as a list, e.g. - [cancel, terminate], or as typed: [words readers use] with finds: [words the articles use]'] },
  { name: 'synonyms: a word search cannot match', files: { 'en/billing/a.md': ok(), 'en/_synonyms.yml': '- [refund, the]\n' }, expect: ['${dir}/en/_synonyms.yml:1: "the" has nothing search can match (only common words or punctuation). Use the words that carry the meaning, e.g. "close account" rather than "the"'] },
  { name: 'synonyms: invalid YAML', files: { 'en/billing/a.md': ok(), 'en/_synonyms.yml': '- [refund, money back\n- [a, b]\n' }, expect: ['${dir}/en/_synonyms.yml:2: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]). Check the brackets and quotes on this line and the one before; quote words that contain ":" or "#"'] },
  { name: 'synonyms: a word listed twice (warning)', files: { 'en/billing/a.md': ok(), 'en/_synonyms.yml': '- [refund, Refund, money back]\n' }, expect: ['${dir}/en/_synonyms.yml:1: warning: "Refund" is listed twice in the same group. Remove one of them'] },
  { name: 'unknown callout', files: { 'en/billing/a.md': '---\ntitle: A\n---\n\n:::hint\nText\n:::\n' }, expect: ['${dir}/en/billing/a.md:5: warning: unknown callout ":::hint"; use one of :::note, :::tip, :::warning, :::danger'] },
];

const root = mkdtempSync(join(tmpdir(), 'kb-writer-errors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setUp(name: string, files: Record<string, string | Buffer>, config?: string) {
  const dir = join(root, name.replace(/\W+/g, '-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'content', path)), { recursive: true });
    writeFileSync(join(dir, 'content', path), body);
  }
  const configPath = join(dir, 'kb.config.yml');
  if (config) writeFileSync(configPath, config);
  return { contentDir: join(dir, 'content'), configPath };
}

describe('what a writer sees for each mistake', () => {
  it('covers at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  for (const c of cases) {
    it(c.name, async () => {
      const { contentDir, configPath } = setUp(c.name, c.files, c.config);
      const kb = await loadKnowledgeBase({ contentDir, configPath, gitDates: false });
      const lines = (await collectDiagnostics(kb)).map(formatDiagnostic);
      const dir = relative(process.cwd(), contentDir);
      const config = relative(process.cwd(), configPath);
      expect(lines).toEqual(c.expect.map((l) => l.replaceAll('${dir}', dir).replaceAll('${config}', config)));
    });
  }

  it('reports a 5 MB article clearly instead of hanging', async () => {
    const { contentDir, configPath } = setUp('huge', { 'en/billing/huge.md': `---\ntitle: Huge\n---\n\n${'word '.repeat(1_000_000)}` });
    const kb = await loadKnowledgeBase({ contentDir, configPath, gitDates: false });
    expect(kb.diagnostics.map(formatDiagnostic)).toEqual([`${relative(process.cwd(), contentDir)}/en/billing/huge.md: the article is 4.8 MB; the limit is 2 MB. Split it into several articles`]);
  });

  it('renders an article with thousands of headings, with unique anchors', async () => {
    const body = Array.from({ length: 3000 }, (_, i) => `## Step ${i % 10}\n\nText ${i}.\n`).join('\n');
    const { contentDir, configPath } = setUp('many-headings', { 'en/billing/long.md': `---\ntitle: Long\n---\n\n${body}` });
    const started = performance.now();
    const kb = await loadKnowledgeBase({ contentDir, configPath, gitDates: false });
    expect(performance.now() - started).toBeLessThan(20_000);
    const ids = kb.articles[0]!.headings.map((h) => h.id);
    expect(ids.length).toBe(3000);
    expect(new Set(ids).size).toBe(3000);
  });
});

describe('npm run check exit codes', () => {
  const run = (contentDir: string, configPath: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['scripts/check.ts'], { env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_CONFIG: configPath }, encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };

  it('exits 1 on errors and prints them without a stack trace', () => {
    const { contentDir, configPath } = setUp('cli-error', { 'ja/billing/refund.md': '---\ntitle: 返金\ntags: "a,b"\n---\n' });
    const { code, out } = run(contentDir, configPath);
    expect(code).toBe(1);
    expect(out).toContain(`${relative(process.cwd(), contentDir)}/ja/billing/refund.md:3: tags: expected a list of strings, got "a,b". Write tags: [a, b]`);
    expect(out.trim().split('\n').at(-1)).toBe('✗ 1 error, 0 warnings in 1 file (1 article in 1 language checked)');
    expect(out).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('exits 0 with only warnings', () => {
    const { contentDir, configPath } = setUp('cli-warning', { 'en/billing/a.md': '---\ntitle: A\nkeywrods: [x]\n---\n' });
    const { code, out } = run(contentDir, configPath);
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('✓ 0 errors, 1 warning in 1 file (1 article in 1 language checked)');
  });

  it('says "1 article in 1 language", not "1 articles in 1 languages"', () => {
    const { contentDir, configPath } = setUp('cli-singular', { 'en/billing/a.md': ok() });
    const { code, out } = run(contentDir, configPath);
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('✓ No problems (1 article in 1 language checked)');
  });

  it('prints warnings first, errors last, then the summary', () => {
    const { contentDir, configPath } = setUp('cli-order', {
      'en/billing/a.md': '---\ntitle: A\n---\n\nSee [refunds](./refnd.md).\n',
      'en/billing/b.md': '---\ntitle: B\norder: first\n---\n',
      'en/billing/c.md': '---\ntitle: C\nkeywrods: [x]\n---\n',
    });
    const dir = relative(process.cwd(), contentDir);
    const { code, out } = run(contentDir, configPath);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      `${dir}/en/billing/c.md:3: warning: unknown frontmatter key "keywrods" is ignored. Did you mean "keywords"?`,
      `${dir}/en/billing/a.md:5: the link "./refnd.md" points to an article that does not exist. Check the path: it is relative to this file, e.g. ../billing/request-a-refund.md`,
      `${dir}/en/billing/b.md:3: order: expected a whole number, got "first". Write for example order: 10`,
      '✗ 2 errors, 1 warning in 3 files (3 articles in 1 language checked)',
    ]);
  });
});
