import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { runWorker } from '../run-worker.ts';
import { buildCache, hash, keepCacheEntry, openBuildCache } from './build-cache.ts';

export const compressCacheKind = 'compressed';

export interface CompressJob {
  file: string;
  /** Content-hashed files are compressed once and cached for a year: squeeze them. */
  hashed: boolean;
  /** The file's text, when it is not written yet: it is written here, beside its copies. */
  text?: string;
  /** Levels chosen by the caller instead (search files), and a copy even for a tiny file. */
  brotli?: number;
  gzip?: number;
}

/** Files this small are not worth a compressed copy. */
const minBytes = 256;

/**
 * Brotli's window, in bits, for a file of this size: large enough to hold the whole file, so the bytes match
 * the default 4 MB window, but without allocating (and clearing) 4 MB per call, which dominated thousands of
 * small search files (2.7–4.8 s against 0.2 s for 1,280 files).
 */
export function brotliWindowBits(bytes: number): number {
  return Math.min(zlib.BROTLI_MAX_WINDOW_BITS, Math.max(zlib.BROTLI_MIN_WINDOW_BITS, Math.ceil(Math.log2(bytes + 16))));
}

/** Brotli and gzip levels of a job. Unhashed HTML changes every build: brotli 5 gives the bytes of 6 for ⅔ of the CPU. */
export function compressLevels(job: CompressJob): { brotli: number; gzip: number } {
  return { brotli: job.brotli ?? (job.hashed ? 11 : 5), gzip: job.gzip ?? (job.hashed ? 9 : 6) };
}

export function brotliBytes(data: Uint8Array, quality: number): Buffer {
  return brotliCompressSync(data, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: quality,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.BROTLI_PARAM_LGWIN]: brotliWindowBits(data.length),
    },
  });
}

/**
 * Write `file.br` and `file.gz` beside each file (and the file itself, for a job that carries its text). HTML
 * changes every build and a large site has tens of thousands of pages, so it gets middle levels (brotli 5,
 * gzip 6); hashed assets get brotli 11 and gzip 9.
 */
export function compressHere(jobs: readonly CompressJob[], cacheDir?: string): string[] {
  // Compressed copies are kept in the build cache by the file's bytes and the levels: a page that did not
  // change since the last build is not compressed again. A cached pair that does not read back whole is redone.
  const cache = cacheDir ? openBuildCache(cacheDir) : undefined;
  for (const job of jobs) {
    const data = job.text === undefined ? readFileSync(job.file) : Buffer.from(job.text);
    if (job.text !== undefined) writeFileSync(job.file, data);
    if (data.length < minBytes && job.brotli === undefined) continue;
    const levels = compressLevels(job);
    const key = cache && hash(data, `br${levels.brotli} gz${levels.gzip} ${process.versions.zlib} ${process.versions.brotli}`);
    const cached = key ? splitPair(cache!.read(compressCacheKind, key)) : undefined;
    const [br, gz] = cached ?? [brotliBytes(data, levels.brotli), gzipSync(data, { level: levels.gzip })];
    if (key && !cached) cache!.write(compressCacheKind, key, joinPair(br, gz));
    writeFileSync(`${job.file}.br`, br);
    writeFileSync(`${job.file}.gz`, gz);
  }
  return cache ? [...(cache.used.get(compressCacheKind) ?? [])] : [];
}

/** A cache entry holds both copies: the brotli length (4 bytes), the brotli bytes, the gzip bytes. */
function joinPair(br: Uint8Array, gz: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(br.length);
  return Buffer.concat([head, br, gz]);
}

function splitPair(entry: Buffer | undefined): [Buffer, Buffer] | undefined {
  if (!entry || entry.length < 4) return undefined;
  const n = entry.readUInt32BE(0);
  if (4 + n >= entry.length) return undefined;
  return [entry.subarray(4, 4 + n), entry.subarray(4 + n)];
}

/**
 * Compress many files on all cores: each worker thread takes a share and works synchronously, which on a
 * 10k-article site is several times faster than thousands of small async reads, zlib calls and writes
 * queueing for the same four libuv threads. Falls back to this thread where workers are unavailable.
 */
export async function compressFiles(jobs: CompressJob[], options: { minimumForWorkers?: number } = {}): Promise<void> {
  const workers = Math.min(availableParallelism(), 4);
  const cache = buildCache();
  // Entries used in workers count as used by this build, so pruning keeps them.
  const keep = (keys: string[]) => cache && keys.forEach((k) => keepCacheEntry(cache, compressCacheKind, k));
  if (jobs.length < (options.minimumForWorkers ?? 200) || workers < 2) return void keep(compressHere(jobs, cache?.dir));
  const shares = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w));
  try {
    const used = await Promise.all(shares.map((share) => runWorker<string[]>(new URL('./compress-worker.ts', import.meta.url), { jobs: share, cacheDir: cache?.dir })));
    used.forEach(keep);
  } catch {
    keep(compressHere(jobs, cache?.dir));
  }
}
