/**
 * Node's on-disk cache of compiled JavaScript (`module.enableCompileCache`), in `.kb-cache/node-compile/` of the
 * project folder: when the generator's code and its packages did not change, a build, a check or the dev server
 * starts without compiling them again (0.4 s of a small build's 3.5 CPU-seconds, measured). Node checks every entry
 * against the source it was made from, so a stale entry is recompiled, never run. Processes started from here get it
 * through `NODE_COMPILE_CACHE`. `KB_CACHE=0` leaves it off, as it does the build cache; so does Node's own
 * `NODE_DISABLE_COMPILE_CACHE`.
 *
 * Node never deletes an entry, and each build adds a few that no build reads again (Astro's page chunks sit in a
 * folder named after the build's process), so the folder is trimmed when it grows past `maxEntries`.
 */
import nodeModule from 'node:module';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** About three times what a build, the dev server and the test suite use together (measured: 2,100 for a build). */
export const maxEntries = 20_000;
/** Entries read within this long are kept when trimming (read times are coarse: Linux updates them about daily). */
const keepReadWithinMs = 3 * 24 * 3600 * 1000;

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (env.KB_CACHE === '0' || env.KB_CACHE === 'false' || env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = (env.NODE_COMPILE_CACHE ||= join(process.cwd(), '.kb-cache', 'node-compile'));
  trimCompileCache(dir);
  // Node 22.1 and later; on an older Node the processes it starts still read NODE_COMPILE_CACHE if they can.
  nodeModule.enableCompileCache?.(dir);
}

/**
 * Past `limit` entries: delete those not read lately, and if that is not enough, all of them (it is only a cache).
 * Returns how many were deleted.
 */
export function trimCompileCache(dir: string, limit = maxEntries, now = Date.now()): number {
  let entries: string[];
  try {
    // One folder per Node version and V8 flags, holding the entries.
    entries = readdirSync(dir).flatMap((version) => readdirSync(join(dir, version)).map((name) => join(dir, version, name)));
  } catch {
    return 0; // no cache yet, or not ours to read
  }
  if (entries.length <= limit) return 0;
  const stale = entries.filter((path) => {
    const s = statSync(path, { throwIfNoEntry: false });
    return !s || now - s.atimeMs > keepReadWithinMs;
  });
  const doomed = entries.length - stale.length > limit ? entries : stale;
  for (const path of doomed) rmSync(path, { force: true, recursive: true });
  return doomed.length;
}
