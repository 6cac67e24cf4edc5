import type { Root, Element } from 'hast';
import type { VFile } from 'vfile';
import { visitElements } from './visit-elements.ts';

export interface ResolvedImage {
  url: string;
  width?: number;
  height?: number;
}

/** An image that exists but may not be published, and why (`is outside the content folder`). */
export interface RejectedImage {
  problem: { message: string; hint?: string };
}

export interface ImageRecord {
  src: string;
  line?: number;
  found: boolean;
  /** Set when the file exists but is not published; the image keeps its `src` as written. */
  problem?: RejectedImage['problem'];
}

export interface Options {
  /**
   * Locate an image written as `src` (relative to the Markdown file). Return undefined when it does not exist,
   * or a problem when it must not be published. Absolute `http(s):`, protocol-relative `//` and `data:` sources
   * are not passed here. @default every image is kept as written
   */
  resolve?: (src: string, file: VFile) => ResolvedImage | RejectedImage | undefined;
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
    visitElements(tree, (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
      if (/^data:/i.test(src)) {
        // Recorded for the check, which asks for a file instead; never published inline.
        images.push({ src, line: node.position?.start.line, found: true });
        delete node.properties.src;
        return;
      }
      if (/^(https?:|\/\/)/i.test(src)) {
        images.push({ src, line: node.position?.start.line, found: true });
        return;
      }
      const found = resolve(src, file);
      if (found && 'problem' in found) {
        images.push({ src, line: node.position?.start.line, found: true, problem: found.problem });
        return;
      }
      images.push({ src, line: node.position?.start.line, found: Boolean(found) });
      if (!found) return;
      node.properties.src = found.url;
      if (found.width && node.properties.width === undefined) node.properties.width = found.width;
      if (found.height && node.properties.height === undefined) node.properties.height = found.height;
    });
    file.data.images = images;
  };
}
