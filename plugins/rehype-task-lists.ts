import type { Root, Element, ElementContent } from 'hast';
import { visitElements } from './visit-elements.ts';

export interface Options {
  /** Let readers tick the boxes, as a checklist to follow along with. @default true */
  interactive?: boolean;
}

/** Elements that may sit inside a `<label>` next to the checkbox (phrasing content without form controls). */
const phrasing = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/**
 * Make GFM task lists usable: remark-gfm emits a bare, disabled `<input type="checkbox">` with no label,
 * which screen readers announce as an unnamed control. Wrap the box and the item's text in a `<label>`,
 * so the text names it and clicking the text ticks it, and (by default) let readers tick items off.
 */
export default function rehypeTaskLists(options: Options = {}) {
  const interactive = options.interactive ?? true;
  return (tree: Root) => {
    visitElements(tree, (node: Element) => {
      if (node.tagName !== 'li' || !hasClass(node, 'task-list-item')) return;
      // Tight items hold the box directly; loose items hold it in their first paragraph.
      const first = node.children.find((c) => c.type === 'element');
      const container = first?.tagName === 'p' && first.children.some(isCheckbox) ? first : node;
      const at = container.children.findIndex(isCheckbox);
      if (at === -1) return;
      const box = container.children[at] as Element;
      if (interactive) delete box.properties.disabled;
      let end = at + 1;
      while (end < container.children.length && isPhrasing(container.children[end]!)) end++;
      const label: Element = {
        type: 'element',
        tagName: 'label',
        properties: { className: ['task-list-label'] },
        children: container.children.slice(at, end),
      };
      container.children.splice(at, end - at, label);
    });
  };
}

function isCheckbox(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';
}

function isPhrasing(node: ElementContent): boolean {
  if (node.type === 'text' || node.type === 'comment') return true;
  return node.type === 'element' && phrasing.has(node.tagName);
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}
