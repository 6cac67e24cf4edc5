import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type SearchSource } from './build-index.ts';
import { startBuildCache } from '../build/build-cache.ts';

// The articles arrive without their HTML (the index reads the text and sections); the index goes back whole. The
// token table this thread reads and writes is the build's (the main thread's pruning keeps it by name).
startBuildCache(workerData.cacheDir as string | undefined);
parentPort!.postMessage(buildSearchIndex(workerData.source as SearchSource));
