import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from './visit-elements.ts';

export interface LinkRecord {
  /** The href as the writer wrote it. */
  href: string;
  /** What it resolved to, or undefined when it is external or could not be resolved. */
  resolved?: string;
  line?: number;
}

export interface Options {
  /**
   * Turn a link as written (`../billing/refund.md#fees`) into a site URL (`/en/billing/refund/#fees`).
   * Return undefined to leave the href as it is. @default leaves every link unchanged
   */
  resolve?: (href: string, file: VFile) => string | undefined;
  /**
   * The path the site is served under (`/help-center`), put in front of every site-relative link, resolved
   * or written as `/en/billing/`. The recorded `resolved` stays a site path, for the link checker. @default ''
   */
  base?: string;
}

declare module 'vfile' {
  interface DataMap {
    links: LinkRecord[];
  }
}

/** Rewrite links between Markdown files into site URLs, and record every link with its line for the link checker. */
export default function rehypeArticleLinks(options: Options = {}) {
  const resolve = options.resolve ?? (() => undefined);
  const base = options.base ?? '';
  return (tree: Root, file: VFile) => {
    const links: LinkRecord[] = [];
    visitElements(tree, (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (href.startsWith('#') && node.properties.className?.toString().includes('heading-anchor')) return;
      const resolved = resolve(href, file);
      const target = resolved ?? href;
      node.properties.href = base && target.startsWith('/') && !target.startsWith('//') ? base + target : target;
      links.push({ href, resolved, line: node.position?.start.line });
    });
    file.data.links = links;
  };
}
