import { connect } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from '../../../src/collector/server.ts';
import { readEvents } from '../../../src/collector/storage.ts';
import { baseTime, beaconHeaders, json, send, tempDir, zeroResults } from './helpers.ts';

const tmp = tempDir('collector');
let collector: Collector;
let url: string;
const dbPath = join(tmp.dir, 'events.sqlite');

beforeAll(async () => {
  collector = await startCollector({ port: 0, dbPath, rateLimit: false, allowedOrigins: ['https://help.example.com'], log: () => {} });
  url = collector.url;
});
afterAll(async () => {
  await collector.close();
  tmp.remove();
});

const healthy = async () => {
  const health = await send(url, { method: 'GET', path: '/health' });
  expect(health.status).toBe(200);
  expect(health.json()).toMatchObject({ ok: true, schemaVersion: 1 });
};

describe('the collector accepts events', () => {
  it('stores a single text/plain beacon and answers 204', async () => {
    const before = collector.store.count();
    const reply = await send(url, { headers: beaconHeaders, body: json(zeroResults('wire transfer')) });
    expect(reply.status).toBe(204);
    expect(reply.body).toBe('');
    expect(collector.store.count()).toBe(before + 1);
  });

  it('stores an application/json batch in one request', async () => {
    const before = collector.store.count();
    const batch = Array.from({ length: 20 }, (_, i) => zeroResults(`batch ${i}`));
    const reply = await send(url, { headers: { 'content-type': 'application/json' }, body: json(batch) });
    expect(reply.status).toBe(204);
    expect(collector.store.count()).toBe(before + 20);
  });

  it('masks personal data again on arrival, for clients that did not', async () => {
    await send(url, {
      headers: beaconHeaders,
      body: json({ ...zeroResults('refund jane@example.com ０９０-１２３４-５６７８'), searchId: 'mask-test' }),
    });
    collector.store.flush();
    const row = readEvents(dbPath).find((r) => r.searchId === 'mask-test');
    expect(row?.query).toBe('refund [email] [number]');
  });

  it('stores every field of every type, and no address of the client', async () => {
    const events = [
      { v: 1, ts: baseTime, page: '/ja/', locale: 'ja', type: 'search', query: '返金', resultCount: 4, searchId: 'all-1' },
      { v: 1, ts: baseTime + 1, page: '/ja/', locale: 'ja', type: 'result_click', query: '返金', rank: 2, url: '/ja/billing/refund/#手順', searchId: 'all-1' },
      { v: 1, ts: baseTime + 2, page: '/ja/billing/refund/', locale: 'ja', type: 'feedback', url: '/ja/billing/refund/', helpful: false, reason: 'unclear', comment: 'わかりにくい' },
      { v: 1, ts: baseTime + 3, page: '/ja/billing/refund/', locale: 'ja', type: 'contact_click', source: 'not-helpful', url: '/ja/billing/refund/', searchId: 'all-1' },
    ];
    expect((await send(url, { headers: beaconHeaders, body: json(events) })).status).toBe(204);
    const rows = readEvents(dbPath).filter((r) => r.searchId === 'all-1' || r.page === '/ja/billing/refund/');
    expect(rows.map(({ id: _id, receivedAt: _r, ...rest }) => rest)).toEqual([
      { ts: baseTime, type: 'search', locale: 'ja', page: '/ja/', query: '返金', searchId: 'all-1', resultCount: 4, rank: null, url: null, helpful: null, reason: null, comment: null, source: null },
      { ts: baseTime + 1, type: 'result_click', locale: 'ja', page: '/ja/', query: '返金', searchId: 'all-1', resultCount: null, rank: 2, url: '/ja/billing/refund/#手順', helpful: null, reason: null, comment: null, source: null },
      { ts: baseTime + 2, type: 'feedback', locale: 'ja', page: '/ja/billing/refund/', query: null, searchId: null, resultCount: null, rank: null, url: '/ja/billing/refund/', helpful: false, reason: 'unclear', comment: 'わかりにくい', source: null },
      { ts: baseTime + 3, type: 'contact_click', locale: 'ja', page: '/ja/billing/refund/', query: null, searchId: 'all-1', resultCount: null, rank: null, url: '/ja/billing/refund/', helpful: null, reason: null, comment: null, source: 'not-helpful' },
    ]);
    const db = new DatabaseSync(dbPath, { readOnly: true });
    const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name);
    const found = db.prepare("SELECT COUNT(*) AS n FROM events WHERE page LIKE '%127.0.0.1%' OR query LIKE '%127.0.0.1%'").get() as { n: number };
    db.close();
    expect(columns.filter((c) => /ip|addr|agent|origin|host/i.test(c))).toEqual([]);
    expect(found.n).toBe(0);
  });
});

describe('the collector refuses bad requests and keeps serving', () => {
  const big = Buffer.alloc(1024 * 1024, 0x20);
  it.each([
    ['wrong types', { headers: beaconHeaders, body: json({ ...zeroResults('x'), query: 42 }) }, 400, 'invalid_event'],
    ['an unknown event type', { headers: beaconHeaders, body: json({ ...zeroResults('x'), type: 'pageview' }) }, 400, 'invalid_event'],
    ['a protocol-relative url', { headers: beaconHeaders, body: json({ ...zeroResults('x'), type: 'result_click', rank: 1, url: '//evil.example/x' }) }, 400, 'invalid_event'],
    ['a url of /\\host', { headers: beaconHeaders, body: json({ ...zeroResults('x'), type: 'result_click', rank: 1, url: '/\\evil.example/x' }) }, 400, 'invalid_event'],
    ['a protocol-relative page', { headers: beaconHeaders, body: json(zeroResults('x', { page: '//evil.example/x' })) }, 400, 'invalid_event'],
    ['a bad event inside a batch', { headers: beaconHeaders, body: json([zeroResults('ok'), { ...zeroResults('x'), ts: 'now' }]) }, 400, 'invalid_event'],
    ['a batch of 21', { headers: beaconHeaders, body: json(Array(21).fill(zeroResults('x'))) }, 400, 'batch_too_large'],
    ['an empty batch', { headers: beaconHeaders, body: '[]' }, 400, 'empty_batch'],
    ['a JSON string', { headers: beaconHeaders, body: '"hello"' }, 400, 'invalid_event'],
    ['invalid JSON', { headers: beaconHeaders, body: '{"v":1,' }, 400, 'invalid_json'],
    ['an empty body', { headers: beaconHeaders, body: '' }, 400, 'invalid_json'],
    ['invalid UTF-8', { headers: beaconHeaders, body: Buffer.from([0x22, 0xc3, 0x28, 0x22]) }, 400, 'invalid_encoding'],
    ['a 1 MB body', { headers: beaconHeaders, body: big }, 413, 'body_too_large'],
    ['a form post', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }, 415, 'unsupported_media_type'],
    ['no content type', { body: json(zeroResults('x')) }, 415, 'unsupported_media_type'],
    ['a Latin-1 body', { headers: { 'content-type': 'text/plain; charset=ISO-8859-1' }, body: json(zeroResults('x')) }, 415, 'unsupported_charset'],
    ['GET /events', { method: 'GET' }, 405, 'method_not_allowed'],
    ['PUT /events', { method: 'PUT', headers: beaconHeaders, body: json(zeroResults('x')) }, 405, 'method_not_allowed'],
    ['POST /health', { path: '/health', headers: beaconHeaders, body: '{}' }, 405, 'method_not_allowed'],
    ['an unknown path', { path: '/events/../admin', method: 'GET' }, 404, 'not_found'],
    ['a disallowed origin', { headers: { ...beaconHeaders, origin: 'https://evil.example' }, body: json(zeroResults('x')) }, 403, 'origin_not_allowed'],
  ] as const)('%s', async (_name, request, status, error) => {
    const before = collector.store.count();
    const reply = await send(url, request as Parameters<typeof send>[1]);
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json()).toMatchObject({ error, message: expect.any(String) });
    expect(collector.store.count()).toBe(before);
    await healthy();
  });

  it('says which event and field was wrong', async () => {
    const reply = await send(url, { headers: beaconHeaders, body: json([zeroResults('ok'), { ...zeroResults('x'), locale: 'en US' }]) });
    expect(reply.json().message).toMatch(/^event 1, locale: /);
    expect(reply.json().issues[0]).toMatchObject({ index: 1, path: 'locale' });
  });

  it('stops reading a streamed body past the limit', async () => {
    // 64 MB without a Content-Length: more than the socket buffers hold, so the client can only send it all if
    // the collector keeps reading.
    let sent = 0;
    const total = 64 * 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const chunks = (function* () {
      while (sent < total) {
        sent += chunk.length;
        yield chunk;
      }
    })();
    const reply = await send(url, { headers: { ...beaconHeaders, 'transfer-encoding': 'chunked' }, chunks });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(sent).toBeLessThan(total / 4);
    await healthy();
  });

  it('answers a malformed HTTP request with 400 and goes on', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write('BLAH /events HTTP/9\r\n\0\0\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await healthy();
  });

  it('answers HEAD /health without a body', async () => {
    const reply = await send(url, { method: 'HEAD', path: '/health' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin, echoing it with credentials allowed (sendBeacon sends credentials)', async () => {
    const reply = await send(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://help.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': 'https://help.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'Content-Type',
      vary: 'Origin',
    });
  });

  it('refuses a preflight from another origin', async () => {
    const reply = await send(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(reply.status).toBe(403);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts a beacon from the allowed origin', async () => {
    const reply = await send(url, { headers: { ...beaconHeaders, origin: 'https://help.example.com' }, body: json(zeroResults('x')) });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe('https://help.example.com');
  });

  it('answers * and never allows credentials when all origins are allowed', async () => {
    const open = await startCollector({ port: 0, dbPath: join(tmp.dir, 'open.sqlite'), rateLimit: false, allowedOrigins: ['*'], log: () => {} });
    try {
      const preflight = await send(open.url, { method: 'OPTIONS', headers: { origin: 'https://anything.example', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      expect(preflight.headers.vary).toBe('Origin');
      const beacon = await send(open.url, { headers: { ...beaconHeaders, origin: 'https://anything.example', cookie: 'session=1' }, body: json(zeroResults('x')) });
      expect(beacon.status).toBe(204);
      expect(beacon.headers['access-control-allow-origin']).toBe('*');
      expect(beacon.headers['access-control-allow-credentials']).toBeUndefined();
      const refused = await send(open.url, { headers: { ...beaconHeaders, origin: 'null' }, body: '{' });
      expect(refused.status).toBe(400);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
      expect(refused.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('treats * among listed origins as any origin', async () => {
    const open = await startCollector({ port: 0, dbPath: join(tmp.dir, 'mixed.sqlite'), rateLimit: false, allowedOrigins: ['https://help.example.com', '*'], log: () => {} });
    try {
      const reply = await send(open.url, { method: 'OPTIONS', headers: { origin: 'https://help.example.com', 'access-control-request-method': 'POST' } });
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a client spends its burst, and keeps other clients apart behind a trusted proxy', async () => {
    const limited = await startCollector({ port: 0, dbPath: join(tmp.dir, 'limited.sqlite'), rateLimit: { perMinute: 60, burst: 5 }, trustProxy: true, log: () => {} });
    try {
      const from = (ip: string) => send(limited.url, { headers: { ...beaconHeaders, 'x-forwarded-for': `198.51.100.7, ${ip}` }, body: json(zeroResults('x')) });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await from('203.0.113.1')).status);
      expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429]);
      const refused = await from('203.0.113.1');
      expect(refused.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect((await from('203.0.113.2')).status).toBe(204);
      expect(limited.store.count()).toBe(6);
    } finally {
      await limited.close();
    }
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const limited = await startCollector({ port: 0, dbPath: join(tmp.dir, 'direct.sqlite'), rateLimit: { perMinute: 60, burst: 2 }, log: () => {} });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await send(limited.url, { headers: { ...beaconHeaders, 'x-forwarded-for': `203.0.113.${i}` }, body: json(zeroResults('x')) })).status);
      }
      expect(statuses).toEqual([204, 204, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('shutdown', () => {
  it('writes every accepted event before close() resolves', async () => {
    const path = join(tmp.dir, 'shutdown.sqlite');
    const c = await startCollector({ port: 0, dbPath: path, rateLimit: false, log: () => {} });
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => send(c.url, { headers: beaconHeaders, body: json(zeroResults(`q${i}`)) })));
    const closing = c.close();
    await closing;
    expect(replies.every((r) => r.status === 204)).toBe(true);
    expect(readEvents(path)).toHaveLength(50);
  });

  it('reports a port in use instead of crashing', async () => {
    const port = Number(new URL(url).port);
    await expect(startCollector({ port, dbPath: join(tmp.dir, 'clash.sqlite'), log: () => {} })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
