import { parentPort, workerData } from 'node:worker_threads';
import { compressHere, type CompressJob } from './compress-files.ts';

// One share of the files per worker: compress them synchronously, then report.
compressHere(workerData.jobs as CompressJob[]);
parentPort!.postMessage('done');
