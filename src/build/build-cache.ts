/**
 * The persistent build cache (`.kb-cache/` in the project folder, or `KB_CACHE_DIR`): what a build computed and
 * the next one can reuse when its inputs are the same. Every entry is named by a hash of everything its value
 * depends on, and carries a hash of its own bytes; an entry that is missing, truncated, corrupt or from another
 * version reads as a miss, so the output never depends on what the cache holds (tests build both ways and compare).
 *
 * Never under node_modules: a packaged install may be read-only or shared.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Bumped when the format of any entry changes, so older entries are not read. */
const formatVersion = 'kb-cache-1';

export interface BuildCache {
  dir: string;
  /** The value stored under `kind/key`, or undefined for a miss (absent, corrupt, or unreadable). */
  read: (kind: string, key: string) => Buffer | undefined;
  write: (kind: string, key: string, value: Uint8Array | string) => void;
  /** Entries read or written by this build, per kind (the rest can be pruned). */
  used: Map<string, Set<string>>;
  stats: { hits: number; misses: number; corrupt: number };
}

/**
 * Where the cache lives: `KB_CACHE_DIR`, else `.kb-cache/build` in the working folder (its own folder: pruning
 * empties everything in it that is not this format's, and Astro's and Vite's caches sit beside it in `.kb-cache/`).
 * `KB_CACHE=0` turns it off (every build is then a cold build).
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KB_CACHE === '0' || env.KB_CACHE === 'false') return undefined;
  return resolve(env.KB_CACHE_DIR || join(process.cwd(), '.kb-cache', 'build'));
}

/** A key for a few parts; for many (a whole folder's files), use `hasher`: spreading them would overflow the stack. */
export const hash = (...parts: (string | Uint8Array)[]): string => {
  const h = hasher();
  for (const p of parts) h.add(p);
  return h.digest();
};

/** The same key as `hash`, fed one part at a time, so no list of every part (or of every file's bytes) is kept. */
export function hasher(): { add(part: string | Uint8Array): void; digest(): string } {
  const h = createHash('sha256');
  return {
    add: (part) => void h.update(part).update('\0'),
    digest: () => h.digest('base64url').slice(0, 32),
  };
}

export function openBuildCache(dir: string): BuildCache {
  const used = new Map<string, Set<string>>();
  const stats = { hits: 0, misses: 0, corrupt: 0 };
  const made = new Set<string>();
  const note = (kind: string, key: string) => keepCacheEntry({ used }, kind, key);
  const pathOf = (kind: string, key: string) => join(dir, formatVersion, kind, key.slice(0, 2), key);
  return {
    dir,
    used,
    stats,
    read(kind, key) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(pathOf(kind, key));
      } catch {
        stats.misses++;
        return undefined;
      }
      // 32 bytes of SHA-256 over the value, then the value.
      const value = bytes.subarray(32);
      if (bytes.length < 32 || !createHash('sha256').update(value).digest().equals(bytes.subarray(0, 32))) {
        stats.corrupt++;
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      note(kind, key);
      return value;
    },
    write(kind, key, value) {
      const data = typeof value === 'string' ? Buffer.from(value) : value;
      const path = pathOf(kind, key);
      const folder = join(path, '..');
      try {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true }), made.add(folder);
        // Written beside, then renamed: a build stopped half-way leaves no half-written entry under the real name.
        const temp = `${path}.${process.pid}.tmp`;
        writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]));
        renameSync(temp, path);
        note(kind, key);
      } catch {
        // A cache that cannot be written (read-only folder, full disk) only makes the next build slower.
      }
    },
  };
}

/** Count an entry as used by this build (one read or written by a worker thread's own cache object, too). */
export function keepCacheEntry(cache: Pick<BuildCache, 'used'>, kind: string, key: string): void {
  let set = cache.used.get(kind);
  if (!set) cache.used.set(kind, (set = new Set()));
  set.add(key);
}

/** A folder of the cache for what is not stored as entries (Astro's cached pages, src/build/page-cache.ts). */
export const cacheFolder = (cache: BuildCache, name: string): string => join(cache.dir, formatVersion, name);

/**
 * Delete the entries of the given kinds that this build did not use, so the cache holds one build's worth
 * (a renamed or edited article leaves its old entry behind otherwise). Older format versions go too.
 */
export function pruneBuildCache(cache: BuildCache, kinds: readonly string[]): void {
  try {
    for (const name of readdirSync(cache.dir)) if (name !== formatVersion) rmSync(join(cache.dir, name), { recursive: true, force: true });
    for (const kind of kinds) {
      const keep = cache.used.get(kind) ?? new Set();
      const root = join(cache.dir, formatVersion, kind);
      for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && !keep.has(entry.name)) rmSync(join(entry.parentPath, entry.name), { force: true });
      }
    }
  } catch {
    // Nothing to prune, or not ours to prune.
  }
}

const holderKey = Symbol.for('kb-site.build-cache');
type Holder = { [holderKey]?: BuildCache };

/**
 * Turn the cache on for this process (`scripts/build.ts` does, with `resolveCacheDir()`). Off by default, so
 * tests and tools that load the content in-process read and write nothing.
 */
export function startBuildCache(dir: string | undefined): BuildCache | undefined {
  const g = globalThis as typeof globalThis & Holder;
  if (dir) g[holderKey] = openBuildCache(dir);
  else delete g[holderKey];
  return g[holderKey];
}

/** The cache of this build process (shared by the modules Astro bundles separately), or undefined when off. */
export function buildCache(): BuildCache | undefined {
  return (globalThis as typeof globalThis & Holder)[holderKey];
}
