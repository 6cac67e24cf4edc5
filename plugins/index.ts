import type { PluggableList } from 'unified';
import type { VFile } from 'vfile';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import rehypeSanitize from 'rehype-sanitize';
import rehypeHighlight from 'rehype-highlight';
import { common, all } from 'lowlight';
import remarkCallouts, { type CalloutType } from './remark-callouts.ts';
import remarkFaq from './remark-faq.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeArticleLinks from './rehype-article-links.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeImages, { type ResolvedImage, type RejectedImage } from './rehype-images.ts';
import rehypeTaskLists from './rehype-task-lists.ts';
import rehypeCodeBlocks from './rehype-code-blocks.ts';
import rehypeInlineCodeBreaks from './rehype-inline-code-breaks.ts';
import rehypeFootnotes from './rehype-footnotes.ts';
import rehypeRawHtml from './rehype-raw-html.ts';
import { articleSanitizeSchema } from '../src/markdown/sanitize-schema.ts';

/** The common set plus what help articles show: raw HTTP exchanges, server and container config, PowerShell. */
const highlightLanguages = { ...common, http: all.http!, nginx: all.nginx!, dockerfile: all.dockerfile!, powershell: all.powershell! };

export interface PipelineContext {
  siteOrigin: string;
  /** The path the site is served under, '' at the root of its host. */
  base?: string;
  calloutLabel: (type: CalloutType, file: VFile) => string;
  anchorLabel: (text: string, file: VFile) => string;
  /** Accessible name of a code block, from its language's display name. */
  codeLabel?: (language: string | undefined, file: VFile) => string;
  footnoteLabel: (file: VFile) => string;
  footnoteBackLabel: (reference: string, file: VFile) => string;
  resolveLink: (href: string, file: VFile) => string | undefined;
  resolveImage: (src: string, file: VFile) => ResolvedImage | RejectedImage | undefined;
}

/** The Markdown pipeline in order. Sanitizing comes before our own plugins, so only writer input is filtered. */
export function remarkPlugins(ctx: PipelineContext): PluggableList {
  return [remarkGfm, remarkDirective, [remarkCallouts, { label: ctx.calloutLabel }], remarkFaq];
}

export function rehypePlugins(ctx: PipelineContext): PluggableList {
  return [
    rehypeRawHtml,
    [rehypeSanitize, articleSanitizeSchema],
    [rehypeFootnotes, { label: ctx.footnoteLabel, backLabel: ctx.footnoteBackLabel, idPrefix: articleSanitizeSchema.clobberPrefix }],
    rehypeTaskLists,
    [rehypeHeadingAnchors, { anchorLabel: ctx.anchorLabel }],
    [rehypeArticleLinks, { resolve: ctx.resolveLink, base: ctx.base }],
    [rehypeImages, { resolve: ctx.resolveImage }],
    [rehypeExternalLinks, { siteOrigin: ctx.siteOrigin }],
    [rehypeHighlight, { languages: highlightLanguages, detect: false, plainText: ['text', 'txt', 'plain'] }],
    [rehypeCodeBlocks, { label: ctx.codeLabel }],
    rehypeInlineCodeBreaks,
  ];
}
