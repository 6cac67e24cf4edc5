import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visitElements } from './visit-elements.ts';

export interface Options {
  /** Heading levels that get ids and anchors. @default [2, 3, 4] */
  levels?: number[];
  /** Accessible name of the anchor link, given the heading text. @default (text) => `Link to “${text}”` */
  anchorLabel?: (text: string, file: VFile) => string;
}

export interface CollectedHeading {
  depth: number;
  id: string;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    headings: CollectedHeading[];
  }
}

/**
 * Give headings GitHub-style ids (CJK kept as is, duplicates numbered) and a trailing `#` link.
 * Headings inside `<summary>` get no link of their own: a link inside a summary is nested interactive
 * content, so the FAQ answer carries the permalink instead.
 */
export default function rehypeHeadingAnchors(options: Options = {}) {
  const levels = new Set((options.levels ?? [2, 3, 4]).map((l) => `h${l}`));
  const anchorLabel = options.anchorLabel ?? ((text: string) => `Link to “${text}”`);
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const headings: CollectedHeading[] = [];
    const footnoteLabels = new Set<Element>();
    visitElements(tree, (node: Element) => {
      if (node.tagName === 'details') linkAnswerToQuestion(node, anchorLabel, file);
      // The footnotes' heading only names that section for screen readers: it is not part of the outline.
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
        for (const c of node.children) if (c.type === 'element' && /^h[1-6]$/.test(c.tagName)) footnoteLabels.add(c);
      }
    });
    visitElements(tree, (node: Element, _index, parent) => {
      if (!levels.has(node.tagName) || footnoteLabels.has(node)) return;
      const text = toString(node).trim();
      const id = typeof node.properties.id === 'string' && node.properties.id ? slugger.slug(node.properties.id, true) : slugger.slug(text || 'section');
      node.properties.id = id;
      headings.push({ depth: Number(node.tagName[1]), id, text });
      const answerLink = pendingLinks.get(node);
      if (answerLink) answerLink.properties.href = `#${id}`;
      const inSummary = parent?.type === 'element' && parent.tagName === 'summary';
      if (inSummary) return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: anchorLabel(text, file) },
        children: [{ type: 'text', value: '#' }],
      });
    });
    file.data.headings = headings;
  };
}

/** Ids are not assigned yet here, so mark the answer; the id pass fills the href in. */
function linkAnswerToQuestion(details: Element, anchorLabel: (text: string, file: VFile) => string, file: VFile) {
  const summary = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'summary');
  const answer = details.children.find((c): c is Element => c.type === 'element' && c.tagName === 'div');
  const question = summary?.children.find((c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName));
  if (!question || !answer) return;
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: '#', ariaLabel: anchorLabel(toString(question).trim(), file) },
    children: [{ type: 'text', value: '#' }],
  };
  answer.children.push({ type: 'element', tagName: 'p', properties: { className: ['faq-permalink'] }, children: [link] });
  pendingLinks.set(question, link);
}

const pendingLinks = new WeakMap<Element, Element>();
