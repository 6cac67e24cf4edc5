import type { Element, Root } from 'hast';

/** Returned by a visitor: do not go into this element's children. */
export const SKIP = 'skip';

export type ElementVisitor = (node: Element, index: number, parent: Root | Element) => typeof SKIP | void;

/**
 * Every element of a hast tree, in document order, as `visit(tree, 'element', visitor)` of unist-util-visit
 * walks them, for the rehype plugins in this folder: a visitor sees an element before its children, may replace
 * it in `parent.children[index]` (the walk then goes into the element it was given, unless it returns `SKIP`)
 * and may change the children of the element it is given; siblings are read from the parent as they are at
 * that moment.
 *
 * unist-util-visit allocates a closure and names it for each node it walks; with eight plugins walking each
 * article that was a fifth of rendering it. This walk allocates nothing. Recursion is safe: an article's
 * nesting is bounded before its tree is built (src/markdown/article-limits.ts).
 */
export function visitElements(tree: Root | Element, visitor: ElementVisitor): void {
  for (let index = 0; index < tree.children.length; index++) {
    const node = tree.children[index]!;
    if (node.type !== 'element') continue;
    if (visitor(node, index, tree) !== SKIP) visitElements(node, visitor);
  }
}
