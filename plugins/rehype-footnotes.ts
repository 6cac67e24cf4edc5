import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from './visit-elements.ts';

export interface Options {
  /** Text of the footnotes' heading, read by screen readers. @default 'Footnotes' */
  label?: (file: VFile) => string;
  /** Accessible name of a back link, given its reference number (`1`, or `1-2` for a second reference). @default `Back to reference ${n}` */
  backLabel?: (reference: string, file: VFile) => string;
  /** Class of the footnotes' heading: it names the section for screen readers and is hidden on screen. @default 'visually-hidden' */
  labelClass?: string;
  /** What the sanitizer puts in front of ids (rehype-sanitize's `clobberPrefix`). @default 'user-content-' */
  idPrefix?: string;
}

/**
 * GFM footnotes that work after sanitizing. The sanitizer prefixes every id with `user-content-` (so writers
 * cannot clobber page globals) but leaves hrefs alone, so `[^1]` pointed at an id that no longer exists.
 * References and back links are pointed at the ids as published, and the label and back links are given the
 * article's language.
 */
export default function rehypeFootnotes(options: Options = {}) {
  const label = options.label ?? (() => 'Footnotes');
  const backLabel = options.backLabel ?? ((reference: string) => `Back to reference ${reference}`);
  const labelClass = options.labelClass ?? 'visually-hidden';
  const idPrefix = options.idPrefix ?? 'user-content-';
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    visitElements(tree, (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (node.tagName === 'a' && (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined)) links.push(node);
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
        const heading = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h2');
        if (heading) {
          heading.properties.className = [labelClass];
          heading.children = [{ type: 'text', value: label(file) }];
        }
      }
    });
    for (const link of links) {
      const href = String(link.properties.href ?? '');
      const target = href.slice(1);
      if (href.startsWith('#') && !ids.has(target) && ids.has(idPrefix + target)) link.properties.href = `#${idPrefix}${target}`;
      if (link.properties.dataFootnoteBackref !== undefined) {
        const reference = /(\d+(?:-\d+)?)$/.exec(String(link.properties.ariaLabel ?? ''))?.[1];
        if (reference) link.properties.ariaLabel = backLabel(reference, file);
      }
    }
  };
}
