import type { Root, Element } from 'hast';
import { visitElements } from './visit-elements.ts';

export interface Options {
  /** The site's own origin; absolute links to it are not external. @default '' */
  siteOrigin?: string;
  /** `rel` tokens added to external links. @default ['noopener', 'noreferrer'] */
  rel?: string[];
}

/** Mark links to other hosts: `rel="noopener noreferrer"` and a class for the outbound-link icon. */
export default function rehypeExternalLinks(options: Options = {}) {
  const rel = options.rel ?? ['noopener', 'noreferrer'];
  const own = options.siteOrigin ? new URL(options.siteOrigin).host : undefined;
  return (tree: Root) => {
    visitElements(tree, (node: Element) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const href = node.properties.href;
      if (!/^(https?:)?\/\//i.test(href)) return; // relative, anchor, mailto: internal or not a web link
      let url: URL;
      try {
        url = new URL(href, 'https://invalid.invalid');
      } catch {
        return; // relative: internal
      }
      if (!/^https?:$/.test(url.protocol) || url.host === own) return;
      const existing = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
      node.properties.rel = [...new Set([...existing, ...rel])];
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      node.properties.className = [...classes, 'external-link'];
    });
  };
}
