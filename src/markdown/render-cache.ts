import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ImageAsset } from '../content/image-assets.ts';
import type { RenderInput, RenderedArticle } from './render-article.ts';
import type { RenderSetup } from './render-setup.ts';
import type { RenderOutput } from './render-pool.ts';
import { inDevServer } from '../build/dev-mode.ts';
import { buildCache, hash, type BuildCache } from '../build/build-cache.ts';
import { pipelineFingerprint } from './pipeline-fingerprint.ts';
import { downloadTypes, imageTypes } from '../content/asset-types.ts';

interface Entry {
  result: RenderedArticle;
  /** The images this article's HTML points at, so a cached article still publishes them. */
  assets: ImageAsset[];
}

const cacheKey = Symbol.for('kb-site.render-cache');
type Holder = { entries: Map<string, Entry> };

/**
 * In `astro dev`, keep rendered articles between reads of the knowledge base: after a save, only the edited
 * article is rendered again. An article's HTML depends on its own text, on every article's and category's URL
 * (its links) and on the images (their content-hashed URLs), so all three are in the key: a new article or a
 * changed image renders everything again, which is still correct and rare.
 *
 * What is not in memory (the first read after `npm run dev` starts, or a changed article) comes from the build
 * cache when dev has one (src/integration.ts starts it): a dev server started after a build, or after an earlier
 * dev session, renders only what changed since, not the whole help center.
 */
export async function renderCached(setup: RenderSetup, inputs: RenderInput[], render: (inputs: RenderInput[]) => Promise<RenderOutput>, cache = buildCache()): Promise<RenderOutput> {
  if (!inDevServer()) return cache ? renderWithBuildCache(cache, setup, inputs, render) : render(inputs);
  const g = globalThis as typeof globalThis & { [cacheKey]?: Holder };
  const holder = (g[cacheKey] ??= { entries: new Map() });
  const shared = digest(JSON.stringify(setup) + assetStamp(setup.contentDir));
  const keys = inputs.map((input) => shared + digest(JSON.stringify(input)));
  const missing = inputs.flatMap((input, i) => (holder.entries.has(keys[i]!) ? [] : [{ input, key: keys[i]! }]));
  const todo = missing.map((m) => m.input);
  const fresh = !missing.length ? { results: [], images: [] } : cache ? await renderWithBuildCache(cache, setup, todo, render) : await render(todo);
  const next = new Map<string, Entry>();
  missing.forEach((m, i) => {
    const result = fresh.results[i]!;
    next.set(m.key, { result, assets: fresh.images.filter((a) => result.html.includes(a.url)) });
  });
  for (const key of keys) if (!next.has(key)) next.set(key, holder.entries.get(key)!);
  holder.entries = next; // only what this read used: deleted and edited articles leave the cache
  const images = new Map<string, ImageAsset>();
  for (const key of keys) for (const a of next.get(key)!.assets) images.set(a.url, a);
  for (const a of fresh.images) images.set(a.url, a);
  return { results: keys.map((k) => next.get(k)!.result), images: [...images.values()] };
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Whether an article's HTML can depend on a file's bytes: only images and downloads are read (for their
 * content-hashed URL, an SVG's sanitized copy); of any other file (`_category.yml`, `_synonyms.yml`, a `.txt` an
 * article links to) only whether it is there counts. So saving a category's title or a synonym renders nothing again.
 */
const readByRenderer = (name: string) => {
  const ext = extname(name).toLowerCase();
  return ext in imageTypes || ext in downloadTypes;
};

/** Every file in the content folder other than Markdown, sorted: its path, and for an image or a download `what(path)`. */
function contentFilesKey(contentDir: string, what: (path: string) => string | undefined): string {
  const parts: string[] = [];
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || extname(entry.name).toLowerCase() === '.md') continue;
    const path = join(entry.parentPath, entry.name);
    if (!readByRenderer(entry.name)) {
      parts.push(path);
      continue;
    }
    const part = what(path);
    if (part !== undefined) parts.push(`${path}\0${part}`);
  }
  return parts.sort().join('\n');
}

/** Dev's key of the files: an image's or download's size and modification time. */
function assetStamp(contentDir: string): string {
  return contentFilesKey(contentDir, (path) => {
    const s = statSync(path, { throwIfNoEntry: false });
    return s ? `${s.size}\0${s.mtimeMs}` : undefined;
  });
}

export const renderCacheKind = 'render';

/**
 * A build's version of the same: rendered articles are kept in the persistent build cache, keyed by the article's
 * text and place, the pipeline's fingerprint (plugins, renderer, labels, package versions), the site setup (every
 * article's and category's URL, the limits) and the bytes of every asset file. An entry that does not read back
 * whole is rendered again. Articles that failed are never kept: a render over its time budget depends on the load.
 */
export async function renderWithBuildCache(cache: BuildCache, setup: RenderSetup, inputs: RenderInput[], render: (inputs: RenderInput[]) => Promise<RenderOutput>): Promise<RenderOutput> {
  const shared = hash(pipelineFingerprint(), JSON.stringify(setup), assetDigest(setup.contentDir));
  const keys = inputs.map((input) => hash(shared, JSON.stringify(input)));
  const entries: (Entry | undefined)[] = keys.map((key) => parseEntry(cache.read(renderCacheKind, key)));
  const missing = inputs.flatMap((input, i) => (entries[i] ? [] : [{ input, i }]));
  const fresh = missing.length ? await render(missing.map((m) => m.input)) : { results: [], images: [] };
  missing.forEach((m, j) => {
    const result = fresh.results[j]!;
    const entry = { result, assets: fresh.images.filter((a) => result.html.includes(a.url)) };
    entries[m.i] = entry;
    if (!result.failure) cache.write(renderCacheKind, keys[m.i]!, JSON.stringify(entry));
  });
  const images = new Map<string, ImageAsset>();
  for (const e of entries) for (const a of e!.assets) images.set(a.url, a);
  for (const a of fresh.images) images.set(a.url, a);
  return { results: entries.map((e) => e!.result), images: [...images.values()] };
}

function parseEntry(bytes: Buffer | undefined): Entry | undefined {
  if (!bytes) return undefined;
  try {
    const entry = JSON.parse(bytes.toString('utf8')) as Entry;
    return typeof entry?.result?.html === 'string' && Array.isArray(entry.assets) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** A build's key of the files: an image's or download's content hash (mtimes change on every checkout). */
function assetDigest(contentDir: string): string {
  return contentFilesKey(contentDir, (path) => {
    try {
      return createHash('sha256').update(readFileSync(path)).digest('base64url');
    } catch {
      return 'unreadable';
    }
  });
}
