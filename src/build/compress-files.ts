import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { runWorker } from '../run-worker.ts';

export interface CompressJob {
  file: string;
  /** Content-hashed files are compressed once and cached for a year: squeeze them. */
  hashed: boolean;
  /** Levels chosen by the caller instead (search files), and a copy even for a tiny file. */
  brotli?: number;
  gzip?: number;
}

/** Files this small are not worth a compressed copy. */
const minBytes = 256;

/**
 * Write `file.br` and `file.gz` beside each file. HTML changes every build and a large site has tens of
 * thousands of pages, so it gets middle levels (brotli 6, gzip 6); hashed assets get brotli 11 and gzip 9.
 */
export function compressHere(jobs: readonly CompressJob[]): void {
  for (const job of jobs) {
    const data = readFileSync(job.file);
    if (data.length < minBytes && job.brotli === undefined) continue;
    const br = brotliCompressSync(data, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: job.brotli ?? (job.hashed ? 11 : 6), [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    writeFileSync(`${job.file}.br`, br);
    writeFileSync(`${job.file}.gz`, gzipSync(data, { level: job.gzip ?? (job.hashed ? 9 : 6) }));
  }
}

/**
 * Compress many files on all cores: each worker thread takes a share and works synchronously, which on a
 * 10k-article site is several times faster than thousands of small async reads, zlib calls and writes
 * queueing for the same four libuv threads. Falls back to this thread where workers are unavailable.
 */
export async function compressFiles(jobs: CompressJob[], options: { minimumForWorkers?: number } = {}): Promise<void> {
  const workers = Math.min(availableParallelism(), 4);
  if (jobs.length < (options.minimumForWorkers ?? 200) || workers < 2) return compressHere(jobs);
  const shares = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w));
  try {
    await Promise.all(shares.map((share) => runWorker(new URL('./compress-worker.ts', import.meta.url), { jobs: share })));
  } catch {
    compressHere(jobs);
  }
}
