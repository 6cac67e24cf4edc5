import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface CapturedRequest {
  method: string;
  path: string;
  contentType: string;
  body: string;
}

export interface StaticServer {
  url: string;
  /** POST bodies sent to `/_events` (the test build's analytics endpoint). */
  events: CapturedRequest[];
  /** Every path requested, with the bytes sent, for transfer-size assertions. */
  log: { path: string; bytes: number; encoding?: string }[];
  close(): Promise<void>;
}

/**
 * Serves a built site like a static host: directory indexes, the 404 page, precompressed `.br`/`.gz`
 * when the browser accepts them, and the headers from `_headers` (so the CSP is enforced as a header too).
 * With `prefix` (`/help-center`) the site is served under that path, like a GitHub Pages project site,
 * and nothing outside it exists. With `bare`, it is served like a host that ignores `_headers` (GitHub Pages,
 * `npm run preview`), and the CSP meta tag is taken out of every page too: nothing but the content itself
 * stands between a payload and the browser.
 */
export async function startStaticServer(root: string, options: { prefix?: string; bare?: boolean } = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? '';
  const headers = options.bare ? () => ({}) : parseHeadersFile(join(root, '_headers'));
  const events: CapturedRequest[] = [];
  const log: StaticServer['log'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/_events' && req.method === 'POST') {
      events.push({ method: 'POST', path: url.pathname, contentType: req.headers['content-type'] ?? '', body: await readBody(req) });
      res.writeHead(204).end();
      return;
    }
    const inside = !prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
    let path = normalize(decodeURIComponent(url.pathname.slice(inside ? prefix.length : 0))).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    let file = join(root, path);
    let status = 200;
    if (!inside || !(await isFile(file))) {
      if (inside && (await isFile(`${file}/index.html`))) {
        res.writeHead(301, { Location: `${url.pathname}/` }).end();
        return;
      }
      file = join(root, '404.html');
      status = 404;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let encoding: string | undefined;
    let body: Buffer;
    if (options.bare && file.endsWith('.html')) body = Buffer.from((await readFile(file, 'utf8')).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/gi, ''));
    else if (accept.includes('br') && existsSync(`${file}.br`)) [encoding, body] = ['br', await readFile(`${file}.br`)];
    else if (accept.includes('gzip') && existsSync(`${file}.gz`)) [encoding, body] = ['gzip', await readFile(`${file}.gz`)];
    else body = await readFile(file);
    log.push({ path: url.pathname, bytes: body.length, encoding });
    res.writeHead(status, {
      ...headers(url.pathname),
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The `_headers` format: a path pattern line, then indented `Name: value` lines. */
function parseHeadersFile(file: string): (path: string) => Record<string, string> {
  const rules: { pattern: RegExp; headers: Record<string, string> }[] = [];
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      if (!/^\s/.test(line)) {
        rules.push({ pattern: new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`), headers: {} });
      } else {
        const i = line.indexOf(':');
        rules.at(-1)!.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
      }
    }
  }
  return (path) => Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}
