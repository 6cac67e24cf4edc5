import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteEvent } from '../../../src/feedback/events.ts';

export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `kb-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const baseTime = Date.UTC(2026, 0, 15, 9, 0, 0);

export function zeroResults(query: string, extra: Partial<SiteEvent> = {}): SiteEvent {
  return { v: 1, ts: baseTime, page: '/en/', locale: 'en', type: 'zero_results', query, ...extra } as SiteEvent;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => any;
}

/**
 * A raw node:http request, so tests control exactly what goes on the wire (no Content-Length, odd methods,
 * chunked bodies) and see a reset as an error rather than a retry.
 */
export function send(
  base: string,
  { method = 'POST', path = '/events', headers = {}, body, chunks }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Iterable<Buffer> },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    // Writing past a 413 can hit a closed socket; the answer has already arrived by then.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
      else setTimeout(() => reject(error), 2_000).unref();
    });
    if (chunks) {
      (async () => {
        for (const chunk of chunks) {
          if (answered || req.destroyed) return;
          if (!req.write(chunk)) {
            await new Promise<void>((r) => {
              const done = () => {
                req.off('drain', done);
                req.off('close', done);
                r();
              };
              req.on('drain', done);
              req.on('close', done);
            });
          }
        }
        req.end();
      })();
    } else req.end(body);
  });
}

export const json = (value: unknown) => JSON.stringify(value);
export const beaconHeaders = { 'content-type': 'text/plain;charset=UTF-8' };

export interface RawExchange {
  /** Everything the collector sent back. */
  answer: string;
  /** Status of the first answer; 0 if there was none. */
  status: number;
  /** Headers of the first answer, names in lower case. */
  headers: Record<string, string>;
  /** Body bytes the client got onto the connection: an upper bound of what the collector read. */
  sent: number;
  /** Whether the collector closed the connection before the test gave up. */
  closed: boolean;
  /** Milliseconds from connecting until the collector closed the connection (or the test gave up). */
  ms: number;
}

/**
 * Talk to the collector over a raw TCP socket, to send what an HTTP client will not: a lying Content-Length, a body
 * that never ends, headers that never finish. Writes `head`, then, with `feed`, keeps writing body bytes (64 KB
 * of spaces, or chunks of them) as fast as the connection takes them. The socket stays writable after the
 * collector's FIN, so only a real close (a reset, or the end of a connection that is not fed) counts as closed.
 * With `trickle`, it writes one character at a time instead, as a slow-loris client does.
 */
export function rawExchange(
  base: string,
  head: string | Buffer,
  { feed, trickle, giveUpMs = 3_000 }: { feed?: 'bytes' | 'chunks'; trickle?: { text: string; everyMs: number }; giveUpMs?: number } = {},
): Promise<RawExchange> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true });
    const spaces = Buffer.alloc(64 * 1024, 0x20);
    const piece = feed === 'chunks' ? Buffer.concat([Buffer.from(`${spaces.length.toString(16)}\r\n`), spaces, Buffer.from('\r\n')]) : spaces;
    let answer = '';
    let sent = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(drip);
      socket.destroy();
      const [top = '', ...lines] = answer.split('\r\n\r\n')[0]!.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ answer, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(top)?.[1] ?? 0), headers, sent, closed, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish(false), giveUpMs);
    // A slow client: one character of `trickle.text` at a time, over and over, until the collector gives up on it.
    let dripped = 0;
    const drip = trickle
      ? setInterval(() => {
          if (done || socket.destroyed) return void clearInterval(drip);
          socket.write(trickle.text[dripped++ % trickle.text.length]!);
        }, trickle.everyMs)
      : undefined;
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('end', () => {
      if (!feed && !trickle) finish(true);
    });
    const pump = () => {
      while (!done && feed) {
        sent += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
    };
    socket.once('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

/** A request head for rawExchange. */
export function rawHead(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}

/**
 * A client that leaves mid-body: it sends the headers with `Expect: 100-continue`, waits for the collector's
 * 100 Continue (so the request has reached the handler), sends part of the body and disconnects, with a FIN or,
 * with `reset`, an RST. Resolves once the socket is closed.
 */
export function abortMidBody(base: string, { reset = false, headers = {} }: { reset?: boolean; headers?: Record<string, string> } = {}): Promise<void> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(rawHead('POST', '/events', { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': 1_000, Expect: '100-continue', ...headers }));
    });
    socket.once('data', (d: Buffer) => {
      if (!d.toString('latin1').startsWith('HTTP/1.1 100')) return void reject(new Error(`expected 100 Continue, got ${d.toString('latin1').slice(0, 40)}`));
      socket.write('{"v":1,"type":"zero_');
      // Let the bytes leave before the disconnect, so the collector sees a body that stops short.
      setTimeout(() => (reset ? socket.resetAndDestroy() : socket.destroy()), 5);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}
