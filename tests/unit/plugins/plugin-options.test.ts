import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import * as callouts from '../../../plugins/remark-callouts.ts';
import * as faq from '../../../plugins/remark-faq.ts';
import * as anchors from '../../../plugins/rehype-heading-anchors.ts';
import * as links from '../../../plugins/rehype-article-links.ts';
import * as external from '../../../plugins/rehype-external-links.ts';
import * as images from '../../../plugins/rehype-images.ts';
import * as footnotes from '../../../plugins/rehype-footnotes.ts';
import remarkGfm from 'remark-gfm';
import rehypeSanitize from 'rehype-sanitize';
import { articleSanitizeSchema } from '../../../src/markdown/sanitize-schema.ts';

const html = (md: string, remark: any[] = [], rehype: any[] = [], data: Record<string, unknown> = {}) => {
  const file = new VFile({ value: md, path: '/c/en/a/b.md', data });
  return { html: String(unified().use(remarkParse).use(remark).use(remarkRehype).use(rehype).use(rehypeStringify).processSync(file)), file };
};

describe('plugin options', () => {
  it('remark-callouts: label gives translated default titles', () => {
    const out = html(':::tip\nx\n:::', [remarkDirective, [callouts.default, { label: (t: string) => `ヒント(${t})` }]]).html;
    expect(out).toContain('<p class="callout-title">ヒント(tip)</p>');
  });

  it('remark-callouts: reports an unknown container with its line', () => {
    const { file } = html('text\n\n:::hint\nx\n:::', [remarkDirective, callouts.default]);
    expect(file.messages.map((m) => [m.line, m.reason])).toEqual([[3, 'unknown callout ":::hint"; use one of :::note, :::tip, :::warning, :::danger']]);
  });

  it('remark-faq: isFaq decides per file', () => {
    expect(html('## Q?\n\nA', [[faq.default, { isFaq: () => true }]]).html).toContain('<details class="faq-item">');
    expect(html('## Q?\n\nA', [[faq.default, { isFaq: () => false }]], [], { articleType: 'faq' }).html).not.toContain('<details');
  });

  it('rehype-heading-anchors: levels and anchorLabel, with fresh ids per file', () => {
    const plugin = [anchors.default, { levels: [2], anchorLabel: (t: string) => `«${t}»` }];
    const processor = unified().use(remarkParse).use(remarkRehype).use([plugin] as any).use(rehypeStringify).freeze();
    const first = String(processor.processSync('## A\n\n### B'));
    expect(first).toBe('<h2 id="a">A<a class="heading-anchor" href="#a" aria-label="«A»">#</a></h2>\n<h3>B</h3>');
    expect(String(processor.processSync('## A'))).toContain('id="a"'); // not "a-1": no state leaks between files
  });

  it('rehype-article-links: records every link with its line and what it resolved to', () => {
    const { file } = html('x\n\n[a](./a.md) [b](https://b.example)', [], [[links.default, { resolve: (h: string) => (h === './a.md' ? '/en/a/a/' : undefined) }]]);
    expect(file.data.links).toEqual([
      { href: './a.md', resolved: '/en/a/a/', line: 3 },
      { href: 'https://b.example', resolved: undefined, line: 3 },
    ]);
  });

  it('rehype-article-links: base goes in front of site-relative links, not into what the checker sees', () => {
    const resolve = (h: string) => (h === './a.md#x' ? '/en/a/a/#x' : undefined);
    const { html: out, file } = html('[a](./a.md#x) [b](/ja/) [c](#top) [d](https://d.example/) [e](//cdn.example/x)', [], [[links.default, { resolve, base: '/help' }]]);
    expect(out).toBe('<p><a href="/help/en/a/a/#x">a</a> <a href="/help/ja/">b</a> <a href="#top">c</a> <a href="https://d.example/">d</a> <a href="//cdn.example/x">e</a></p>');
    expect(file.data.links!.map((l) => l.resolved)).toEqual(['/en/a/a/#x', undefined, undefined, undefined, undefined]);
  });

  it('rehype-external-links: rel is configurable', () => {
    const md = html('[x](https://x.example)', [], [[external.default, { rel: ['nofollow'] }]]).html;
    expect(md).toContain('rel="nofollow"');
  });

  it('rehype-images: records missing images with their line', () => {
    const { file } = html('![a](./a.png)', [], [[images.default, { resolve: () => undefined }]]);
    expect(file.data.images).toEqual([{ src: './a.png', line: 1, found: false }]);
  });

  const footnoted = (md: string, options: footnotes.Options = {}, rehype: any[] = []) =>
    String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { clobberPrefix: '' })
        .use(rehypeSanitize, articleSanitizeSchema)
        .use(footnotes.default, options)
        .use(rehype)
        .use(rehypeStringify)
        .processSync(new VFile({ value: md, path: '/c/ja/a/b.md', data: { locale: 'ja' } })),
    );

  it('rehype-footnotes: label, backLabel and labelClass, given the file', () => {
    const out = footnoted('A[^1].\n\n[^1]: B.', { label: (f) => `脚注 (${f.data.locale})`, backLabel: (n) => `参照 ${n} に戻る`, labelClass: 'sr' });
    expect(out).toContain('<h2 class="sr" id="user-content-footnote-label">脚注 (ja)</h2>');
    expect(out).toContain('<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="参照 1 に戻る"');
    expect(out).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
  });

  it('rehype-footnotes: idPrefix is the prefix the sanitizer used', () => {
    const out = String(
      unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: '' }).use(rehypeSanitize, { ...articleSanitizeSchema, clobberPrefix: 'w-' }).use(footnotes.default, { idPrefix: 'w-' }).use(rehypeStringify).processSync('A[^1].\n\n[^1]: B.'),
    );
    expect(out).toContain('<a href="#w-fn-1" id="w-fnref-1"');
    expect(out).toContain('<a href="#w-fnref-1"');
  });

  it('rehype-heading-anchors: the footnotes heading is not part of the outline', () => {
    const file = new VFile({ value: '## Refunds\n\nFive days[^1].\n\n[^1]: Working days.', path: '/c/en/a/b.md' });
    const out = String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { clobberPrefix: '' }).use(rehypeSanitize, articleSanitizeSchema).use(footnotes.default).use(anchors.default).use(rehypeStringify).processSync(file));
    expect(file.data.headings).toEqual([{ depth: 2, id: 'refunds', text: 'Refunds' }]);
    expect(out).toContain('<h2 class="visually-hidden" id="user-content-footnote-label">Footnotes</h2>');
  });

  it('each plugin module exports exactly its documented API', () => {
    expect(Object.keys(callouts).sort()).toEqual(['calloutTypes', 'default']);
    for (const mod of [faq, anchors, links, external, images, footnotes]) expect(Object.keys(mod)).toEqual(['default']);
  });
});
