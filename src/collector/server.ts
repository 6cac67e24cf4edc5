/**
 * The reference event collector: plain `node:http`, one POST route. Every request gets a JSON answer and no
 * input can crash it: bodies are size-capped while streaming, decoded strictly, parsed, validated with the
 * shared zod schema, masked again, and stored by group commit (storage.ts). Nor can a client make it work for
 * nothing: a refused body is never read, slow headers and bodies get 408 on time, and clients that leave
 * mid-request are counted in /health rather than logged.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { limits, maskPii, siteEventSchema, type SiteEvent } from '../feedback/events.ts';
import { clientAddress, createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { openEventStore, schemaVersion, type EventStore } from './storage.ts';

// zod/mini ships without messages; the collector's 400 answers should say what was wrong in words.
z.config(en());

export interface CollectorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** SQLite file, created with its folder if missing. @default 'events.sqlite' */
  dbPath?: string;
  /** Origins (scheme://host[:port]) whose pages may send events, or ['*'] for any. @default ['*'] */
  allowedOrigins?: readonly string[];
  /** Per-client limit; `false` turns it off. @default { perMinute: 600 } */
  rateLimit?: false | Pick<RateLimitOptions, 'perMinute' | 'burst'>;
  /** Largest request body in bytes. @default 16384 */
  maxBodyBytes?: number;
  /** Time a client has to send the request line and headers, in ms; then it gets 408 and the connection closes. @default 10000 */
  headersTimeoutMs?: number;
  /** Time a client has, once its headers are in, to send the whole body, in ms; then 408 and the connection closes. @default 10000 */
  bodyTimeoutMs?: number;
  /** Proxies in front of the collector whose X-Forwarded-For entry is trusted (true = 1). @default false */
  trustProxy?: boolean | number;
  /** Where operational messages go (not one line per request). @default console.error */
  log?: (message: string) => void;
}

export interface Collector {
  /** Base URL, e.g. http://127.0.0.1:8787 (events go to `${url}/events`). */
  url: string;
  store: EventStore;
  /** Stop accepting, let requests in flight finish (at most 5 s), write what is queued, close the database. */
  close(): Promise<void>;
}

export const defaultCollectorOptions = {
  host: '127.0.0.1',
  port: 8787,
  dbPath: 'events.sqlite',
  allowedOrigins: ['*'],
  rateLimit: { perMinute: 600 },
  maxBodyBytes: limits.bodyMaxBytes,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  trustProxy: false,
} as const;

class HttpError extends Error {
  status: number;
  code: string;
  headers: Record<string, string>;
  details?: unknown;
  constructor(status: number, code: string, message: string, extra: { headers?: Record<string, string>; details?: unknown } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = extra.headers ?? {};
    this.details = extra.details;
  }
}

export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const o = { ...defaultCollectorOptions, ...options };
  for (const key of ['headersTimeoutMs', 'bodyTimeoutMs'] as const) {
    if (!Number.isInteger(o[key]) || o[key] <= 0) throw new RangeError(`${key}: expected a whole number of milliseconds above 0, got ${o[key]}`);
  }
  const log = options.log ?? ((m: string) => console.error(m));
  const anyOrigin = o.allowedOrigins.includes('*');
  const origins = new Set(o.allowedOrigins.map((x) => x.replace(/\/+$/, '').toLowerCase()));
  const trustProxy = o.trustProxy === true ? 1 : o.trustProxy === false ? 0 : Math.max(0, Math.floor(o.trustProxy));
  const limiter = o.rateLimit && o.rateLimit.perMinute > 0 ? createRateLimiter(o.rateLimit) : undefined;
  const store = openEventStore(o.dbPath);

  const originAllowed = (origin: string) => anyOrigin || origins.has(origin.toLowerCase());
  const aborts = countAborts(log);
  let timedOut = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    if (origin && anyOrigin) {
      // Any page may send, so no page may read an answer with the reader's credentials: '*' without
      // Allow-Credentials. sendBeacon's text/plain bodies need no CORS answer at all.
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else if (origin && originAllowed(origin)) {
      // Echo a listed origin rather than '*': sendBeacon uses credentials mode "include", for which '*' is refused.
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    // The CORS headers depend on the Origin header (even '*', sent only when there is one).
    res.setHeader('Vary', 'Origin');

    if (path === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'use GET', { headers: { Allow: 'GET, HEAD' } });
      return respond(req, res, 200, { json: { ok: true, schemaVersion, stored: store.count(), pending: store.pending(), aborted: aborts.total, timedOut } });
    }
    if (path !== '/events') throw new HttpError(404, 'not_found', 'events go to POST /events');
    if (origin && !originAllowed(origin)) throw new HttpError(403, 'origin_not_allowed', `origin ${origin} is not in the collector's --origin list`);
    if (req.method === 'OPTIONS') {
      return respond(req, res, 204, {
        headers: { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400', Allow: 'POST, OPTIONS' },
      });
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST', { headers: { Allow: 'POST, OPTIONS' } });

    if (limiter) {
      const decision = limiter.take(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy));
      if (!decision.ok) throw new HttpError(429, 'rate_limited', 'too many requests from this client', { headers: { 'Retry-After': String(decision.retryAfterSeconds) } });
    }
    checkContentType(req.headers['content-type']);
    const declared = Number(req.headers['content-length']);
    if (declared > o.maxBodyBytes) throw tooLarge(o.maxBodyBytes);
    const text = decodeUtf8(await readBody(req, o.maxBodyBytes, o.bodyTimeoutMs));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, 'invalid_json', `the body is not JSON: ${(error as Error).message}`);
    }
    const events = validate(body);
    try {
      await store.add(events);
    } catch (error) {
      log(`collector: ${(error as Error).message}`);
      throw new HttpError(503, 'storage_failed', 'the events could not be stored; try again later', { headers: { 'Retry-After': '10' } });
    }
    respond(req, res, 204);
  };

  // The answer in progress on each connection, so an error the HTTP parser finds mid-body is answered there.
  const inFlight = new WeakMap<Socket, ServerResponse>();
  // The body has its own timer (readBody); this is Node's backstop for a body nobody reads, and never fires first.
  const requestTimeoutMs = o.headersTimeoutMs + o.bodyTimeoutMs + 1_000;
  const server = createServer(
    {
      headersTimeout: o.headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node checks both only this often (30 s by default): check ten times per headers timeout, at most once a second.
      connectionsCheckingInterval: Math.min(1_000, Math.max(25, Math.round(o.headersTimeoutMs / 10))),
      keepAliveTimeout: 5_000,
      maxHeaderSize: 8_192,
    },
    (req, res) => {
      inFlight.set(req.socket, res);
      res.once('close', () => {
        if (inFlight.get(req.socket) === res) inFlight.delete(req.socket);
      });
      // Cut off before its body was in, and not by an answer of ours: the client went away.
      req.once('close', () => {
        if (!req.complete && !res.headersSent) aborts.add();
      });
      handle(req, res).catch((error: unknown) => {
        if (error instanceof ClientGone) return;
        if (error instanceof HttpError) {
          if (error.status === 408) timedOut++;
          return sendError(res, error, req);
        }
        log(`collector: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
        sendError(res, new HttpError(500, 'internal_error', 'unexpected error'), req);
      });
    },
  );
  // A malformed request line, header or chunk never reaches the handler as such; answer it and drop the connection.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A reset, or a FIN before the request was complete: the client is gone (counted as aborted if mid-request).
    if (!socket.writable || error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE') return void socket.destroy();
    const res = inFlight.get(socket);
    // The bad bytes follow a complete request still being answered (pipelining): answer it, then drop the connection.
    if (res?.req.complete) return void res.once('close', () => socket.destroy());
    let refusal: HttpError;
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      timedOut++;
      // With a request in flight, the backstop for its body fired; otherwise the header timeout.
      const [what, ms] = res ? ['request', requestTimeoutMs] : ['request headers', o.headersTimeoutMs];
      refusal = new HttpError(408, 'request_timeout', `the ${what} did not arrive within ${seconds(ms)}`);
    } else if (error.code === 'HPE_HEADER_OVERFLOW') {
      refusal = new HttpError(431, 'headers_too_large', 'the request headers are larger than 8 KB');
    } else {
      refusal = new HttpError(400, 'bad_request', 'malformed HTTP request');
    }
    if (res) return sendError(res, refusal, res.req);
    const body = JSON.stringify({ error: refusal.code, message: refusal.message });
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    // Not end(): the server keeps half-open sockets readable, and the client may still be sending.
    socket.destroySoon();
    destroyWithin(socket, 1_000);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      store.close();
      reject(error);
    });
    server.listen(o.port, o.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          aborts.report();
          try {
            store.close();
          } catch (error) {
            log(`collector: closing the database failed: ${(error as Error).message}`);
          }
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/**
 * Clients that disconnect mid-request are counted, not logged one by one: a thousand aborted beacons are no
 * thousand stack traces. At most one summary line a minute, and one for the rest on close.
 */
function countAborts(log: (message: string) => void, everyMs = 60_000) {
  let total = 0;
  let unreported = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    clearTimeout(timer);
    timer = undefined;
    if (unreported === 0) return;
    log(`collector: ${unreported} client${unreported === 1 ? '' : 's'} disconnected mid-request (${total} since start; /health counts them as "aborted")`);
    unreported = 0;
  };
  return {
    get total() {
      return total;
    },
    add() {
      total++;
      unreported++;
      timer ??= setTimeout(report, everyMs).unref();
    },
    report,
  };
}

function checkContentType(header: string | undefined): void {
  const [type = '', ...params] = (header ?? '').split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'unsupported_media_type', 'send JSON as text/plain;charset=UTF-8 (what sendBeacon uses for a string) or application/json');
  }
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new HttpError(415, 'unsupported_charset', 'the body must be UTF-8');
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, 'body_too_large', `the body is larger than ${max} bytes; send at most ${limits.batchMax} events per request`);
}

/** The client disconnected before its request was complete: nobody is left to answer. */
class ClientGone extends Error {}

/** The body, refused past `max` bytes or `timeoutMs` (the whole body, however slowly it trickles). */
function readBody(req: IncomingMessage, max: number, timeoutMs: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        stop();
        reject(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    // A promise settles once, so these are no-ops after 'end'.
    const onGone = () => {
      stop();
      reject(new ClientGone('the client disconnected mid-request'));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new HttpError(408, 'request_timeout', `the body did not arrive within ${seconds(timeoutMs)}`));
    }, timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onGone);
    req.on('close', onGone);
  });
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'the body is not valid UTF-8');
  }
}

/** One event or a batch; all-or-nothing, so a client never has to work out which half was kept. */
function validate(body: unknown): SiteEvent[] {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) throw new HttpError(400, 'empty_batch', 'the batch has no events');
  if (items.length > limits.batchMax) throw new HttpError(400, 'batch_too_large', `a batch holds at most ${limits.batchMax} events, this one has ${items.length}`);
  const events: SiteEvent[] = [];
  const issues: { index?: number; path: string; message: string }[] = [];
  items.forEach((item, index) => {
    const result = siteEventSchema.safeParse(item);
    if (result.success) {
      events.push(masked(result.data));
      return;
    }
    for (const issue of result.error.issues.slice(0, 5)) {
      issues.push({ ...(Array.isArray(body) ? { index } : {}), path: issue.path.join('.'), message: describeIssue(issue, item) });
    }
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    const where = `${first.index === undefined ? '' : `event ${first.index}`}${first.path ? `${first.index === undefined ? '' : ', '}${first.path}` : ''}`;
    throw new HttpError(400, 'invalid_event', `${where ? `${where}: ` : ''}${first.message}`, { details: issues.slice(0, 20) });
  }
  return events;
}

function describeIssue(issue: z.core.$ZodIssue, item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'an event must be a JSON object';
  return issue.message;
}

/** The browser masks already; this catches clients that do not. */
function masked(event: SiteEvent): SiteEvent {
  const e = { ...event } as SiteEvent & { query?: string; comment?: string };
  if (typeof e.query === 'string') e.query = maskPii(e.query);
  if (typeof e.comment === 'string') e.comment = maskPii(e.comment);
  return e;
}

/** Every answer goes out through here, so none can leave a refused body being read. */
function respond(req: IncomingMessage, res: ServerResponse, status: number, { headers = {}, json }: { headers?: Record<string, string>; json?: unknown } = {}): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const text = json === undefined ? undefined : JSON.stringify(json);
  const all: Record<string, string> = text === undefined ? { ...headers } : { ...jsonHeaders(text), ...headers };
  if (bodyUnread(req)) {
    all.Connection = 'close';
    dropAfterAnswer(req, res);
  }
  res.writeHead(status, all);
  res.end(req.method === 'HEAD' ? undefined : text);
}

function jsonHeaders(text: string): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** True while the request declares a body that has not fully arrived: answering now means refusing the rest. */
function bodyUnread(req: IncomingMessage): boolean {
  return !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
}

/**
 * Never read a body the collector has refused. Left alone, Node reads an unread body to its end to reach the next
 * request on the connection, whatever its size: a 4 GB Content-Length or an endless chunked stream is read in full.
 * Instead, stop reading, say `Connection: close`, and destroy the socket as soon as the answer is handed to the
 * kernel. A client still sending may see a reset rather than the answer; a beacon never reads it anyway.
 */
function dropAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  req.pause();
  res.once('finish', () => socket.destroy());
  destroyWithin(socket, 1_000);
}

/** A client that reads nothing may never take an answer off the socket: do not wait for it longer than `ms`. */
function destroyWithin(socket: Socket, ms: number): void {
  const timer = setTimeout(() => socket.destroy(), ms).unref();
  socket.once('close', () => clearTimeout(timer));
}

function sendError(res: ServerResponse, error: HttpError, req: IncomingMessage): void {
  respond(req, res, error.status, { headers: error.headers, json: { error: error.code, message: error.message, ...(error.details ? { issues: error.details } : {}) } });
}
