/**
 * Normal traffic with clients that leave mixed in, sized for CI: every event the collector acknowledged is stored,
 * nothing from a half-sent body is, and the log stays one line long.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector } from '../../../src/collector/server.ts';
import { readEvents } from '../../../src/collector/storage.ts';
import type { SiteEvent } from '../../../src/feedback/events.ts';
import { abortMidBody, baseTime, rawExchange, rawHead, send, tempDir } from './helpers.ts';

const tmp = tempDir('collector-load-abort');
afterAll(() => tmp.remove());

const event = (id: string, i: number): SiteEvent => ({ v: 1, ts: baseTime + i, page: '/en/', locale: 'en', type: 'zero_results', query: `query ${i % 97}`, searchId: id });

function post(url: string, agent: Agent, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/events`, { method: 'POST', agent, headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Run `tasks` with at most `concurrency` at a time. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** A client that sends a whole beacon and leaves before the answer: the collector may store it, but owes it nothing. */
function leaveAfterBody(url: string, body: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(rawHead('POST', '/events', { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(body) }) + body, () => socket.destroy());
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

describe('the collector under load with clients that leave', () => {
  it('stores every acknowledged event of 3,000, none from 260 half-sent bodies, refuses 20 floods, and logs one summary line', async () => {
    const dbPath = join(tmp.dir, 'events.sqlite');
    const logs: string[] = [];
    const collector = await startCollector({ port: 0, dbPath, rateLimit: false, log: (m) => logs.push(m) });
    const agent = new Agent({ keepAlive: true, maxSockets: 24 });
    const started = performance.now();

    type Outcome =
      | { kind: 'single' | 'batch'; ids: string[]; status: number }
      | { kind: 'aborted' }
      | { kind: 'left'; ids: string[] }
      | { kind: 'flood'; status: number; closed: boolean };
    const tasks: (() => Promise<Outcome>)[] = [];
    let n = 0;
    for (let i = 0; i < 2_000; i++) {
      const id = `single-${i}`;
      const body = JSON.stringify(event(id, n++));
      tasks.push(async () => ({ kind: 'single', ids: [id], status: await post(collector.url, agent, body) }));
      // One client in eight leaves mid-body, with a FIN or a reset; one in a hundred after a whole body.
      if (i % 8 === 3) tasks.push(async () => (await abortMidBody(collector.url, { reset: i % 16 === 3 }), { kind: 'aborted' }));
      if (i % 100 === 50) {
        const leftId = `left-${i}`;
        const leftBody = JSON.stringify(event(leftId, n++));
        tasks.push(async () => (await leaveAfterBody(collector.url, leftBody), { kind: 'left', ids: [leftId] }));
      }
      // And now and then an endless chunked body to a wrong path, refused at once.
      if (i % 100 === 75) {
        const head = rawHead('POST', '/wrong', { 'Content-Type': 'text/plain;charset=UTF-8', 'Transfer-Encoding': 'chunked' });
        tasks.push(async () => ({ kind: 'flood', ...(await rawExchange(collector.url, head, { feed: 'chunks' })) }));
      }
    }
    for (let b = 0; b < 50; b++) {
      const ids = Array.from({ length: 20 }, (_, k) => `batch-${b}-${k}`);
      const body = JSON.stringify(ids.map((id) => event(id, n++)));
      tasks.push(async () => ({ kind: 'batch', ids, status: await post(collector.url, agent, body) }));
      if (b % 5 === 0) tasks.push(async () => (await abortMidBody(collector.url), { kind: 'aborted' }));
    }

    const outcomes = await pool(tasks, 24);
    const seconds = (performance.now() - started) / 1000;
    const health = (await send(collector.url, { method: 'GET', path: '/health' })).json();
    agent.destroy();
    await collector.close();

    const answered = outcomes.flatMap((o) => (o.kind === 'single' || o.kind === 'batch' ? [o] : []));
    const acknowledged = answered.filter((o) => o.status >= 200 && o.status < 300).flatMap((o) => o.ids);
    const aborted = outcomes.filter((o) => o.kind === 'aborted').length;
    const left = new Set(outcomes.flatMap((o) => (o.kind === 'left' ? o.ids : [])));
    console.log(`load with aborts: ${answered.length} requests, ${acknowledged.length} events acknowledged, ${aborted} aborted, ${left.size} left after the body, in ${seconds.toFixed(2)} s`);

    expect(new Set(answered.map((o) => o.status))).toEqual(new Set([204]));
    expect(acknowledged).toHaveLength(3_000);
    expect(aborted).toBe(260);
    const floods = outcomes.flatMap((o) => (o.kind === 'flood' ? [{ status: o.status, closed: o.closed }] : []));
    expect(floods).toEqual(Array(20).fill({ status: 404, closed: true }));
    const stored = readEvents(dbPath).map((r) => r.searchId!);
    expect(new Set(stored).size).toBe(stored.length);
    const storedSet = new Set(stored);
    const acknowledgedSet = new Set(acknowledged);
    expect(acknowledged.filter((id) => !storedSet.has(id))).toEqual([]);
    expect(stored.filter((id) => !acknowledgedSet.has(id) && !left.has(id))).toEqual([]);

    expect(health.aborted).toBe(aborted);
    expect(logs.join('\n')).not.toMatch(/\n\s+at |Error:/);
    expect(logs).toEqual([`collector: ${aborted} clients disconnected mid-request (${aborted} since start; /health counts them as "aborted")`]);
    expect(seconds).toBeLessThan(15);
  }, 30_000);
});
