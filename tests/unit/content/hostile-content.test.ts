import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { collectDiagnostics } from '../../../src/content/report.ts';
import { formatDiagnostic } from '../../../src/content/diagnostics.ts';
import { buildSearchIndex } from '../../../src/search/build-index.ts';
import { hasSignatureOf } from '../../../src/content/asset-types.ts';
import { sanitizeSvg } from '../../../src/security/sanitize-svg.ts';
import type { ArticleLimits } from '../../../src/markdown/article-limits.ts';
import type { KnowledgeBase } from '../../../src/content/model.ts';

/**
 * Hostile content, each case in its own small content folder, through the loader, renderer and checks that
 * `npm run check` and the build use. A case either builds, and then no page body, search file or published
 * asset carries anything a browser would run, or it fails with exactly the lines a writer reads.
 * `${dir}` stands for the case's content folder as printed, `${config}` for its config file.
 */
const md = (body: string, front = 'title: Hostile') => `---\n${front}\n---\n\n${body}\n`;
const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="10"${attrs}>${inner}</svg>`;
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000002000000020806000000', 'hex');
const nestingHint = 'Lists, quotes, callouts, HTML elements, links and emphasis inside each other count; flatten that part, or close the HTML tags it opens';
const svgHint = 'SVG images may not contain scripts, event handlers, <foreignObject>, style sheets that load files, or references to other files or hosts; remove them, or export the image again as a plain SVG';
const pwn = (id: string) => `console.log('kb-pwned:${id}')`;

interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  /** Symbolic links to create: path in the case folder → target (absolute, or relative to the case folder). */
  links?: Record<string, string>;
  config?: string;
  /** The content folder's name inside the case folder. @default 'content' */
  contentName?: string;
  limits?: Partial<ArticleLimits>;
  expect: string[];
  /** Extra checks on a case that builds. */
  check?: (kb: KnowledgeBase) => void;
}

const cases: Case[] = [
  // Raw HTML and Markdown that must build with nothing executable left.
  { name: 'script element', files: { 'en/a/a.md': md(`Text <script>${pwn('script')}</script>\n\n<script src="https://evil.example/x.js"></script>`) }, expect: [] },
  { name: 'event handlers', files: { 'en/a/a.md': md(`<img src="x.png" onerror="${pwn('onerror')}"> <b onmouseover="${pwn('hover')}">hover</b> <details open ontoggle="${pwn('toggle')}"><summary>s</summary>x</details> <input autofocus onfocus="${pwn('focus')}">`) }, expect: ['${dir}/en/a/a.md:5: image "x.png" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg'] },
  { name: 'inline SVG in Markdown', files: { 'en/a/a.md': md(`<svg onload="${pwn('svg-inline')}"><script>${pwn('svg-inline-script')}</script><a xlink:href="javascript:${pwn('svg-a')}"><text>t</text></a></svg>`) }, expect: [] },
  { name: 'iframes, objects and embeds', files: { 'en/a/a.md': md(`<iframe src="javascript:${pwn('iframe')}"></iframe><iframe srcdoc="<script>${pwn('srcdoc')}</script>"></iframe><object data="javascript:${pwn('object')}"></object><embed src="javascript:${pwn('embed')}"><frameset><frame src="x"></frameset>`) }, expect: [] },
  { name: 'javascript: links in every spelling', files: { 'en/a/a.md': md(`[a](javascript:${pwn('md-link')}) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](java%0Ascript:alert(1)) <a href="javascript:${pwn('raw-link')}">e</a> <a href="&#x6A;avascript:alert(1)">f</a> <a href=" javascript:alert(1)">g</a> <javascript:alert(1)>`) }, expect: [] },
  { name: 'data: and vbscript: URLs in links', files: { 'en/a/a.md': md(`[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href="data:text/html,<script>${pwn('data')}</script>">b</a> <a href="vbscript:msgbox(1)">c</a> ![d](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`) }, expect: ['${dir}/en/a/a.md:5: warning: image "data:image/svg+xml;base64,PHN2ZyBvbmxvYW…" is embedded in the article as a data: URL, which the site does not publish: readers see its alt text instead. Save it as a file in content/_assets and point at it, e.g. ![Invoice form](../../_assets/invoice-form.png): it is then checked, sized and cached like every image'] },
  { name: 'base, meta refresh, forms and links', files: { 'en/a/a.md': md(`<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:${pwn('meta')}"><link rel="stylesheet" href="https://evil.example/x.css"><form action="https://evil.example"><button formaction="javascript:${pwn('form')}">go</button></form>`) }, expect: [] },
  { name: 'CSS injection', files: { 'en/a/a.md': md(`<style>body{background:url(javascript:${pwn('css')})} @import 'https://evil.example/x.css';</style><div style="background:url(javascript:alert(1));position:fixed;inset:0">cover</div><p style="behavior:url(x.htc)">x</p>`) }, expect: [] },
  { name: 'mutation XSS shapes', files: { 'en/a/a.md': md(`<noscript><p title="</noscript><img src=x onerror=${pwn('noscript')}>"></noscript>\n\n<math><mtext><table><mglyph><style><img src=x onerror="${pwn('mglyph')}"></style></mglyph></table></mtext></math>\n\n<template><script>${pwn('template')}</script></template><textarea><img src=x onerror="${pwn('textarea')}"></textarea>`) }, expect: [] },
  { name: 'payloads in callout titles, headings and code languages', files: { 'en/a/a.md': md(`:::tip[<img src=x onerror="${pwn('callout')}">]\nText\n:::\n\n## Heading <img src=x onerror="${pwn('heading')}">\n\n\`\`\`js" onmouseover="${pwn('lang')}\ncode\n\`\`\`\n\n<code class="language-js&quot; onclick=&quot;x">c</code>`) }, expect: ['${dir}/en/a/a.md:5: image "x" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg', '${dir}/en/a/a.md:9: image "x" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg'] },
  { name: 'link titles and attribute breakouts', files: { 'en/a/a.md': md(`[a](https://example.com "\\" onmouseover=\\"${pwn('title')}") ![b](https://example.com/x.png "\\" onerror=\\"alert(1)")`) }, config: 'csp:\n  imgSrc: [https://example.com]\n', expect: [] },
  { name: 'payloads in tables, task lists and footnotes', files: { 'en/a/a.md': md(`| a | b |\n|---|---|\n| <img src=x onerror="${pwn('cell')}"> | <script>${pwn('cell2')}</script> |\n\n- [ ] <b onclick="${pwn('task')}">task</b>\n\nNote[^x].\n\n[^x]: <svg onload="${pwn('footnote')}">`) }, expect: ['${dir}/en/a/a.md:7: image "x" does not exist. Check the path: it is relative to this Markdown file, e.g. ../../_assets/picture.svg'] },
  { name: 'payloads in frontmatter and FAQ questions', files: { 'en/a/a.md': md(`## What about &lt;/script&gt;&lt;script&gt;${pwn('faq')}&lt;/script&gt;?\n\nAnswer &lt;img src=x onerror=alert(1)&gt;.`, `title: "<script>${pwn('fm-title')}</script>"\ndescription: "<img src=x onerror=alert(1)>"\ntype: faq\ntags: ["<svg onload=alert(1)>"]\nkeywords: ["</script><script>alert(1)</script>"]`) }, expect: [], check: (kb) => expect(kb.articles[0]!.faq[0]!.question).toBe(`What about </script><script>${pwn('faq')}</script>?`) },
  { name: 'ids written by hand are prefixed', files: { 'en/a/a.md': md('<a id="location" name="cookie">x</a> <span id="__proto__">y</span>') }, expect: [], check: (kb) => expect(kb.articles[0]!.html).toBe('<p><a id="user-content-location" name="user-content-cookie">x</a> <span id="user-content-__proto__">y</span></p>') },
  { name: 'code classes only from the allowlist', files: { 'en/a/a.md': md('<code class="language-js language-x&quot;y foo">c</code>') }, expect: [], check: (kb) => expect(kb.articles[0]!.html).toBe('<p><code class="language-js">c</code></p>') },
  { name: 'a huge line', files: { 'en/a/a.md': md('word '.repeat(20_000) + '<b>end</b>') }, expect: [] },
  { name: 'NUL and control characters in the body', files: { 'en/a/a.md': md('a\u0000b\u0007c\u001b[31mred\u202Eevil <scr\u0000ipt>alert(1)</script>') }, expect: [] },
  { name: 'frontmatter __proto__ and prototype names', files: { 'en/a/constructor.md': md('Words: constructor toString hasOwnProperty valueOf __proto__ prototype.', 'title: Constructor\n__proto__: { title: Polluted, draft: true }\nkeywords: [__proto__, constructor]'), 'en/_search-tests.yml': '- query: constructor\n  expect: a/constructor\n- query: hasOwnProperty\n  expect: a/constructor\n- query: valueOf\n  expect: a/constructor\n' }, expect: ['${dir}/en/a/constructor.md:3: warning: unknown frontmatter key "__proto__" is ignored. Known keys: title, description, type, tags, keywords, order, updated, draft, featured, related, slug, context'], check: (kb) => expect([kb.articles[0]!.title, kb.articles[0]!.draft, ({} as Record<string, unknown>).title]).toEqual(['Constructor', false, undefined]) },
  { name: 'YAML alias bomb in frontmatter', files: { 'en/a/a.md': `---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: A\n---\n` }, expect: ['${dir}/en/a/a.md:1: the frontmatter is not valid YAML (Excessive alias count indicates a resource exhaustion attack). Write the values out instead of using YAML aliases (*name)'] },
  { name: 'YAML alias bomb in the config', files: { 'en/a/a.md': md('x') }, config: 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', expect: ['${config}:1: the config is not valid YAML (Excessive alias count indicates a resource exhaustion attack). Write the values out instead of using YAML aliases (*name)'] },

  // Names: unicode, control characters and names starting with _.
  { name: 'control and bidi characters in names', files: { 'en/bi\u202Edi/a\u0007b.md': md('x'), 'en/bi\u202Edi/ok.md': md('[x](a%07b.md)') }, expect: ['${dir}/en/bi\\u202edi: warning: the folder name "bi\\u202edi" is published as "bidi". Rename the folder to bidi so URLs match', '${dir}/en/bi\\u202edi/a\\u0007b.md: warning: the file name "a\\u0007b.md" is published as "ab". Rename it to ab.md, or set slug: in its frontmatter'], check: (kb) => expect(kb.articles.map((a) => a.url).sort()).toEqual(['/en/bidi/ab/', '/en/bidi/ok/']) },
  { name: 'HTML in folder and file names', files: { 'en/<img src=x onerror=alert(1)>/"><svg onload=alert(1)>.md': md('x') }, expect: ['${dir}/en/<img src=x onerror=alert(1)>: warning: the folder name "<img src=x onerror=alert(1)>" is published as "img-srcx-onerroralert1". Rename the folder to img-srcx-onerroralert1 so URLs match', '${dir}/en/<img src=x onerror=alert(1)>/"><svg onload=alert(1)>.md: warning: the file name ""><svg onload=alert(1)>.md" is published as "svg-onloadalert1". Rename it to svg-onloadalert1.md, or set slug: in its frontmatter'] },
  { name: 'folders and files starting with _ that hold articles', files: { 'en/a/a.md': md('x'), '_drafts/en/a/b.md': md('x'), '_drafts/en/a/c.md': md('x'), 'en/_old/d.md': md('x'), 'en/__proto__/e.md': md('x'), 'en/a/_intro.md': md('x'), 'en/a/_category.yml': 'title: A\n', '_assets/pic.png': png, 'en/_synonyms.yml': '- [refund, money back]\n' }, expect: ['${dir}/_drafts: warning: the folder "_drafts" starts with "_", so the 2 Markdown files in it are not published. Folders starting with "_" hold images and other files; move articles into content/<language>/<category>/, and set draft: true in those that are not ready', '${dir}/en/__proto__: warning: the folder "__proto__" starts with "_", so the Markdown file in it is not published. Folders starting with "_" hold images and other files; move articles into content/<language>/<category>/, and set draft: true in those that are not ready', '${dir}/en/_old: warning: the folder "_old" starts with "_", so the Markdown file in it is not published. Folders starting with "_" hold images and other files; move articles into content/<language>/<category>/, and set draft: true in those that are not ready', '${dir}/en/a/_intro.md: warning: "_intro.md" starts with "_", so it is not published. Remove the leading "_" to publish it; to keep an article unpublished, set draft: true in it instead'] },

  // Assets: only listed types, only from inside the content folder, SVGs without active content.
  { name: 'SVG with a script (V1)', files: { 'en/a/a.md': md('![Evil](../../_assets/evil.svg)'), '_assets/evil.svg': svg(`\n<script>${pwn('svg-script')}</script>`) }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains a <script> element (\${dir}/_assets/evil.svg:2). ${svgHint}`] },
  { name: 'SVG with onload', files: { 'en/a/a.md': md('![Evil](../../_assets/evil.svg)'), '_assets/evil.svg': svg('', ` onload="${pwn('svg-onload')}"`) }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains an event handler (onload="…") (\${dir}/_assets/evil.svg:1). ${svgHint}`] },
  { name: 'SVG with foreignObject', files: { 'en/a/a.md': md('<img src="../../_assets/evil.svg" alt="Evil">'), '_assets/evil.svg': svg(`<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:${pwn('fo')}"/></foreignObject>`) }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains a <foreignObject> element (\${dir}/_assets/evil.svg:1). ${svgHint}`] },
  { name: 'SVG that loads from another host', files: { 'en/a/a.md': md('![Evil](../../_assets/evil.svg)'), '_assets/evil.svg': svg('<image href="https://tracker.example/pixel.png"/>') }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains a reference to another file or host (href="https://tracker.example/pixel.png") (\${dir}/_assets/evil.svg:1). ${svgHint}`] },
  { name: 'SVG with a javascript: link', files: { 'en/a/a.md': md('![Evil](../../_assets/evil.svg)'), '_assets/evil.svg': svg(`<a xlink:href="javascript:${pwn('svg-a')}"><rect width="5" height="5"/></a>`) }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains a reference to another file or host (xlink:href="javascript:console.log('kb-pwned:svg-a')") (\${dir}/_assets/evil.svg:1). ${svgHint}`] },
  { name: 'SVG style sheet with @import', files: { 'en/a/a.md': md('![Evil](../../_assets/evil.svg)'), '_assets/evil.svg': svg('<style>\n@import url(https://evil.example/x.css);\n</style>') }, expect: [`\${dir}/en/a/a.md:5: image "../../_assets/evil.svg" contains an @import of another style sheet (\${dir}/_assets/evil.svg:3). ${svgHint}`] },
  { name: 'SVG that is not well-formed', files: { 'en/a/a.md': md('![Broken](../../_assets/broken.svg)'), '_assets/broken.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>' }, expect: ['${dir}/en/a/a.md:5: image "../../_assets/broken.svg" is not a well-formed SVG file (${dir}/_assets/broken.svg:3: Unexpected close tag). Open it in a drawing program and save it again as SVG'] },
  {
    name: 'SVG from a drawing program is published cleaned',
    files: { 'en/a/a.md': md('![Drawing](../../_assets/drawing.svg)'), '_assets/drawing.svg': `<?xml version="1.0"?>\n<!-- Generator: Inkscape -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="40" height="20" inkscape:version="1.3"><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><text>&lt;script&gt;${pwn('svg-text')}&lt;/script&gt;</text></svg>` },
    expect: [],
    check: (kb) => {
      expect(kb.images.map((i) => i.body)).toEqual([`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><text>&lt;script&gt;${pwn('svg-text')}&lt;/script&gt;</text></svg>\n`]);
      expect(kb.articles[0]!.html).toMatch(/^<p><img src="\/_assets\/drawing\.[0-9a-f]{10}\.svg" alt="Drawing" loading="lazy" decoding="async" width="40" height="20"><\/p>$/);
    },
  },
  { name: 'image outside the content folder, in a sibling with the same prefix (V2)', contentName: 'kbA', files: { '../kbA-private/secret.txt': 'password=hunter2', '../kbA-private/secret.png': png, 'en/a/a.md': md('![s](../../../kbA-private/secret.txt)\n<img src="../../../kbA-private/secret.png" alt="s">') }, expect: ['${dir}/en/a/a.md:5: image "../../../kbA-private/secret.txt" is outside the content folder. Only files inside the content folder are published: copy it into content/_assets/ and link it from there', '${dir}/en/a/a.md:6: image "../../../kbA-private/secret.png" is outside the content folder. Only files inside the content folder are published: copy it into content/_assets/ and link it from there'] },
  { name: 'symbolic link to a host file (V2)', files: { 'en/a/a.md': md('![h](../../_assets/host.png)') }, links: { 'content/_assets/host.png': '/etc/hostname' }, expect: ['${dir}/en/a/a.md:5: image "../../_assets/host.png" is a symbolic link to /etc/hostname, outside the content folder. Copy the file into the content folder instead of linking to it'] },
  { name: 'symbolic link to a folder outside', files: { 'en/a/a.md': md('![p](../../_assets/outside/secret.png)'), '../outside/secret.png': png }, links: { 'content/_assets/outside': 'outside' }, expect: ['${dir}/en/a/a.md:5: image "../../_assets/outside/secret.png" is a symbolic link to ${root}/outside/secret.png, outside the content folder. Copy the file into the content folder instead of linking to it'] },
  { name: 'symbolic link inside the content folder is fine', files: { 'en/a/a.md': md('![p](../../_assets/alias.png)'), '_assets/real.png': png }, links: { 'content/_assets/alias.png': 'content/_assets/real.png' }, expect: [], check: (kb) => expect(kb.images.map((i) => i.source)).toEqual([expect.stringMatching(/content\/_assets\/real\.png$/)]) },
  { name: 'article that is a symbolic link out of the content folder', files: { 'en/a/a.md': md('x'), '../private/notes.md': md('private') }, links: { 'content/en/a/leak.md': 'private/notes.md', 'content/en/a/dangling.md': 'nowhere.md' }, expect: ['${dir}/en/a/dangling.md: the file is a symbolic link to a file that does not exist. Remove the link, or copy the article into the content folder', '${dir}/en/a/leak.md: the file is a symbolic link to ${root}/private/notes.md, outside the content folder. Copy the article into the content folder instead of linking to it'] },
  { name: 'types that are not published', files: { 'en/a/a.md': md('![t](../../_assets/notes.txt) ![h](../../_assets/page.html)\n\n[Download](../../_assets/page.html)'), '_assets/notes.txt': 'x', '_assets/page.html': `<script>${pwn('html-asset')}</script>` }, expect: ['${dir}/en/a/a.md:5: image "../../_assets/notes.txt" is a .txt file, which is not published. Images can be png, jpg, jpeg, gif, webp, avif, svg or ico', '${dir}/en/a/a.md:5: image "../../_assets/page.html" is a .html file, which is not published. Images can be png, jpg, jpeg, gif, webp, avif, svg or ico', '${dir}/en/a/a.md:7: the link "../../_assets/page.html" points to a file that is not an article or a published download. Link to another article by its .md file, e.g. ../billing/request-a-refund.md, or to a file inside the content folder of a published type (png, jpg, jpeg, gif, webp, avif, svg, ico, pdf)'] },
  { name: 'a page saved as .png', files: { 'en/a/a.md': md('![p](../../_assets/page.png)'), '_assets/page.png': `<html><script>${pwn('fake-png')}</script></html>` }, expect: ['${dir}/en/a/a.md:5: image "../../_assets/page.png" is not a PNG file (its content does not start like one). Export it again as PNG, or give it the extension of the type it really is'] },
  { name: 'a GIF that is also JavaScript is published only as a GIF', files: { 'en/a/a.md': md('![g](../../_assets/polyglot.gif)'), '_assets/polyglot.gif': Buffer.concat([Buffer.from(`GIF89a=1;${pwn('gif-js')};`), Buffer.alloc(16)]) }, expect: [], check: (kb) => expect(kb.images.map((i) => extname(i.url))).toEqual(['.gif']) },
  { name: 'PDFs are published from links, not as images', files: { 'en/a/a.md': md('[Price list](../../_assets/prices.pdf#page=2)\n\n![p](../../_assets/prices.pdf)'), '_assets/prices.pdf': '%PDF-1.4\n%%EOF\n' }, expect: ['${dir}/en/a/a.md:7: image "../../_assets/prices.pdf" is a PDF, which cannot be shown as an image. Link to it instead: [Download the guide](…) without the !'] },

  // Deep nesting (R2) and slow input (R8): a clear error, fast, no stack trace.
  { name: '1,000 nested list items in 2 KB', files: { 'en/a/a.md': md('- '.repeat(1000) + 'deep') }, expect: [`\${dir}/en/a/a.md:5: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '1,000 nested list items by indentation', files: { 'en/a/a.md': md('Intro\n\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')) }, expect: [`\${dir}/en/a/a.md:39: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '5,000 blockquote levels', files: { 'en/a/a.md': md('>'.repeat(5000) + ' deep') }, expect: [`\${dir}/en/a/a.md:5: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '5,000 nested divs', files: { 'en/a/a.md': md('<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000)) }, expect: [`\${dir}/en/a/a.md:5: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '1 MB of 1,000 nested callouts', files: { 'en/a/a.md': md(Array.from({ length: 1000 }, (_, i) => ':'.repeat(1003 - i) + 'note').join('\n') + '\nx\n' + Array.from({ length: 1000 }, (_, i) => ':'.repeat(4 + i)).join('\n')) }, expect: [`\${dir}/en/a/a.md:37: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '100 KB of nested brackets', files: { 'en/a/a.md': md('['.repeat(50_000) + ']'.repeat(50_000)) }, expect: [`\${dir}/en/a/a.md:5: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: '3,000 nested strong', files: { 'en/a/a.md': md('**'.repeat(3000) + 'a' + '**'.repeat(3000)) }, expect: [`\${dir}/en/a/a.md:5: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: 'nested emphasis the text scan cannot see', files: { 'en/a/a.md': md('Intro.\n\n' + '*a '.repeat(40) + 'x' + ' a*'.repeat(40)) }, expect: [`\${dir}/en/a/a.md:7: nesting deeper than 32 levels. ${nestingHint}`] },
  { name: 'input that is slow to parse runs out of its time budget', limits: { renderBaseMs: 300, renderMsPerMb: 0 }, files: { 'en/a/a.md': md('*a'.repeat(20_000)), 'en/a/b.md': md('Fine.') }, expect: ['${dir}/en/a/a.md: the article took more than 0.3 s of processor time to render. Something in it is very slow to parse (long runs of *, _, [ or | are the usual cause); simplify that part or split the article'] },

  // Footnotes (R1) and anchors.
  { name: 'footnotes build, and their anchors are checked', files: { 'en/a/a.md': md('Text[^1] and more[^note].\n\n[Back to the note](#user-content-fn-1) [Missing](#user-content-fn-9)\n\n[^1]: One.\n[^note]: Two.') }, expect: ['${dir}/en/a/a.md:7: the anchor "#user-content-fn-9" matches no heading in this article. That article has no headings to link to'] },
  { name: 'footnotes in Japanese get a Japanese label', files: { 'ja/a/a.md': md('本文[^1]。\n\n[^1]: 注。') }, config: 'search:\n  japaneseDictionary: "off"\n', expect: [], check: (kb) => expect(kb.articles[0]!.html).toContain('<h2 class="visually-hidden" id="user-content-footnote-label">脚注</h2>') },

  // Images from other hosts (R3).
  { name: 'image from another host', files: { 'en/a/a.md': md('![Logo](https://example.com/logo.png)\n\n<img src="//cdn.example.net/x.png" alt="x">') }, expect: ['${dir}/en/a/a.md:5: image "https://example.com/logo.png" is on another host, which the site\'s Content-Security-Policy blocks. Add https://example.com to csp.imgSrc in kb.config.yml or download the image into content/_assets', '${dir}/en/a/a.md:7: image "//cdn.example.net/x.png" is on another host, which the site\'s Content-Security-Policy blocks. Add https://cdn.example.net to csp.imgSrc in kb.config.yml or download the image into content/_assets'] },
  { name: 'image pasted as a data: URL', files: { 'en/a/a.md': md('![Chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==)\n\n<img src="data:image/gif;base64,R0lGOD" alt="x">') }, expect: ['${dir}/en/a/a.md:5: warning: image "data:image/png;base64,iVBORw0KGgoAAAANSU…" is embedded in the article as a data: URL, which the site does not publish: readers see its alt text instead. Save it as a file in content/_assets and point at it, e.g. ![Invoice form](../../_assets/invoice-form.png): it is then checked, sized and cached like every image', '${dir}/en/a/a.md:7: warning: image "data:image/gif;base64,R0lGOD" is embedded in the article as a data: URL, which the site does not publish: readers see its alt text instead. Save it as a file in content/_assets and point at it, e.g. ![Invoice form](../../_assets/invoice-form.png): it is then checked, sized and cached like every image'] },
  { name: 'image over plain http', files: { 'en/a/a.md': md('![Logo](http://example.com/logo.png)') }, config: 'csp:\n  imgSrc: [https://example.com]\n', expect: ['${dir}/en/a/a.md:5: image "http://example.com/logo.png" is on another host, which the site\'s Content-Security-Policy blocks. Serve it over https and add https://example.com to csp.imgSrc in kb.config.yml or download the image into content/_assets'] },
  { name: 'images from hosts in csp.imgSrc and from the site itself', files: { 'en/a/a.md': md('![Logo](https://cdn.example.com/logo.png) ![Own](https://help.example.org/x.png)') }, config: 'url: https://help.example.org\ncsp:\n  imgSrc: [https://cdn.example.com/]\n', expect: [] },
  { name: 'csp.imgSrc that is not an https origin', files: { 'en/a/a.md': md('x') }, config: "csp:\n  imgSrc:\n    - https://cdn.example.com\n    - \"'unsafe-inline' https:\"\n", expect: ['${config}:4: csp.imgSrc.1: must be an https origin with no path, e.g. https://cdn.example.com'] },
];

const root = mkdtempSync(join(tmpdir(), 'kb-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setUp(c: Pick<Case, 'name' | 'files' | 'links' | 'config' | 'contentName'>) {
  const dir = join(root, c.name.replace(/\W+/g, '-'));
  const contentDir = join(dir, c.contentName ?? 'content');
  for (const [path, body] of Object.entries(c.files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), body);
  }
  for (const [path, target] of Object.entries(c.links ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target.startsWith('/') ? target : join(dir, target), join(dir, path));
  }
  const configPath = join(dir, 'kb.config.yml');
  if (c.config) writeFileSync(configPath, c.config);
  return { dir, contentDir, configPath };
}

/** Anything in sanitized HTML that a browser would run, load or let take over the page. */
const activeElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'svg', 'math', 'form', 'template', 'noscript', 'portal', 'video', 'audio', 'textarea', 'button']);
const urlAttributes = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'data', 'background', 'srcset', 'xlink:href', 'longdesc']);
type Node = DefaultTreeAdapterMap['node'];
export function executablePayloads(html: string): string[] {
  const found: string[] = [];
  const stack: Node[] = [parseHtml(`<!doctype html><body>${html}`)];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      if (activeElements.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const { name, value } of node.attrs) {
        const url = value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
        if (/^on/.test(name) || name === 'style' || name === 'srcdoc') found.push(`${name}=`);
        if (urlAttributes.has(name) && /^(javascript|vbscript|data|file):/.test(url)) found.push(`${name}="${value}"`);
      }
    }
    if ('content' in node) stack.push(node.content as unknown as Node);
    if ('childNodes' in node) stack.push(...node.childNodes);
  }
  return found;
}

/** Page bodies, search files and published assets of a knowledge base that built. */
function assertNothingExecutable(kb: KnowledgeBase) {
  for (const article of kb.allArticles) expect(executablePayloads(article.html), article.displayPath).toEqual([]);
  const index = buildSearchIndex(kb);
  expect(index.files.size).toBeGreaterThan(0);
  for (const [url, body] of index.files) {
    // JSON is data, and excerpt fragments are served as text/plain: neither is ever a document.
    expect(url).toMatch(/\.(json|txt)$/);
    if (url.endsWith('.json')) expect(() => JSON.parse(body), url).not.toThrow();
  }
  for (const image of kb.images) {
    const ext = extname(image.url);
    if (ext === '.svg') {
      expect(image.body, image.url).toBeDefined();
      expect(sanitizeSvg(image.body!)).toEqual({ svg: image.body });
      expect(image.body).not.toMatch(/<script|\son[a-z]+=|javascript:|foreignObject/i);
    } else {
      expect(hasSignatureOf(ext, readFileSync(image.source)), image.url).toBe(true);
    }
  }
}

describe('hostile content', () => {
  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it('the payload detector finds what unsanitized HTML would run', () => {
    expect(executablePayloads('<p onclick="x">a</p><a href=" JaVa\tScript:x">b</a><template><script>x</script></template><svg><a xlink:href="data:text/html,x"/></svg><div style="x">c</div><iframe srcdoc="x"></iframe>')).toEqual(
      ['<iframe>', 'srcdoc=', 'style=', '<svg>', 'href="data:text/html,x"', '<template>', '<script>', 'href=" JaVa\tScript:x"', 'onclick='],
    );
  });

  for (const c of cases) {
    it(c.name, async () => {
      const { dir, contentDir, configPath } = setUp(c);
      const started = performance.now();
      const kb = await loadKnowledgeBase({ contentDir, configPath, gitDates: false, limits: c.limits });
      const lines = (await collectDiagnostics(kb)).map(formatDiagnostic);
      // Seconds at most, even on a busy machine: before the limits, some of these took a minute or crashed.
      expect(performance.now() - started).toBeLessThan(15_000);
      const shown = relative(process.cwd(), contentDir);
      expect(lines).toEqual(c.expect.map((l) => l.replaceAll('${dir}', shown).replaceAll('${config}', relative(process.cwd(), configPath)).replaceAll('${root}', dir)));
      for (const line of lines) expect(line).not.toMatch(/\n\s+at |RangeError|Maximum call stack/);
      if (!lines.some((l) => !l.includes(': warning: '))) assertNothingExecutable(kb);
      else for (const article of kb.allArticles) expect(executablePayloads(article.html), article.displayPath).toEqual([]);
      c.check?.(kb);
    });
  }
});

describe('the command line on hostile content', () => {
  const run = (script: string, contentDir: string, configPath: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [script, `--out=${join(root, 'never-built')}`], { env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_CONFIG: configPath, KB_QUIET: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };
  const deep = {
    name: 'cli deep nesting',
    files: {
      'en/a/lists.md': md('- '.repeat(1000) + 'deep'),
      'en/a/quotes.md': md('>'.repeat(5000) + ' deep'),
      'en/a/divs.md': md('<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000)),
      'en/a/evil.md': md('![e](../../_assets/evil.svg)'),
      '_assets/evil.svg': svg(`<script>${pwn('cli')}</script>`),
    },
  };

  for (const script of ['scripts/check.ts', 'scripts/build.ts']) {
    it(`${script} reports deep nesting and unsafe SVGs per file and line, with no stack trace`, () => {
      const { contentDir, configPath } = setUp({ ...deep, name: `${deep.name} ${script}` });
      const { code, out } = run(script, contentDir, configPath);
      const shown = relative(process.cwd(), contentDir);
      expect(code).toBe(1);
      for (const file of ['divs', 'lists', 'quotes']) expect(out).toContain(`${shown}/en/a/${file}.md:5: nesting deeper than 32 levels. ${nestingHint}`);
      expect(out).toContain(`${shown}/en/a/evil.md:5: image "../../_assets/evil.svg" contains a <script> element (${shown}/_assets/evil.svg:1)`);
      expect(out).toContain('✗ 4 errors, 0 warnings in 4 files (4 articles in 1 language checked)');
      expect(out).not.toMatch(/\n\s+at .+:\d+:\d+|RangeError|Maximum call stack/);
    });
  }
});
