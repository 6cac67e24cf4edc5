/**
 * The pages of the last build, for Astro to copy instead of rendering again (its experimental incremental build,
 * keyed by articlePageKey in src/site-data.ts). Astro trusts what its cache folder holds, so this module makes sure
 * it holds only what a finished build wrote:
 *
 * - one build at a time uses it (a lock file naming the build's process); a second build beside it renders every
 *   page, as without a cache, rather than mixing its pages with the other's;
 * - a build that finished records each cached page's size and SHA-256, and the SHA-256 of Astro's manifest (which
 *   says which key each page was rendered for); the next one takes that record away before it starts (so a build
 *   stopped half-way leaves none) and deletes every cached page that does not match it, which Astro then renders.
 *   Without a record, or with a manifest other than the recorded one, nothing cached is trusted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Astro's names inside its cache folder (astro/dist/core/build/incremental.js). */
const astroManifest = 'incremental-build.json';
const astroPages = 'dist';
const record = 'verified.json';
const lock = 'lock';

export interface PageCache {
  /** Astro's `cacheDir` for this build. */
  dir: string;
  /** Cached pages that were not as recorded (deleted, so Astro renders them). */
  discarded: number;
  /** After Astro: how many pages it copied from the cache, of how many it keyed. */
  reused(): { reused: number; keyed: number };
  /** The build finished (`ok`) or failed: record what the cache holds now, and let the next build in. */
  close(ok: boolean): void;
}

/** Whether a process with this id is running (EPERM: it is, as another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('base64url');
const digestOf = (path: string) => (existsSync(path) ? sha256(path) : 'none');

/** The lock for this process: free, or left by a build whose process is gone. False while another build holds it. */
function takeLock(file: string): boolean {
  const take = () => {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      return false;
    }
  };
  if (take()) return true;
  let holder: number;
  try {
    holder = Number(readFileSync(file, 'utf8').trim());
  } catch {
    return take(); // let go of meanwhile
  }
  if (holder > 0 && holder !== process.pid && processAlive(holder)) return false;
  rmSync(file, { force: true });
  return take();
}

function cachedPages(dir: string): string[] {
  try {
    return readdirSync(join(dir, astroPages), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(join(dir, astroPages), join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

/** Each page in Astro's manifest (route, code hash and path) → its cache key and cached file; empty without one. */
function manifestPages(dir: string): Map<string, { cacheKey: string; outputFile: string }> {
  const pages = new Map<string, { cacheKey: string; outputFile: string }>();
  try {
    const manifest = JSON.parse(readFileSync(join(dir, astroManifest), 'utf8'));
    for (const [component, route] of Object.entries<any>(manifest.routes ?? {})) {
      for (const [path, entry] of Object.entries<any>(route.paths ?? {})) pages.set(`${component}\0${route.dependencyHash}\0${path}`, entry);
    }
  } catch {
    // No manifest: nothing is reused.
  }
  return pages;
}

/**
 * Take the page cache in `dir` for this build, or undefined when another running build holds it. Call `close`
 * whatever happens.
 */
export function openPageCache(dir: string): PageCache | undefined {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, lock);
  if (!takeLock(lockFile)) return undefined;
  let verified: Record<string, { size: number; sha256: string }> | undefined;
  try {
    const last = JSON.parse(readFileSync(join(dir, record), 'utf8'));
    // Astro's manifest says which key each cached page was rendered for: it must be the one that build left.
    if (last.manifest === digestOf(join(dir, astroManifest))) verified = last.pages;
  } catch {
    verified = undefined;
  }
  // From here until close(true), the cache has no record: if this build stops, the next one trusts nothing.
  rmSync(join(dir, record), { force: true });
  let discarded = 0;
  /** The cached pages found as recorded, with their size and modification time now. */
  const checked = new Map<string, { size: number; mtimeMs: number; sha256: string }>();
  if (!verified) {
    discarded = cachedPages(dir).length;
    rmSync(join(dir, astroPages), { recursive: true, force: true });
    rmSync(join(dir, astroManifest), { force: true });
  } else {
    for (const page of cachedPages(dir)) {
      const path = join(dir, astroPages, page);
      const want = verified[page];
      const { size, mtimeMs } = statSync(path);
      if (want && size === want.size && sha256(path) === want.sha256) {
        checked.set(page, { size, mtimeMs, sha256: want.sha256 });
        continue;
      }
      rmSync(path, { force: true });
      discarded++;
    }
  }
  const previous = manifestPages(dir);
  // Astro names a cached page by its URL relative to the output folder (percent-encoded): as a path under dist/.
  const pagesRoot = pathToFileURL(join(dir, astroPages, '/'));
  const asPath = (outputFile: string) => relative(fileURLToPath(pagesRoot), fileURLToPath(new URL(outputFile, pagesRoot)));
  return {
    dir,
    discarded,
    reused() {
      // Astro copies a page whose route code, path and key are as last time, if its cached file is there.
      const now = manifestPages(dir);
      let reused = 0;
      for (const [page, entry] of now) if (previous.get(page)?.cacheKey === entry.cacheKey && checked.has(asPath(entry.outputFile))) reused++;
      return { reused, keyed: now.size };
    },
    close(ok) {
      try {
        if (ok) {
          const pages: Record<string, { size: number; sha256: string; mtimeMs?: number }> = {};
          for (const page of cachedPages(dir)) {
            const path = join(dir, astroPages, page);
            const { size, mtimeMs } = statSync(path);
            // A page checked when the build started and not written since keeps its digest; the others are read.
            const before = checked.get(page);
            pages[page] = { size, mtimeMs, sha256: before && before.size === size && before.mtimeMs === mtimeMs ? before.sha256 : sha256(path) };
          }
          writeFileSync(join(dir, `${record}.${process.pid}`), JSON.stringify({ manifest: digestOf(join(dir, astroManifest)), pages }));
          renameSync(join(dir, `${record}.${process.pid}`), join(dir, record));
        }
      } finally {
        rmSync(lockFile, { force: true });
      }
    },
  };
}
