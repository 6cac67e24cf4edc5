import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPageCache } from '../../../src/build/page-cache.ts';

const temp = mkdtempSync(join(tmpdir(), 'kb-page-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** What Astro leaves in its cache folder after a build: the cached pages and the manifest naming their keys. */
function astroWrites(dir: string, pages: Record<string, string>) {
  const paths: Record<string, { cacheKey: string; outputFile: string }> = {};
  for (const [file, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, 'dist', file)), { recursive: true });
    writeFileSync(join(dir, 'dist', file), body);
    paths[`/${dirname(file)}/`] = { cacheKey: `key of ${body}`, outputFile: encodeURI(file) };
  }
  writeFileSync(join(dir, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/a.astro': { dependencyHash: 'h', paths } } }));
}
const cached = (dir: string, file: string) => existsSync(join(dir, 'dist', file));

describe('page cache', () => {
  it('keeps the pages a finished build recorded, and counts those the next build reused', () => {
    const dir = join(temp, 'kept');
    const first = openPageCache(dir)!;
    astroWrites(dir, { 'en/a/index.html': 'A', 'ja/返金/index.html': 'B' });
    expect(first.reused()).toEqual({ reused: 0, keyed: 2 });
    first.close(true);
    const second = openPageCache(dir)!;
    expect(second.discarded).toBe(0);
    expect(cached(dir, 'en/a/index.html') && cached(dir, 'ja/返金/index.html')).toBe(true);
    astroWrites(dir, { 'en/a/index.html': 'A', 'ja/返金/index.html': 'B2' });
    expect(second.reused()).toEqual({ reused: 1, keyed: 2 });
    second.close(true);
  });

  it('deletes a cached page that is not as its build left it, so Astro renders it again', () => {
    const dir = join(temp, 'altered');
    const first = openPageCache(dir)!;
    astroWrites(dir, { 'en/a/index.html': 'Alpha', 'en/b/index.html': 'Beta', 'en/c/index.html': 'Gamma' });
    first.close(true);
    writeFileSync(join(dir, 'dist/en/a/index.html'), 'Alphx'); // same size, other bytes
    writeFileSync(join(dir, 'dist/en/b/index.html'), 'Bet'); // truncated
    const second = openPageCache(dir)!;
    expect(second.discarded).toBe(2);
    expect([cached(dir, 'en/a/index.html'), cached(dir, 'en/b/index.html'), cached(dir, 'en/c/index.html')]).toEqual([false, false, true]);
    // Astro renders the two again and keys them as before: only the third counts as reused.
    astroWrites(dir, { 'en/c/index.html': 'Gamma' });
    astroWrites(dir, { 'en/a/index.html': 'Alpha', 'en/b/index.html': 'Beta', 'en/c/index.html': 'Gamma' });
    expect(second.reused()).toEqual({ reused: 1, keyed: 3 });
    second.close(true);
  });

  it('trusts no cached page when Astro\'s manifest is not the one their build left', () => {
    const dir = join(temp, 'manifest');
    const first = openPageCache(dir)!;
    astroWrites(dir, { 'en/a/index.html': 'A' });
    first.close(true);
    // The page's recorded key changed after the fact: Astro would take the page for another key's.
    const manifest = join(dir, 'incremental-build.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('key of A', 'key of A2'));
    const next = openPageCache(dir)!;
    expect(next.discarded).toBe(1);
    expect(existsSync(manifest)).toBe(false);
    next.close(true);
  });

  it('trusts nothing after a build that did not finish, or failed', () => {
    const dir = join(temp, 'stopped');
    const first = openPageCache(dir)!;
    astroWrites(dir, { 'en/a/index.html': 'A' });
    first.close(true);
    // A build that stopped half-way: it took the record away and wrote a page, then its process went.
    const stopped = spawnSync(process.execPath, ['-e', `import('${new URL('../../../src/build/page-cache.ts', import.meta.url).href}').then((m) => { m.openPageCache(${JSON.stringify(dir)}); require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'dist/en/a/index.html'))}, 'A, half-way'); })`]);
    expect(stopped.status, stopped.stderr.toString()).toBe(0);
    const next = openPageCache(dir)!; // the lock names a process that is gone: taken over
    expect(next.discarded).toBe(1);
    expect(cached(dir, 'en/a/index.html')).toBe(false);
    expect(existsSync(join(dir, 'incremental-build.json'))).toBe(false);
    astroWrites(dir, { 'en/a/index.html': 'A' });
    next.close(false);
    expect(openPageCache(dir)!.discarded).toBe(1);
  });

  it('is not shared by two builds at once: the second renders every page', () => {
    const dir = join(temp, 'locked');
    openPageCache(dir)!.close(true);
    // Another build is running (here: this test's parent process holds the lock).
    writeFileSync(join(dir, 'lock'), String(process.ppid));
    expect(openPageCache(dir)).toBeUndefined();
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(String(process.ppid));
    rmSync(join(dir, 'lock'));
    const mine = openPageCache(dir)!;
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(String(process.pid));
    mine.close(true);
    expect(existsSync(join(dir, 'lock'))).toBe(false);
  });
});
