import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../../src/collector/server.ts';
import { readEvents } from '../../../src/collector/storage.ts';
import type { SiteEvent } from '../../../src/feedback/events.ts';
import { baseTime, tempDir } from './helpers.ts';

const tmp = tempDir('collector-load');
const dbPath = join(tmp.dir, 'load.sqlite');
let collector: Collector;
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

beforeAll(async () => {
  collector = await startCollector({ port: 0, dbPath, rateLimit: false, log: () => {} });
});
afterAll(async () => {
  agent.destroy();
  await collector.close();
  tmp.remove();
});

function event(i: number): SiteEvent {
  const locale = ['en', 'ja', 'ko'][i % 3]!;
  switch (i % 5) {
    case 0:
      return { v: 1, ts: baseTime + i, page: `/${locale}/`, locale, type: 'search', query: `query ${i % 97}`, resultCount: i % 9, searchId: `load-${i}` };
    case 1:
      return { v: 1, ts: baseTime + i, page: `/${locale}/`, locale, type: 'zero_results', query: `missing ${i % 31}`, searchId: `load-${i}` };
    case 2:
      return { v: 1, ts: baseTime + i, page: `/${locale}/`, locale, type: 'result_click', query: `query ${i % 97}`, rank: 1 + (i % 8), url: `/${locale}/a/${i % 50}/` };
    case 3:
      return { v: 1, ts: baseTime + i, page: `/${locale}/a/${i % 50}/`, locale, type: 'feedback', url: `/${locale}/a/${i % 50}/`, helpful: i % 2 === 0, ...(i % 2 ? { reason: 'unclear' as const, comment: `comment ${i}` } : {}) };
    default:
      return { v: 1, ts: baseTime + i, page: `/${locale}/`, locale, type: 'contact_click', source: 'footer', url: `/${locale}/` };
  }
}

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/events`, { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Send every body with at most `concurrency` requests in flight; returns the status of each. */
async function sendAll(url: string, bodies: readonly string[], concurrency: number): Promise<number[]> {
  const statuses: number[] = new Array(bodies.length);
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const i = next++;
      statuses[i] = await post(url, bodies[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

describe('the collector under load from loopback', () => {
  it('stores 20,000 events, every accepted one exactly once, well within a minute', async () => {
    const singles = Array.from({ length: 16_000 }, (_, i) => JSON.stringify(event(i)));
    const batches = Array.from({ length: 200 }, (_, b) => JSON.stringify(Array.from({ length: 20 }, (_, k) => event(16_000 + b * 20 + k))));

    const started = performance.now();
    const singleStatuses = await sendAll(collector.url, singles, 32);
    const singlesDone = performance.now();
    const batchStatuses = await sendAll(collector.url, batches, 8);
    const finished = performance.now();

    const accepted = singleStatuses.filter((s) => s === 204).length + batchStatuses.filter((s) => s === 204).length * 20;
    const seconds = (finished - started) / 1000;
    console.log(
      `load: ${accepted} events in ${seconds.toFixed(2)} s (${Math.round(accepted / seconds)} events/s); ` +
        `16,000 single beacons in ${((singlesDone - started) / 1000).toFixed(2)} s (${Math.round(16_000 / ((singlesDone - started) / 1000))} req/s, 32 in flight), ` +
        `200 batches of 20 in ${((finished - singlesDone) / 1000).toFixed(2)} s`,
    );

    expect(new Set([...singleStatuses, ...batchStatuses])).toEqual(new Set([204]));
    expect(accepted).toBe(20_000);
    expect(seconds).toBeLessThan(60);
    // Answers go out only after the commit, so the table already holds them all.
    expect(collector.store.count()).toBe(accepted);
    const rows = readEvents(dbPath);
    expect(rows).toHaveLength(20_000);
    expect(new Set(rows.map((r) => r.ts)).size).toBe(20_000);
  }, 120_000);
});
