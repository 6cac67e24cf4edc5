// Sizes of a built site: the whole folder, article pages, and the search index per locale.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { median } from './stats.ts';

export interface DistStats {
  /** Bytes of every file except the precompressed .br/.gz copies. */
  rawBytes: number;
  files: number;
  /** Bytes including the precompressed copies, i.e. what is uploaded to a host. */
  onDiskBytes: number;
  html: {
    pages: number;
    medianBytes: number;
    maxBytes: number;
    medianBrotliBytes?: number;
    /**
     * The page without the article's own content (its rendered Markdown, and the FAQPage JSON-LD that
     * repeats the answers): header, navigation, footer and widgets, which every page pays for.
     */
    chromeMedianBytes?: number;
    chromeMaxBytes?: number;
  };
}

export interface IndexStats {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

interface FileEntry {
  path: string;
  size: number;
}

export async function listFiles(dir: string): Promise<FileEntry[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const out: FileEntry[] = [];
  for (let i = 0; i < files.length; i += 512) {
    const sizes = await Promise.all(files.slice(i, i + 512).map((f) => stat(f).then((s) => s.size)));
    sizes.forEach((size, j) => out.push({ path: files[i + j]!, size }));
  }
  return out;
}

const isCompressedCopy = (path: string) => path.endsWith('.br') || path.endsWith('.gz');

/**
 * `articlePages` are the site-relative page folders of the articles (e.g. `en/billing/refund`), so
 * category and home pages do not skew the per-article figures.
 */
export async function distStats(distDir: string, articlePages: readonly string[]): Promise<DistStats> {
  const files = await listFiles(distDir);
  const bySize = new Map(files.map((f) => [f.path, f.size]));
  const raw = files.filter((f) => !isCompressedCopy(f.path));
  const htmlSizes: number[] = [];
  const brotliSizes: number[] = [];
  const chromeSizes: number[] = [];
  for (const page of articlePages) {
    const file = join(distDir, page, 'index.html');
    const size = bySize.get(file);
    if (size === undefined) continue;
    htmlSizes.push(size);
    const br = bySize.get(`${file}.br`);
    if (br !== undefined) brotliSizes.push(br);
    const content = articleContentBytes(await readFile(file, 'utf8'));
    if (content !== undefined) chromeSizes.push(size - content);
  }
  return {
    rawBytes: raw.reduce((s, f) => s + f.size, 0),
    files: raw.length,
    onDiskBytes: files.reduce((s, f) => s + f.size, 0),
    html: {
      pages: htmlSizes.length,
      medianBytes: median(htmlSizes),
      maxBytes: Math.max(0, ...htmlSizes),
      medianBrotliBytes: brotliSizes.length === htmlSizes.length && brotliSizes.length ? median(brotliSizes) : undefined,
      chromeMedianBytes: chromeSizes.length ? median(chromeSizes) : undefined,
      chromeMaxBytes: chromeSizes.length ? Math.max(...chromeSizes) : undefined,
    },
  };
}

/** Where each generator puts the rendered Markdown: this project, and Starlight. */
const contentOpeners = [/<div class="prose[^"]*">/, /<div class="sl-markdown-content">/];

/**
 * UTF-8 bytes of an article page's own content: the element holding the rendered Markdown (found by its
 * opening tag, closed by matching `<div>` depth), plus any FAQPage JSON-LD. Undefined if there is none.
 */
export function articleContentBytes(html: string): number | undefined {
  const open = contentOpeners.map((re) => re.exec(html)).find((m) => m);
  if (!open) return undefined;
  const tag = /<(\/?)div\b[^>]*>/g;
  tag.lastIndex = open.index + open[0].length;
  let depth = 1;
  let end = html.length;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index + m[0].length;
      break;
    }
  }
  let bytes = Buffer.byteLength(html.slice(open.index, end));
  for (const ld of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    if (ld[1]!.includes('"FAQPage"')) bytes += Buffer.byteLength(ld[0]);
  }
  return bytes;
}

/**
 * `dist/_search/<locale>/**`: raw bytes, and what a host serves with gzip or brotli (the precompressed
 * sibling where one exists; files too small to be worth compressing count at their raw size).
 */
export async function searchIndexStats(distDir: string): Promise<Record<string, IndexStats>> {
  const root = join(distDir, '_search');
  let files: FileEntry[];
  try {
    files = await listFiles(root);
  } catch {
    return {};
  }
  const bySize = new Map(files.map((f) => [f.path, f.size]));
  const out: Record<string, IndexStats> = {};
  for (const f of files) {
    if (isCompressedCopy(f.path)) continue;
    const parts = relative(root, f.path).split(sep);
    // Files directly under _search/ (shared by all locales, if any) are listed under '*'.
    const locale = parts.length > 1 ? parts[0]! : '*';
    const s = (out[locale] ??= { files: 0, raw: 0, gzip: 0, brotli: 0 });
    s.files++;
    s.raw += f.size;
    s.gzip += bySize.get(`${f.path}.gz`) ?? f.size;
    s.brotli += bySize.get(`${f.path}.br`) ?? f.size;
  }
  return out;
}
