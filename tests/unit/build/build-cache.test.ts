import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/content/knowledge-base.ts';
import { openBuildCache, pruneBuildCache, resolveCacheDir, startBuildCache } from '../../../src/build/build-cache.ts';
import { compressFiles } from '../../../src/build/compress-files.ts';
import { pipelineFingerprint } from '../../../src/markdown/pipeline-fingerprint.ts';

const fixture = join(import.meta.dirname, '../../fixtures/content/basic');
const temp = mkdtempSync(join(tmpdir(), 'kb-build-cache-'));
afterAll(() => {
  startBuildCache(undefined);
  rmSync(temp, { recursive: true, force: true });
});

const load = (configPath = join(temp, 'none.yml')) => loadKnowledgeBase({ contentDir: fixture, configPath, gitDates: false });
/** What a build takes from the knowledge base: every article field and the images to publish. */
const snapshot = (kb: Awaited<ReturnType<typeof load>>) => JSON.stringify({ a: kb.allArticles, i: kb.invalidArticles, img: [...kb.images].sort((x, y) => x.url.localeCompare(y.url)), d: kb.diagnostics });

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]));
}

/** Flip one byte in the middle of every entry of a kind, as a disk error or an interrupted copy would. */
function corrupt(cacheDir: string, kind: string): number {
  let n = 0;
  for (const e of readdirSync(cacheDir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    if (!e.isFile() || !path.includes(`/${kind}/`)) continue;
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 0x20;
    writeFileSync(path, bytes);
    n++;
  }
  return n;
}

describe('build cache', () => {
  it('lives in .kb-cache/build in the project folder unless KB_CACHE_DIR says otherwise, and KB_CACHE=0 turns it off', () => {
    expect(resolveCacheDir({})).toBe(join(process.cwd(), '.kb-cache', 'build'));
    expect(resolveCacheDir({ KB_CACHE_DIR: '/var/cache/kb' })).toBe('/var/cache/kb');
    expect(resolveCacheDir({ KB_CACHE: '0' })).toBeUndefined();
    expect(resolveCacheDir({})!.split('/')).not.toContain('node_modules');
  });

  it('reads back what it wrote, and treats a truncated or altered entry as a miss', () => {
    const cache = openBuildCache(join(temp, 'entries'));
    cache.write('k', 'abc123', 'hello');
    expect(cache.read('k', 'abc123')?.toString()).toBe('hello');
    expect(cache.read('k', 'missing')).toBeUndefined();
    const path = join(temp, 'entries/kb-cache-1/k/ab/abc123');
    writeFileSync(path, readFileSync(path).subarray(0, 20));
    expect(cache.read('k', 'abc123')).toBeUndefined();
    cache.write('k', 'abc123', 'hello');
    corrupt(join(temp, 'entries'), 'k');
    expect(cache.read('k', 'abc123')).toBeUndefined();
    expect(cache.stats.corrupt).toBe(2);
  });

  it('renders the same articles from a warm, a corrupted and a cold cache', async () => {
    const cold = snapshot(await load());
    const dir = join(temp, 'render');
    const filling = startBuildCache(dir)!;
    expect(snapshot(await load())).toBe(cold);
    expect(filling.stats.hits).toBe(0);
    const warm = startBuildCache(dir)!;
    expect(snapshot(await load())).toBe(cold);
    expect(warm.stats.misses).toBe(0);
    expect(corrupt(dir, 'render')).toBeGreaterThanOrEqual(3);
    const broken = startBuildCache(dir)!;
    expect(snapshot(await load())).toBe(cold);
    expect(broken.stats.corrupt).toBeGreaterThanOrEqual(3);
    startBuildCache(undefined);
  });

  it('does not reuse articles rendered under another setting', async () => {
    const config = join(temp, 'kb.config.yml');
    writeFileSync(config, 'url: https://help.example.com/docs\n');
    const coldOther = snapshot(await load(config));
    const dir = join(temp, 'setting');
    startBuildCache(dir);
    const before = snapshot(await load());
    const after = snapshot(await load(config));
    startBuildCache(undefined);
    expect(after).not.toBe(before); // links now start with /docs
    expect(after).toBe(coldOther);
  });

  it('fingerprints the pipeline by its source files and package versions', () => {
    const src = join(temp, 'plugins');
    mkdirSync(src);
    writeFileSync(join(src, 'rehype-x.ts'), 'export default 1');
    const first = pipelineFingerprint([src], ['unified']);
    expect(pipelineFingerprint([src], ['unified'])).toBe(first);
    writeFileSync(join(src, 'rehype-x.ts'), 'export default 2');
    expect(pipelineFingerprint([src], ['unified'])).not.toBe(first);
    expect(pipelineFingerprint([src], ['unified', 'remark-gfm'])).not.toBe(pipelineFingerprint([src], ['unified']));
  });

  it('writes the same compressed copies from a warm or corrupted cache as without one', async () => {
    const files = (name: string) => {
      const dir = join(temp, name);
      mkdirSync(dir);
      return Array.from({ length: 6 }, (_, i) => {
        const file = join(dir, `p${i}.html`);
        writeFileSync(file, `<p>${'ヘルプ center '.repeat(60 + i)}</p>`);
        return { file, hashed: i === 0 };
      });
    };
    await compressFiles(files('cold'));
    const cache = startBuildCache(join(temp, 'compress'))!;
    await compressFiles(files('fill'), { minimumForWorkers: 1 });
    expect(corrupt(cache.dir, 'compressed')).toBe(6);
    const again = startBuildCache(cache.dir)!;
    await compressFiles(files('warm'), { minimumForWorkers: 1 });
    expect(tree(join(temp, 'warm'))).toEqual(tree(join(temp, 'cold')));
    expect(tree(join(temp, 'fill'))).toEqual(tree(join(temp, 'cold')));
    pruneBuildCache(again, ['compressed']);
    startBuildCache(undefined);
  });

  it('builds the same site from a warm cache with corrupted entries as without a cache, and an edit changes only its page', { timeout: 180_000 }, async () => {
    // The same articles twice, one of them edited in the second copy. Each build reads its own copy as `content`.
    const dir = join(temp, 'site');
    cpSync(fixture, join(dir, 'a/content'), { recursive: true });
    cpSync(fixture, join(dir, 'b/content'), { recursive: true });
    const edited = join(dir, 'b/content/en/billing/request-a-refund.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nZebrafish quokka, a sentence added after the first build.\n`);
    const build = (copy: 'a' | 'b', out: string, env: Record<string, string> = {}) =>
      promisify(execFile)(process.execPath, ['scripts/build.ts', `--out=${join(dir, out)}`], {
        env: { ...process.env, KB_CONTENT_DIR: join(dir, copy, 'content'), KB_CONFIG: join(dir, 'none.yml'), KB_CACHE_DIR: join(dir, 'cache'), KB_QUIET: '1', ...env },
      });
    // Two builds at once into folders outside the project (Astro would share the project's .astro/ between them):
    // the original with an empty cache, and the edited copy with no cache at all.
    const [first] = await Promise.all([build('a', 'cold'), build('b', 'uncached', { KB_CACHE: '0' })]);
    expect(first.stdout).toMatch(/^Built 3 articles in 2 languages into .*cold in [\d.]+ s\.$/m);
    // Nothing changed and the output is as it was: the build says so, shows the same warnings, and writes nothing.
    const cold = tree(join(dir, 'cold'));
    expect(cold.size).toBeGreaterThan(20);
    const again = await build('a', 'cold');
    expect(again.stdout).toMatch(/^Nothing changed since the last build: .*cold already holds 3 articles in 2 languages \(checked in [\d.]+ s; --no-cache builds anyway\)\.$/m);
    expect(again.stderr).toBe(first.stderr);
    expect(tree(join(dir, 'cold'))).toEqual(cold);

    // The edited copy with the cache the first build left, its renders corrupted and half its compressed copies
    // garbage (the other half is reused): the same bytes as the build that had no cache.
    corrupt(join(dir, 'cache'), 'render');
    const compressed = readdirSync(join(dir, 'cache'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.parentPath.includes('/compressed/'));
    for (const e of compressed.slice(0, compressed.length >> 1)) writeFileSync(join(e.parentPath, e.name), 'garbage');
    // And one of the pages Astro keeps to copy, altered: it is rendered again, not copied.
    const cachedPage = readdirSync(join(dir, 'cache'), { recursive: true, withFileTypes: true }).find((e) => e.isFile() && join(e.parentPath, e.name).endsWith('/pages/dist/en/billing/billing-faq/index.html'))!;
    writeFileSync(join(cachedPage.parentPath, cachedPage.name), readFileSync(join(cachedPage.parentPath, cachedPage.name), 'utf8').replace('<h1', '<h1 data-stale'));
    const warmBuild = await build('b', 'warm');
    const warm = tree(join(dir, 'warm'));
    expect(warm).toEqual(tree(join(dir, 'uncached')));
    // The third article's page was copied: the edited one and the altered copy were rendered.
    expect(warmBuild.stdout).toMatch(/^Rendered 2 article pages again; 1 had not changed since the last build and were copied from the cache\.$/m);

    // Pages point at the fixed manifest copy, so an edit changes the edited page and the search index, not every page.
    const page = cold.get('en/billing/billing-faq/index.html')!.toString();
    expect(page).toContain('data-manifest="/_search/en/manifest.json"');
    const hashed = [...cold.keys()].find((f) => /^_search\/en\/manifest\.\w+\.json$/.test(f))!;
    expect(cold.get('_search/en/manifest.json')).toEqual(cold.get(hashed));
    expect(cold.get('_headers')!.toString()).toMatch(/\/_search\/\*\/manifest\.json\n  Cache-Control: public, max-age=0, must-revalidate/);
    const changedPages = [...warm].filter(([f, bytes]) => f.endsWith('.html') && !cold.get(f)?.equals(bytes)).map(([f]) => f);
    expect(changedPages).toEqual(['en/billing/request-a-refund/index.html']);
  });
});
