/**
 * The collector against clients that lie, stall, flood or leave: real HTTP over 127.0.0.1, raw sockets where an
 * HTTP client would refuse to send such a request.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../../src/collector/server.ts';
import { abortMidBody, beaconHeaders, json, rawExchange, rawHead, send, tempDir, zeroResults } from './helpers.ts';

const tmp = tempDir('collector-hostile');
const logs: string[] = [];
let collector: Collector;

// Each test request comes from its own address behind a trusted proxy, so the rate limit (burst 1) only refuses
// where a test asks it to.
let nextClient = 0;
const client = () => ({ 'X-Forwarded-For': `198.51.100.${++nextClient % 250}, 10.0.${Math.floor(nextClient / 250)}.${nextClient % 250}` });

beforeAll(async () => {
  collector = await startCollector({
    port: 0,
    dbPath: join(tmp.dir, 'events.sqlite'),
    rateLimit: { perMinute: 60, burst: 1 },
    trustProxy: true,
    allowedOrigins: ['https://help.example.com'],
    log: (message) => logs.push(message),
  });
});
afterAll(async () => {
  await collector.close();
  tmp.remove();
});

const fourGigabytes = 4 * 1024 ** 3;
const text = { 'Content-Type': 'text/plain;charset=UTF-8' };
// What the client can push once the collector stops reading is what the kernel buffers on both sides take: a few MB
// on loopback. A collector that keeps reading takes gigabytes in the same time.
const boundedBytes = 16 * 1024 * 1024;

describe('a refused body is never read', () => {
  it.each([
    ['403, an origin not listed', () => rawHead('POST', '/events', { ...client(), ...text, Origin: 'https://evil.example', 'Content-Length': fourGigabytes }), 403],
    ['404, an unknown path', () => rawHead('POST', '/admin', { ...client(), ...text, 'Content-Length': fourGigabytes }), 404],
    ['405, PUT', () => rawHead('PUT', '/events', { ...client(), ...text, 'Content-Length': fourGigabytes }), 405],
    ['405, a body on /health', () => rawHead('POST', '/health', { ...client(), ...text, 'Content-Length': fourGigabytes }), 405],
    ['413, a declared 4 GB body', () => rawHead('POST', '/events', { ...client(), ...text, 'Content-Length': fourGigabytes }), 413],
    ['415, a form post', () => rawHead('POST', '/events', { ...client(), 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': fourGigabytes }), 415],
  ])('%s: answers with Connection: close and drops the connection', async (_name, head, status) => {
    const reply = await rawExchange(collector.url, head(), { feed: 'bytes' });
    expect(reply.status).toBe(status);
    expect(reply.headers.connection).toBe('close');
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(1_000);
    expect(reply.sent).toBeLessThan(boundedBytes);
  });

  it('429: a rate-limited client is not read either', async () => {
    const headers = client();
    expect((await send(collector.url, { headers: { ...beaconHeaders, 'x-forwarded-for': headers['X-Forwarded-For'] }, body: json(zeroResults('x')) })).status).toBe(204);
    const reply = await rawExchange(collector.url, rawHead('POST', '/events', { ...headers, ...text, 'Content-Length': fourGigabytes }), { feed: 'bytes' });
    expect(reply.status).toBe(429);
    expect(reply.headers).toMatchObject({ connection: 'close', 'retry-after': expect.stringMatching(/^\d+$/) });
    expect(reply.closed).toBe(true);
    expect(reply.sent).toBeLessThan(boundedBytes);
  });

  it.each([
    ['413 once past the limit', '/events', 413],
    ['404 at once', '/nowhere', 404],
  ])('an endless chunked body: %s, and the connection is dropped', async (_name, path, status) => {
    const reply = await rawExchange(collector.url, rawHead('POST', path, { ...client(), ...text, 'Transfer-Encoding': 'chunked' }), { feed: 'chunks' });
    expect(reply.status).toBe(status);
    expect(reply.headers.connection).toBe('close');
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(1_000);
    expect(reply.sent).toBeLessThan(boundedBytes);
  });

  it('a Content-Length shorter than the body: the body is refused, the rest is a malformed request, the connection is dropped', async () => {
    const reply = await rawExchange(collector.url, `${rawHead('POST', '/events', { ...client(), ...text, 'Content-Length': 8 })}{"v":1,"`, { feed: 'bytes' });
    expect(reply.status).toBe(400);
    expect(reply.answer).toContain('"error":"invalid_json"');
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(1_000);
    expect(reply.sent).toBeLessThan(boundedBytes);
  });

  it('a broken chunk in the middle of a body: 400 and the connection is dropped', async () => {
    const head = rawHead('POST', '/events', { ...client(), ...text, 'Transfer-Encoding': 'chunked' });
    const reply = await rawExchange(collector.url, `${head}5\r\n{"v":\r\nnot-a-size\r\n`, { feed: 'bytes' });
    expect(reply.status).toBe(400);
    expect(reply.answer).toContain('"error":"bad_request"');
    expect(reply.headers.connection).toBe('close');
    expect(reply.closed).toBe(true);
    expect(reply.sent).toBeLessThan(boundedBytes);
  });

  it('keeps the connection when it refuses a body it has read in full, or answers a request without one', async () => {
    const bad = '{"v":1,';
    const good = json(zeroResults('kept alive'));
    const pipelined =
      rawHead('POST', '/events', { ...client(), ...text, 'Content-Length': bad.length }) +
      bad +
      rawHead('GET', '/health', {}) +
      rawHead('POST', '/events', { ...client(), ...text, 'Content-Length': Buffer.byteLength(good) }) +
      good;
    const reply = await rawExchange(collector.url, pipelined, { giveUpMs: 500 });
    expect([...reply.answer.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]))).toEqual([400, 200, 204]);
    expect(reply.answer).not.toMatch(/connection: close/i);
    expect(reply.closed).toBe(false);
  });

  it('serves other clients while refusing floods', async () => {
    const floods = Array.from({ length: 4 }, () => rawExchange(collector.url, rawHead('POST', '/nowhere', { ...client(), ...text, 'Transfer-Encoding': 'chunked' }), { feed: 'chunks' }));
    const beacons = Array.from({ length: 40 }, (_, i) =>
      send(collector.url, { headers: { ...beaconHeaders, 'x-forwarded-for': client()['X-Forwarded-For'] }, body: json(zeroResults(`meanwhile ${i}`)) }),
    );
    expect((await Promise.all(beacons)).map((r) => r.status)).toEqual(Array(40).fill(204));
    for (const flood of await Promise.all(floods)) expect(flood).toMatchObject({ status: 404, closed: true });
  });
});

const health = async (c: Collector = collector) => (await send(c.url, { method: 'GET', path: '/health' })).json();
/** Poll /health until `done` holds: the collector sees a disconnect a moment after the client makes it. */
async function healthWhen(done: (h: any) => boolean, c: Collector = collector): Promise<any> {
  const until = performance.now() + 3_000;
  for (;;) {
    const h = await health(c);
    if (done(h) || performance.now() > until) return h;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const stackTrace = /\n\s+at /;

describe('clients that disconnect mid-request', () => {
  it('are counted in /health as aborted, with no line in the log, and the collector goes on', async () => {
    const before = (await health()).aborted;
    const logged = logs.length;
    await Promise.all([
      ...Array.from({ length: 25 }, () => abortMidBody(collector.url, { headers: client() })),
      ...Array.from({ length: 25 }, () => abortMidBody(collector.url, { reset: true, headers: client() })),
    ]);
    expect((await healthWhen((h) => h.aborted >= before + 50)).aborted).toBe(before + 50);
    expect(logs.slice(logged)).toEqual([]);
    const beacon = await send(collector.url, { headers: { ...beaconHeaders, 'x-forwarded-for': client()['X-Forwarded-For'] }, body: json(zeroResults('after the aborts')) });
    expect(beacon.status).toBe(204);
  });

  it('does not count requests it refused or answered itself', async () => {
    const before = (await health()).aborted;
    await rawExchange(collector.url, rawHead('POST', '/nowhere', { ...client(), ...text, 'Content-Length': fourGigabytes }), { feed: 'bytes' });
    await rawExchange(collector.url, rawHead('POST', '/events', { ...client(), ...text, 'Transfer-Encoding': 'chunked' }), { feed: 'chunks' });
    await send(collector.url, { headers: { ...beaconHeaders, 'x-forwarded-for': client()['X-Forwarded-For'] }, body: json(zeroResults('fine')) });
    expect((await health()).aborted).toBe(before);
  });

  it('logs one summary line on close, without a stack trace', async () => {
    const own: string[] = [];
    const c = await startCollector({ port: 0, dbPath: join(tmp.dir, 'summary.sqlite'), rateLimit: false, log: (m) => own.push(m) });
    await Promise.all(Array.from({ length: 7 }, (_, i) => abortMidBody(c.url, { reset: i % 2 === 0 })));
    expect((await healthWhen((h) => h.aborted >= 7, c)).aborted).toBe(7);
    expect(own).toEqual([]);
    await c.close();
    expect(own).toEqual(['collector: 7 clients disconnected mid-request (7 since start; /health counts them as "aborted")']);
    expect(own.join('\n')).not.toMatch(stackTrace);
  });
});

describe('slow clients', () => {
  let slow: Collector;
  beforeAll(async () => {
    slow = await startCollector({ port: 0, dbPath: join(tmp.dir, 'slow.sqlite'), rateLimit: false, headersTimeoutMs: 300, bodyTimeoutMs: 300, log: (m) => logs.push(m) });
  });
  afterAll(() => slow.close());

  // Node checks its header timeout only every 30 s unless told otherwise; the collector checks ten times per timeout.
  const prompt = (reply: { ms: number }) => {
    expect(reply.ms).toBeGreaterThanOrEqual(280);
    expect(reply.ms).toBeLessThan(1_500);
  };
  const bodyHead = (length: number) => rawHead('POST', '/events', { ...text, 'Content-Length': length });

  it.each([
    ['a connection that sends nothing', '', undefined, 'the request headers did not arrive within 0.3 s'],
    ['headers that stop halfway', 'POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\n', undefined, 'the request headers did not arrive within 0.3 s'],
    ['headers sent a byte at a time', 'POST /events HTTP/1.1\r\n', { text: 'X-Slow: loris\r\n', everyMs: 20 }, 'the request headers did not arrive within 0.3 s'],
    ['a body shorter than its Content-Length', `${bodyHead(1_000)}{"v":1,`, undefined, 'the body did not arrive within 0.3 s'],
    ['a body sent a byte at a time', bodyHead(1_000), { text: ' ', everyMs: 20 }, 'the body did not arrive within 0.3 s'],
    ['a chunked body that never ends', `${rawHead('POST', '/events', { ...text, 'Transfer-Encoding': 'chunked' })}7\r\n{"v":1,\r\n`, undefined, 'the body did not arrive within 0.3 s'],
  ])('%s: 408 on time, and the connection is dropped', async (_name, head, trickle, message) => {
    const reply = await rawExchange(slow.url, head, { ...(trickle ? { trickle } : {}) });
    expect(reply.status).toBe(408);
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.answer.slice(reply.answer.indexOf('{')))).toEqual({ error: 'request_timeout', message });
    expect(reply.closed).toBe(true);
    prompt(reply);
  });

  it('counts the timeouts in /health, not as aborted', async () => {
    const before = await health(slow);
    await Promise.all([rawExchange(slow.url, 'POST /events HTTP/1.1\r\n'), rawExchange(slow.url, `${bodyHead(100)}{`)]);
    expect(await health(slow)).toMatchObject({ timedOut: before.timedOut + 2, aborted: before.aborted });
  });

  it('leaves an idle keep-alive connection alone between requests', async () => {
    const body = json(zeroResults('then idle'));
    const reply = await rawExchange(slow.url, `${bodyHead(Buffer.byteLength(body))}${body}`, { giveUpMs: 800 });
    expect(reply.status).toBe(204);
    expect(reply.answer).not.toContain('408');
    expect(reply.closed).toBe(false);
  });
});

describe('timeout options', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses a timeout of %s ms', async (value) => {
    await expect(startCollector({ port: 0, dbPath: join(tmp.dir, 'never.sqlite'), bodyTimeoutMs: value, log: () => {} })).rejects.toThrow(/bodyTimeoutMs: expected a whole number of milliseconds above 0/);
  });
});
