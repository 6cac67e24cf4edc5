import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkPlugins, rehypePlugins, type PipelineContext } from '../../../plugins/index.ts';
import rehypeRawHtml, { hasRaw } from '../../../plugins/rehype-raw-html.ts';
import { generateHelpCenter } from '../../../src/bench/generate-content.ts';

const ctx: PipelineContext = {
  siteOrigin: 'https://help.example.com',
  calloutLabel: (type) => type,
  anchorLabel: (text) => `Link to ${text}`,
  footnoteLabel: () => 'Footnotes',
  footnoteBackLabel: (n) => `Back to reference ${n}`,
  resolveLink: () => undefined,
  resolveImage: () => undefined,
};

/** The site's pipeline, with rehype-raw always (as before) or only where there is raw HTML. */
const pipeline = (always: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkPlugins(ctx))
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypePlugins(ctx).map((p) => (always && p === rehypeRawHtml ? rehypeRaw : p)))
    .use(rehypeStringify)
    .freeze();

/**
 * The same HTML to a browser: the re-parse spells an attribute with no value `x=""` where the tree it was given
 * had `x`; both are the attribute, empty.
 */
const sameAsBrowser = (html: string) => html.replace(/ ([a-z][a-z0-9-]*)=""/g, ' $1');

function markdownIn(dir: string): { path: string; body: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .map((path) => {
      const text = readFileSync(path, 'utf8');
      let body = text;
      try {
        body = matter(text).content;
      } catch {
        // A fixture with broken frontmatter on purpose: its whole text is Markdown enough.
      }
      return { path, body };
    });
}

describe('rehype-raw-html', () => {
  it('renders every example, fixture and generated article as rehype-raw on every article did', () => {
    const generated = generateHelpCenter({ articles: 20, seed: 'raw-html-test' }).files.filter((f) => f.path.endsWith('.md'));
    const articles = [
      ...markdownIn('content'),
      ...markdownIn('tests/fixtures/content'),
      ...markdownIn('tests/fixtures/plugins'),
      ...generated.map((f) => ({ path: `/generated/${f.path}`, body: matter(f.content).content })),
    ];
    expect(articles.length).toBeGreaterThan(110);
    const before = pipeline(true);
    const now = pipeline(false);
    const render = (p: typeof now, a: (typeof articles)[number]) => {
      try {
        return String(p.processSync(new VFile({ path: a.path, value: a.body, data: { locale: 'en', articleType: 'guide' } })));
      } catch (error) {
        return `error: ${error instanceof Error ? error.message : String(error)}`;
      }
    };
    const differ = articles.filter((a) => sameAsBrowser(render(before, a)) !== sameAsBrowser(render(now, a))).map((a) => a.path);
    expect(differ).toEqual([]);
    // Some of them do have raw HTML, so both paths ran.
    expect(articles.filter((a) => /<(kbd|details|script|img|div|span|br)\b/i.test(a.body)).length).toBeGreaterThan(3);
  });

  it('finds raw HTML anywhere in the tree, template content included, and nothing in a tree without it', () => {
    const hast = (md: string) => unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).runSync(unified().use(remarkParse).parse(md));
    expect(hasRaw(hast('Plain **text**, a [link](x) and `<code>`.\n\n```html\n<p>x</p>\n```') as never)).toBe(false);
    expect(hasRaw(hast('- one\n  - two <kbd>K</kbd>') as never)).toBe(true);
    expect(hasRaw(hast('<!-- a comment -->') as never)).toBe(true);
    const template = (children: never[]) => ({ type: 'root', children: [{ type: 'element', tagName: 'template', properties: {}, children: [], content: { type: 'root', children } }] }) as never;
    expect(hasRaw(template([]))).toBe(false);
    expect(hasRaw(template([{ type: 'raw', value: '<b>y</b>' } as never]))).toBe(true);
  });

  it('still turns raw HTML into elements, which the sanitizer then filters', () => {
    const html = String(pipeline(false).processSync(new VFile({ path: '/c/en/a/b.md', value: 'Press <kbd>Esc</kbd>.<script>alert(1)</script>', data: { locale: 'en' } })));
    expect(html).toContain('<kbd>Esc</kbd>');
    expect(html).not.toContain('script');
  });
});
