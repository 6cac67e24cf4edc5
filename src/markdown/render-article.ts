import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'hast';
import { remarkPlugins, rehypePlugins, type PipelineContext } from '../../plugins/index.ts';
import { extractSections } from './extract-sections.ts';
import { defaultArticleLimits, findDeepNesting, findDeepTree } from './article-limits.ts';
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
  /** Every id in the body (headings, footnotes, ids written by hand), for the link checker. */
  anchors: string[];
  sections: Section[];
  faq: FaqItem[];
  text: string;
  links: LinkRecord[];
  images: ImageRecord[];
  /** Plugin warnings with file lines, e.g. an unknown callout type. */
  messages: { line?: number; message: string }[];
  /** Why the article could not be rendered (then everything else is empty): nesting too deep, over its time budget. */
  failure?: { line?: number; message: string; hint: string };
}

export const nestingHint = 'Lists, quotes, callouts, HTML elements, links and emphasis inside each other count; flatten that part, or close the HTML tags it opens';

/** An article that could not be rendered: no content, and why. */
export function failedArticle(failure: NonNullable<RenderedArticle['failure']>): RenderedArticle {
  return { html: '', headings: [], anchors: [], sections: [], faq: [], text: '', links: [], images: [], messages: [], failure };
}

/**
 * Build the unified processor once; render each article with its own VFile so no state leaks between files.
 * Nesting is checked twice before any recursive step runs: on the text (the parser is slow on deep nesting)
 * and on the parsed tree (emphasis inside emphasis), both without recursion.
 */
export function createArticleRenderer(ctx: PipelineContext, maxNesting = defaultArticleLimits.maxNesting) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins(ctx))
    // No prefix here: the sanitizer prefixes every id once, and rehype-footnotes points the references at them.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypePlugins(ctx))
    .use(rehypeStringify)
    .freeze();

  return function renderArticle(input: RenderInput): RenderedArticle {
    const shift = (line?: number) => (line === undefined ? undefined : line + input.lineOffset);
    const tooDeep = (line: number) => failedArticle({ line: shift(line), message: `nesting deeper than ${maxNesting} levels`, hint: nestingHint });
    const deepLine = findDeepNesting(input.body, maxNesting);
    if (deepLine !== undefined) return tooDeep(deepLine);
    const file = new VFile({ path: input.path, value: input.body, data: { locale: input.locale, articleType: input.articleType } });
    let tree: Root;
    let html: string;
    try {
      const mdast = processor.parse(file);
      const deepNode = findDeepTree(mdast, maxNesting);
      if (deepNode !== undefined) return tooDeep(deepNode);
      tree = processor.runSync(mdast, file) as Root;
      html = processor.stringify(tree, file);
    } catch (error) {
      // The checks above should leave nothing to overflow; if something still does, the writer gets a line, not a stack.
      if (error instanceof RangeError && /call stack/i.test(error.message)) return failedArticle({ message: `nesting too deep to render`, hint: nestingHint });
      return failedArticle({ message: `the article could not be rendered (${error instanceof Error ? error.message : String(error)})`, hint: 'This is a bug in the site generator: please report it with this file' });
    }
    const { sections, faq, text } = extractSections(tree);
    return {
      html,
      headings: file.data.headings ?? [],
      anchors: collectIds(tree),
      sections,
      faq,
      text,
      links: (file.data.links ?? []).map((l) => ({ ...l, line: shift(l.line) })),
      images: (file.data.images ?? []).map((i) => ({ ...i, line: shift(i.line) })),
      messages: file.messages.map((m) => ({ line: shift(m.line ?? undefined), message: m.reason })),
    };
  };
}

/** Every element id, in document order; an explicit stack, so no nesting can overflow it. */
function collectIds(tree: Root): string[] {
  const ids: string[] = [];
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element' && typeof node.properties.id === 'string') ids.push(node.properties.id);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return ids;
}

declare module 'vfile' {
  interface DataMap {
    locale: string;
  }
}
