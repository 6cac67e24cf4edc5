/**
 * Write a built search index under `<outDir>/_search/…`, with `.br` and `.gz` siblings so any static host can
 * serve the files compressed. Names are content-hashed (hosts may cache them forever), apart from each locale's
 * `manifest.json`, the copy of its manifest that pages point at, which hosts revalidate.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { SearchIndex } from './build-index.ts';
import { brotliWindowBits, compressFiles } from '../build/compress-files.ts';

const brotli = promisify(brotliCompress);

/**
 * Manifests are fetched by every first search: brotli 11. Shards and fragments are thousands of files on a
 * large site; brotli 8 costs a ninth of the CPU of 10 (1.6 s against 14 s for a 10k-article index) for
 * about 7 % more bytes, which keeps big builds fast on two cores.
 */
export function searchBrotliQuality(url: string): number {
  return /\/manifest(\.[^/]+)?\.json$/.test(url) ? 11 : 8;
}

export function compressBrotli(data: string | Uint8Array, quality = 11): Promise<Buffer> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // A window the size of the file: the same bytes as the default 4 MB one, without allocating it per call.
      [constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(bytes.length),
    },
  });
}

/**
 * Write the files and their `.br` and `.gz` siblings on all cores (`compressFiles`, which writes each file it is
 * given the text of): a large site has tens of thousands of small search files, which written from this thread
 * held it for seconds, and async writes and zlib calls queueing for four libuv threads made slow.
 */
export async function writeSearchFiles(index: SearchIndex, outDir: string): Promise<{ files: number; bytes: number }> {
  const entries = [...index.files];
  const dirs = new Set(entries.map(([url]) => dirname(join(outDir, url))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  let bytes = 0;
  for (const [, text] of entries) bytes += Buffer.byteLength(text);
  // gzip 6 gives the same bytes as 9 on these small files (within 0.1 %) for less CPU.
  await compressFiles(entries.map(([url, text]) => ({ file: join(outDir, url), text, hashed: true, brotli: searchBrotliQuality(url), gzip: 6 })));
  return { files: entries.length, bytes };
}
