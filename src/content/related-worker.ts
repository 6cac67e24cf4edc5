import { parentPort, workerData } from 'node:worker_threads';
import { computeRelated } from './related.ts';
import { indexTokens } from '../search/tokenizer.ts';
import type { Article } from './model.ts';

// The articles arrive as plain records with the fields similarity reads; the answer goes back as indices.
const articles = workerData.articles as Article[];
const position = new Map(articles.map((a, i) => [a, i]));
const related = computeRelated(articles, { limit: workerData.limit, terms: (text) => indexTokens(text) });
parentPort!.postMessage(articles.map((a) => (related.get(a) ?? []).map((r) => position.get(r)!)));
