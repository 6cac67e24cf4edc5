import { parentPort, workerData } from 'node:worker_threads';
import { renderHere } from './render-pool.ts';

// One batch per worker: render it and send the results back in order.
parentPort!.postMessage(await renderHere(workerData.setup, workerData.inputs));
