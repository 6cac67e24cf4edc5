import type { Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import rehypeRaw, { type Options } from 'rehype-raw';

/**
 * rehype-raw, only for an article that has raw HTML in it. rehype-raw re-parses the whole tree through an HTML
 * parser to turn the `raw` nodes into elements; most help articles have none, and for them that pass gives back
 * the tree it was given, at about a fifth of the article's render time. The output is the same either way
 * (tests/unit/plugins/rehype-raw-html.test.ts renders every example and fixture article both ways).
 */
export default function rehypeRawHtml(options?: Options) {
  const raw = rehypeRaw(options);
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? raw(tree, file) : tree);
}

/** Whether any node of the tree is raw HTML; an explicit stack, so no nesting can overflow it. */
export function hasRaw(tree: Root): boolean {
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'raw') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
    // A <template>'s content is a tree of its own.
    if (node.type === 'element' && node.content) stack.push(node.content);
  }
  return false;
}
