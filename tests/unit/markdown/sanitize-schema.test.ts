import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, it } from 'vitest';
import { articleSanitizeSchema } from '../../../src/markdown/sanitize-schema.ts';

const render = (md: string) =>
  String(unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, articleSanitizeSchema).use(rehypeStringify).processSync(md));

describe('article sanitize schema', () => {
  it('keeps only code classes a highlighter could know', () => {
    expect(render('<code class="language-js language-c++ language-a&quot;b language-x.y foo">c</code>')).toBe('<p><code class="language-js language-c++">c</code></p>');
    expect(render('```js" onclick="x\ncode\n```')).toBe('<pre><code class="">code\n</code></pre>');
  });

  it('drops srcset, whose files would be neither published nor checked', () => {
    expect(render('<picture><source srcset="https://tracker.example/a.png"><img src="a.png"></picture>')).toBe('<p><picture><source><img src="a.png"></picture></p>');
  });
});
