import { Worker } from 'node:worker_threads';

/**
 * Run one worker thread to completion: it gets `workerData`, posts one message with its result and is then
 * stopped. Rejects if it throws or exits early, so callers can fall back to doing the work on this thread.
 */
export function runWorker<T>(file: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    worker.once('message', (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker ${file.pathname.split('/').pop()} exited with ${code}`)));
  });
}
