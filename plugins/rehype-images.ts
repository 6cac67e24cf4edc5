import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export interface ResolvedImage {
  url: string;
  width?: number;
  height?: number;
}

export interface ImageRecord {
  src: string;
  line?: number;
  found: boolean;
}

export interface Options {
  /**
   * Locate an image written as `src` (relative to the Markdown file). Return undefined when it does not exist.
   * Absolute `http(s):` and `data:` sources are not passed here. @default every image is kept as written
   */
  resolve?: (src: string, file: VFile) => ResolvedImage | undefined;
}

declare module 'vfile' {
  interface DataMap {
    images: ImageRecord[];
  }
}

/** Point images at their published URL with intrinsic dimensions (no layout shift) and lazy loading. */
export default function rehypeImages(options: Options = {}) {
  const resolve = options.resolve ?? ((src: string): ResolvedImage => ({ url: src }));
  return (tree: Root, file: VFile) => {
    const images: ImageRecord[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      if (/^(https?:|data:)/i.test(src)) {
        images.push({ src, line: node.position?.start.line, found: true });
        return;
      }
      const found = resolve(src, file);
      images.push({ src, line: node.position?.start.line, found: Boolean(found) });
      if (!found) return;
      node.properties.src = found.url;
      if (found.width && node.properties.width === undefined) node.properties.width = found.width;
      if (found.height && node.properties.height === undefined) node.properties.height = found.height;
    });
    file.data.images = images;
  };
}
