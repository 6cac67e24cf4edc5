import { parentPort, workerData } from 'node:worker_threads';
import { compressHere, type CompressJob } from './compress-files.ts';

// One share of the files per worker: compress them synchronously, then report the cache entries used.
parentPort!.postMessage(compressHere(workerData.jobs as CompressJob[], workerData.cacheDir as string | undefined));
