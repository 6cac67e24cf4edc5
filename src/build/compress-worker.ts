import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compressFileSync, type CompressJob } from './compress-files.ts';

// One slice of the files per worker: compress each one synchronously, then report.
for (const job of workerData.jobs as CompressJob[]) compressFileSync(job, readFileSync, writeFileSync);
parentPort!.postMessage('done');
