import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCallouts from '../../../plugins/remark-callouts.ts';
import remarkFaq from '../../../plugins/remark-faq.ts';
import rehypeHeadingAnchors from '../../../plugins/rehype-heading-anchors.ts';
import rehypeArticleLinks from '../../../plugins/rehype-article-links.ts';
import rehypeExternalLinks from '../../../plugins/rehype-external-links.ts';
import rehypeImages from '../../../plugins/rehype-images.ts';
import rehypeTaskLists from '../../../plugins/rehype-task-lists.ts';
import rehypeCodeBlocks from '../../../plugins/rehype-code-blocks.ts';
import rehypeInlineCodeBreaks from '../../../plugins/rehype-inline-code-breaks.ts';
import rehypeFootnotes from '../../../plugins/rehype-footnotes.ts';
import rehypeRawHtml from '../../../plugins/rehype-raw-html.ts';
import remarkGfm from 'remark-gfm';
import rehypeSanitize from 'rehype-sanitize';
import { articleSanitizeSchema } from '../../../src/markdown/sanitize-schema.ts';

/**
 * Fixture tests in the unified style: tests/fixtures/plugins/<plugin>/<case>/{input.md, output.html, config.json}.
 * `UPDATE=1 npx vitest run tests/unit/plugins` rewrites output.html; review the diff before committing.
 */
const root = 'tests/fixtures/plugins';
type Config = Record<string, unknown> & { articleType?: string };

// Resolvers for the link and image fixtures: a tiny pretend site.
const pages: Record<string, string> = { 'refund.md': '/en/billing/refund/', '../account/password.md': '/en/account/password/', '../account/': '/en/account/' };
const resolveLink = (href: string) => {
  const [path, hash = ''] = href.replace(/^\.\//, '').split('#');
  return pages[path!] ? pages[path!] + (hash ? `#${hash}` : '') : undefined;
};
const resolveImage = (src: string) => (src.endsWith('plan.svg') ? { url: '/_assets/plan.0123456789.svg', width: 640, height: 360 } : undefined);

type Pipeline = { remark: PluggableList; rehype: PluggableList; toHast?: { clobberPrefix?: string; allowDangerousHtml?: boolean } };
const pipelines: Record<string, (config: Config) => Pipeline> = {
  'remark-callouts': () => ({ remark: [remarkDirective, remarkCallouts], rehype: [] }),
  'remark-faq': () => ({ remark: [remarkFaq], rehype: [] }),
  'rehype-heading-anchors': () => ({ remark: [remarkFaq], rehype: [rehypeHeadingAnchors] }),
  'rehype-article-links': () => ({ remark: [], rehype: [[rehypeArticleLinks, { resolve: resolveLink }]] }),
  'rehype-external-links': (config) => ({ remark: [], rehype: [[rehypeExternalLinks, config]] }),
  'rehype-images': () => ({ remark: [], rehype: [[rehypeImages, { resolve: resolveImage }]] }),
  'rehype-task-lists': (config) => ({ remark: [remarkGfm], rehype: [[rehypeTaskLists, config]] }),
  'rehype-code-blocks': () => ({ remark: [], rehype: [rehypeCodeBlocks] }),
  'rehype-inline-code-breaks': (config) => ({ remark: [remarkGfm], rehype: [[rehypeInlineCodeBreaks, config]] }),
  // As in the site: ids are prefixed once, by the sanitizer.
  'rehype-raw-html': () => ({ remark: [remarkGfm], rehype: [rehypeRawHtml], toHast: { allowDangerousHtml: true } }),
  'rehype-footnotes': (config) => ({ remark: [remarkGfm], rehype: [[rehypeSanitize, articleSanitizeSchema], [rehypeFootnotes, config]], toHast: { clobberPrefix: '' } }),
};

export function render(plugin: string, input: string, config: Config = {}) {
  const { remark, rehype, toHast } = pipelines[plugin]!(config);
  const processor = unified().use(remarkParse).use(remark).use(remarkRehype, toHast).use(rehype).use(rehypeStringify);
  const file = new VFile({ path: '/content/en/billing/page.md', value: input, data: { articleType: config.articleType ?? 'guide', locale: 'en' } });
  const html = String(processor.processSync(file));
  return { html, file };
}

for (const plugin of readdirSync(root)) {
  describe(`${plugin} fixtures`, () => {
    for (const name of readdirSync(join(root, plugin))) {
      it(name.replace(/-/g, ' '), () => {
        const dir = join(root, plugin, name);
        const config: Config = existsSync(join(dir, 'config.json')) ? JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) : {};
        const { html } = render(plugin, readFileSync(join(dir, 'input.md'), 'utf8'), config);
        const expectedPath = join(dir, 'output.html');
        if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${html}\n`);
        expect(`${html}\n`).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  });
}
