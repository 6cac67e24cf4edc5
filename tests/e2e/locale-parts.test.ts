import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite, sites } from './global-setup.ts';

/**
 * A help center too big for one CI job builds one part per job (`npm run build -- --locales ja`) and a last job
 * merges them (`npm run merge`). The parts of the site global-setup built under a path, with a brand and the widget,
 * merged, must be that site byte for byte: every page, search file, widget file, sitemap entry and compressed copy.
 */
const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'kb-parts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** Every file under `dir`, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]));
}

describe('a build split by locale across CI jobs', () => {
  it('builds each part with its own locales only, and merges them into the same bytes as one full build', { timeout: 180_000 }, async () => {
    const full = tree(inject('sites').base);
    // As two matrix jobs would, side by side, each without a cache.
    const env = { ...sites.base.env, KB_CACHE: '0' };
    await Promise.all([
      buildSite(join(temp, 'part-en'), { env: { ...env, KB_LOCALES: 'en' }, quiet: true }),
      buildSite(join(temp, 'part-ja-ko'), { env: { ...env, KB_LOCALES: 'ja,ko' }, quiet: true }),
    ]);
    const en = tree(join(temp, 'part-en'));
    expect([...en.keys()].filter((f) => /^(ja|ko)\//.test(f) || /^_search\/(ja|ko)\//.test(f) || /^_widget\/a\/(ja|ko)\//.test(f))).toEqual([]);
    expect(en.has('en/index.html') && en.has('_search/en/manifest.json')).toBe(true);
    // Each part's sitemap already lists the whole site, with its language alternates.
    expect(en.get('sitemap-0.xml')).toEqual(full.get('sitemap-0.xml'));

    const merged = await run('scripts/merge.ts', [join(temp, 'part-en'), join(temp, 'part-ja-ko'), '--out', join(temp, 'dist')]);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toMatch(/^Merged 2 parts \([\d,]+ files, [\d,]+ the same in several\) into .*dist\.$/m);
    const result = tree(join(temp, 'dist'));
    expect([...result.keys()].sort()).toEqual([...full.keys()].sort());
    expect([...result].filter(([f, bytes]) => !full.get(f)!.equals(bytes)).map(([f]) => f)).toEqual([]);

    // Parts that do not agree (built from another commit, say) are not merged, and the output stays as it was.
    const shared = join(temp, 'part-ja-ko', '404.html');
    writeFileSync(shared, readFileSync(shared, 'utf8').replace('</body>', '<!-- another commit --></body>'));
    const refused = await run('scripts/merge.ts', [join(temp, 'part-en'), join(temp, 'part-ja-ko'), '--out', join(temp, 'dist')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Merge stopped: 1 file differs between the parts:\n {2}404\.html \(.*part-en and .*part-ja-ko\)\nBuild every part from the same commit and settings, each with its own --locales\.\n$/);
    expect(tree(join(temp, 'dist'))).toEqual(result);
  });

  it('says which locales there are when asked for one the content does not have', async () => {
    const r = await run('scripts/build.ts', [`--out=${join(temp, 'nope')}`, '--locales', 'en,fr'], { KB_CONFIG: resolve(root, 'tests/e2e/kb.config.e2e.yml'), KB_QUIET: '1', KB_CACHE: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('--locales: the content has no "fr"; it has en, ja, ko.');
    const empty = await run('scripts/build.ts', ['--locales='], { KB_QUIET: '1' });
    expect([empty.code, empty.stderr.trim()]).toEqual([2, '--locales needs the locales to build, e.g. --locales en or --locales ja,ko']);
  });
});
