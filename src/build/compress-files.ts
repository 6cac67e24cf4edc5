import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export interface CompressJob {
  file: string;
  /** Content-hashed files are compressed once and cached for a year: squeeze them. */
  hashed: boolean;
}

/** Files this small are not worth a compressed copy. */
const minBytes = 256;

/**
 * Write `file.br` and `file.gz`. HTML changes every build and a large site has tens of thousands of
 * pages, so it gets middle levels (brotli 6, gzip 6); hashed assets get brotli 11 and gzip 9.
 */
export function compressFileSync(job: CompressJob, read: typeof readFileSync, write: typeof writeFileSync): void {
  const data = read(job.file);
  if (data.length < minBytes) return;
  const br = brotliCompressSync(data, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: job.hashed ? 11 : 6, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  write(`${job.file}.br`, br);
  write(`${job.file}.gz`, gzipSync(data, { level: job.hashed ? 9 : 6 }));
}

/**
 * Compress many files on all cores: each worker thread takes a share and works synchronously, which on a
 * 10k-article site is several times faster than thousands of small async reads, zlib calls and writes
 * queueing for the same four libuv threads. Falls back to this thread where workers are unavailable.
 */
export async function compressFiles(jobs: CompressJob[], options: { minimumForWorkers?: number } = {}): Promise<void> {
  const workers = Math.min(availableParallelism(), 4);
  if (jobs.length < (options.minimumForWorkers ?? 200) || workers < 2) {
    for (const job of jobs) compressFileSync(job, readFileSync, writeFileSync);
    return;
  }
  const shares = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w));
  try {
    await Promise.all(shares.map((share) => run(share)));
  } catch {
    for (const job of jobs) compressFileSync(job, readFileSync, writeFileSync);
  }
}

function run(jobs: CompressJob[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./compress-worker.ts', import.meta.url), { workerData: { jobs } });
    worker.once('message', () => {
      resolve();
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`compress worker exited with ${code}`)));
  });
}
