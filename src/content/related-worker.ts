import { parentPort, workerData } from 'node:worker_threads';
import { computeRelated } from './related.ts';
import { openBuildCache } from '../build/build-cache.ts';
import { openTokenTable } from '../search/token-cache.ts';
import type { Article } from './model.ts';

// The articles arrive as plain records with the fields similarity reads; the answer goes back as indices, with
// the name of the token table this thread wrote (the main thread's pruning keeps it).
const articles = workerData.articles as Article[];
const position = new Map(articles.map((a, i) => [a, i]));
const table = openTokenTable('related', workerData.cacheDir ? openBuildCache(workerData.cacheDir as string) : undefined);
const related = computeRelated(articles, { limit: workerData.limit, terms: table.tokens });
parentPort!.postMessage({ picks: articles.map((a) => (related.get(a) ?? []).map((r) => position.get(r)!)), table: table.save() });
