import type { IncomingMessage, ServerResponse } from 'node:http';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { getKnowledgeBase, invalidateKnowledgeBase } from '../content/knowledge-base.ts';
import { resolveConfigPath, resolveContentDir } from '../content/project-paths.ts';
import { basePath, stripBase } from '../content/site-url.ts';
import { getSearchIndex, serveSearchIndexInDev } from './search-index.ts';
import { checkKnowledgeBase } from '../content/checks.ts';
import { brandStylesheetId } from './brand-stylesheet.ts';
import { customStylesheetId } from './custom-stylesheet.ts';
import { formatDiagnostic } from '../content/diagnostics.ts';
import { widgetFiles } from './widget-files.ts';
import type { Diagnostic, KnowledgeBase } from '../content/model.ts';

/** The files the knowledge base is read from: the content folder (articles, `_category.yml`, synonyms, images) and the config. */
export function watchedSources(): { contentDir: string; configPath: string } {
  return { contentDir: resolveContentDir(), configPath: resolveConfigPath() };
}

/**
 * What the dev server's watcher leaves alone in the project folder: build output (`dist/`, and the folders a build
 * stages and swaps), the build caches, and this repository's scratch folder. Vite watches the whole project, and
 * a large help center's `dist/` and `.kb-cache/` hold hundreds of thousands of files: walking them made the first
 * page wait 40 s and hit the system's limit on file watchers (ENOSPC), past which files go unwatched. The content
 * folder and the config are watched wherever they are, even inside one of these.
 */
export function devWatchIgnored(root: string, keep: readonly string[]): (path: string) => boolean {
  const skipped = ['dist', '.kb-cache', '.tmp'].map((name) => join(root, name));
  const staged = ['staging', 'old'].map((kind) => `${join(root, 'dist')}.${kind}-`);
  const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
  return (path) => {
    const file = resolve(path);
    if (keep.some((k) => inside(file, k) || inside(k, file))) return false;
    return skipped.some((dir) => inside(file, dir)) || staged.some((prefix) => file.startsWith(prefix));
  };
}

/**
 * `astro dev` for writers: the site from memory, as `dist/` would have it (pages, search index, images), and a
 * browser reload as soon as the knowledge base has been read again after a save. The content is not a Vite module
 * graph, so Vite alone would neither notice an edit nor know which pages it changes: every page reloads.
 */
export function setupDevServer(server: ViteDevServer): void {
  const { contentDir, configPath } = watchedSources();
  server.watcher.add([contentDir, configPath]);
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  server.watcher.on('all', (_event, path) => {
    const file = resolve(path);
    if (file !== configPath && !file.startsWith(contentDir + sep)) return;
    invalidateKnowledgeBase();
    changed.add(file);
    // An editor's save is often several events (write, rename, chmod): reload once for all of them.
    clearTimeout(timer);
    timer = setTimeout(() => void reload(server, [...changed].map(shortName), changed), 30);
  });
  server.middlewares.use(serveSearchIndexInDev);
  server.middlewares.use(serveAssetsInDev);
  server.middlewares.use(serveWidgetInDev);
  server.middlewares.use(showContentErrorsInDev);
}

async function reload(server: ViteDevServer, names: string[], changed: Set<string>) {
  const files = [...changed];
  changed.clear();
  const started = performance.now();
  // Read the knowledge base again before the browser asks for the page, so the reload shows the edit at once.
  const stamp = () => files.map((f) => statSync(f, { throwIfNoEntry: false })).map((s) => (s ? `${s.mtimeMs}:${s.size}` : '-')).join('|');
  let before = stamp();
  let kb = await getKnowledgeBase().catch(() => undefined);
  // A save still being written while it was read (emptied, then filled: the watcher may report only the first
  // change): read it again once it holds still, rather than show the half-written file until the next save.
  for (let again = 0; again < 5 && stamp() !== before; again++) {
    invalidateKnowledgeBase();
    before = stamp();
    kb = await getKnowledgeBase().catch(() => undefined);
  }
  const errors = kb ? contentErrors(kb) : [];
  const took = Math.round(performance.now() - started);
  server.config.logger.info(`[kb] ${names.join(', ')} changed: content read again in ${took} ms${errors.length ? `, ${errors.length} error${errors.length === 1 ? '' : 's'}` : ''}; reloading the browser`, { timestamp: true });
  for (const e of errors) server.config.logger.error(formatDiagnostic(e));
  // The brand colours and the customCss list are virtual stylesheets made from kb.config.yml: Vite must load them again.
  for (const environment of Object.values(server.environments ?? {})) {
    for (const id of [brandStylesheetId, customStylesheetId]) {
      const sheet = environment.moduleGraph.getModuleById(`\0${id}`);
      if (sheet) environment.moduleGraph.invalidateModule(sheet);
    }
  }
  const hot = server.environments?.client?.hot ?? server.ws;
  hot.send({ type: 'full-reload', path: '*' });
  // The search index is not needed for the page itself: build it while the browser reloads.
  setTimeout(() => void getSearchIndex().catch(() => {}), 100);
}

/** A changed file as the writer knows it: relative to the working directory, or to the content folder's parent. */
function shortName(file: string): string {
  const { contentDir } = watchedSources();
  for (const from of [process.cwd(), dirname(contentDir)]) {
    const name = relative(from, file);
    if (name && !name.startsWith('..') && !isAbsolute(name)) return name;
  }
  return file;
}

/** What the build would stop on: the file-level problems and the cross-file checks (links, anchors, images). */
function contentErrors(kb: KnowledgeBase): Diagnostic[] {
  return [...kb.diagnostics, ...checkKnowledgeBase(kb)].filter((d) => d.severity === 'error');
}

/**
 * While the content has errors, every page shows them, as `npm run build` would print them (file:line, message,
 * fix), instead of a half-rendered page or a stack trace. The page reloads by itself after the next save.
 */
export function showContentErrorsInDev(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
  const path = req.url?.split('?')[0] ?? '';
  if (req.method !== 'GET' || !/text\/html/.test(req.headers.accept ?? '') || /^\/(@|_search\/|_assets\/|src\/|node_modules\/)/.test(path)) return next();
  getKnowledgeBase().then((kb) => {
    const errors = contentErrors(kb);
    if (!errors.length) return next();
    const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);
    const items = errors.map((e) => `<li><code>${escape(e.line ? `${e.file}:${e.line}` : e.file)}</code> ${escape(e.message)}${e.hint ? `<br><span>${escape(e.hint)}</span>` : ''}</li>`);
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${errors.length} content error${errors.length === 1 ? '' : 's'}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}h1{font-size:1.4rem;color:#b42318}li{margin:.75rem 0}code{font-weight:600}span{color:#4a5562}</style>
<script type="module" src="${basePath(kb.config.url)}/@vite/client"></script></head><body><main><h1>The help center cannot be built: ${errors.length} error${errors.length === 1 ? '' : 's'} in the content</h1>
<ol data-kb-content-errors>${items.join('')}</ol><p>Fix them and save: this page reloads by itself.</p></main></body></html>`);
  }, next);
}

const types: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/** Article images under `/_assets/`, at the same content-hashed URLs the build copies them to. */
export function serveAssetsInDev(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
  if (!req.url?.includes('/_assets/')) return next();
  getKnowledgeBase().then(async (kb) => {
    const path = decodeURI(stripBase(basePath(kb.config.url), req.url!.split('?')[0]!));
    const image = kb.images.find((i) => i.url === path);
    if (!image) return next();
    // An SVG is served as the build publishes it: rewritten from the allowlist, never the writer's bytes.
    const body = image.body ?? (await readFile(image.source));
    res.setHeader('Content-Type', types[extname(image.url).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(body);
  }, next).catch(next);
}

const widgetTypes: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' };
/** The widget's files of one reading of the knowledge base: made when first asked for, until the next save. */
const widgetMemo = new WeakMap<KnowledgeBase, Promise<Map<string, string>>>();

/**
 * The embeddable widget (`/_widget/`) and its demo product page (`/widget-demo/`) from memory, as the build writes
 * them (src/build/widget-files.ts): a writer can try the widget on their edits before they build. The demo page
 * gets Vite's client, so it reloads after a save like every other page.
 */
export function serveWidgetInDev(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\/(_widget|widget-demo)\//.test(req.url?.split('?')[0] ?? '')) return next();
  getKnowledgeBase().then(async (kb) => {
    const path = decodeURI(stripBase(basePath(kb.config.url), req.url!.split('?')[0]!));
    let files = widgetMemo.get(kb);
    if (!files) widgetMemo.set(kb, (files = widgetFiles(kb).then((list) => new Map(list.map((f) => [f.path, f.content])))));
    const file = path.endsWith('/') ? `${path}index.html` : path;
    let body = (await files).get(file);
    if (body === undefined) return next();
    // The demo page reloads by itself after a save, as the site's pages do (the dev server's reload goes to Vite's client).
    if (file.endsWith('.html')) body = body.replace('</head>', `<script type="module" src="${basePath(kb.config.url)}/@vite/client"></script>\n</head>`);
    res.setHeader('Content-Type', widgetTypes[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : body);
  }, next).catch(next);
}
