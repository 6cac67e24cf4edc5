import type { Root, Element, ElementContent } from 'hast';
import { visitElements, SKIP } from './visit-elements.ts';

export interface Options {
  /** Only codes at least this long get break points; short ones always fit a line. @default 12 */
  minLength?: number;
}

/** After a dot, slash or underscore that joins two names: `invoice.voided`, `api/v1`, `needs_attention`. */
const joint = /(?<=[\p{L}\p{N}][._/])(?=[\p{L}\p{N}])/u;

/**
 * Let long identifiers in inline code wrap where a reader expects it: a `<wbr>` after each dot, slash or
 * underscore between names, so on a phone `invoice.voided` breaks as `invoice.` + `voided`, never as
 * `invoice.void` + `ed`. Browsers find no break opportunity inside such names otherwise, and the stylesheet
 * keeps them from breaking at arbitrary letters. Code blocks (`<pre>`) are left alone: they scroll.
 */
export default function rehypeInlineCodeBreaks(options: Options = {}) {
  const minLength = options.minLength ?? 12;
  return (tree: Root) => {
    visitElements(tree, (node: Element) => {
      if (node.tagName === 'pre') return SKIP;
      if (node.tagName !== 'code') return;
      node.children = node.children.flatMap((child): ElementContent[] => {
        if (child.type !== 'text' || child.value.length < minLength) return [child];
        return child.value.split(joint).flatMap((part, i): ElementContent[] => {
          const text: ElementContent = { type: 'text', value: part };
          return i === 0 ? [text] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, text];
        });
      });
      return SKIP;
    });
  };
}
