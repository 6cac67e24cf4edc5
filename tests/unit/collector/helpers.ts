import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
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
