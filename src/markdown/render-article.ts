import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { remarkPlugins, rehypePlugins, type PipelineContext } from '../../plugins/index.ts';
import { extractSections } from './extract-sections.ts';
import type { Heading, Section, FaqItem } from '../content/model.ts';
import type { LinkRecord } from '../../plugins/rehype-article-links.ts';
import type { ImageRecord } from '../../plugins/rehype-images.ts';

export interface RenderInput {
  body: string;
  /** Absolute path of the Markdown file (links and images resolve from it). */
  path: string;
  locale: string;
  articleType: string;
  /** Lines before the body in the file, so messages point at the right line. */
  lineOffset: number;
}

export interface RenderedArticle {
  html: string;
  headings: Heading[];
  sections: Section[];
  faq: FaqItem[];
  text: string;
  links: LinkRecord[];
  images: ImageRecord[];
  /** Plugin warnings with file lines, e.g. an unknown callout type. */
  messages: { line?: number; message: string }[];
}

/** Build the unified processor once; render each article with its own VFile so no state leaks between files. */
export function createArticleRenderer(ctx: PipelineContext) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins(ctx))
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins(ctx))
    .use(rehypeStringify)
    .freeze();

  return function renderArticle(input: RenderInput): RenderedArticle {
    const file = new VFile({ path: input.path, value: input.body, data: { locale: input.locale, articleType: input.articleType } });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    const html = processor.stringify(tree, file);
    const shift = (line?: number) => (line === undefined ? undefined : line + input.lineOffset);
    const { sections, faq, text } = extractSections(tree);
    return {
      html,
      headings: file.data.headings ?? [],
      sections,
      faq,
      text,
      links: (file.data.links ?? []).map((l) => ({ ...l, line: shift(l.line) })),
      images: (file.data.images ?? []).map((i) => ({ ...i, line: shift(i.line) })),
      messages: file.messages.map((m) => ({ line: shift(m.line ?? undefined), message: m.reason })),
    };
  };
}

declare module 'vfile' {
  interface DataMap {
    locale: string;
  }
}
