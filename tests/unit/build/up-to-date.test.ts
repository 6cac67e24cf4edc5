import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBuildCache } from '../../../src/build/build-cache.ts';
import { configInputs, cssReferences, gitState, inputsKey, listOutput, outputUnchanged, readOutputRecord, writeOutputRecord, type BuildPaths } from '../../../src/build/up-to-date.ts';

const fixture = join(import.meta.dirname, '../../fixtures/content/basic');
const temp = mkdtempSync(join(tmpdir(), 'kb-up-to-date-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let dir: string;
let paths: BuildPaths;
let n = 0;
beforeEach(() => {
  dir = join(temp, String(n++));
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'kb.config.yml'), 'title: Up to date\n');
  mkdirSync(join(dir, 'dist/en'), { recursive: true });
  writeFileSync(join(dir, 'dist/index.html'), '<p>home</p>');
  writeFileSync(join(dir, 'dist/en/index.html'), '<p>en</p>');
  paths = { contentDir: join(dir, 'content'), configPath: join(dir, 'kb.config.yml'), outDir: join(dir, 'dist') };
});
afterEach(() => {
  delete process.env.KB_SITE_URL;
});

const key = (extra: string[] = []) => inputsKey(paths, extra).key;

describe('whether a build has anything to do', () => {
  it('keys the inputs by their bytes: an edit, a new image, a config change or KB_SITE_URL make another key, undoing the edit the same one', () => {
    const before = key();
    expect(key()).toBe(before);
    const article = join(dir, 'content/en/billing/request-a-refund.md');
    appendFileSync(article, '\nOne more line.\n');
    const edited = key();
    expect(edited).not.toBe(before);
    writeFileSync(article, readFileSync(join(fixture, 'en/billing/request-a-refund.md')));
    expect(key()).toBe(before);
    writeFileSync(join(dir, 'content/_assets/new.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const withImage = key();
    expect(withImage).not.toBe(before);
    writeFileSync(join(dir, 'kb.config.yml'), 'title: Up to date, again\n');
    expect(key()).not.toBe(withImage);
    const withConfig = key();
    process.env.KB_SITE_URL = 'https://help.example.com/docs';
    expect(key()).not.toBe(withConfig);
    // Another output folder is another build.
    expect(inputsKey({ ...paths, outDir: join(dir, 'elsewhere') }, []).key).not.toBe(key());
  });

  it('keys a help center of any size: 100k files are hashed as they are read, not spread into one call (that overflowed the stack)', () => {
    // Each input is a name and its bytes (or "missing"): 80,000 of them are 160,000 parts, past V8's argument limit.
    const many = Array.from({ length: 80_000 }, (_, i) => join(dir, 'missing', `${i}.css`));
    const big = inputsKey(paths, many).key;
    expect(big).toMatch(/^[\w-]{32}$/);
    expect(big).not.toBe(key());
  });

  it('follows the logo and the customCss stylesheets with what they @import and url(), and nothing remote', () => {
    mkdirSync(join(dir, 'styles/parts'), { recursive: true });
    mkdirSync(join(dir, 'fonts'));
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'styles/custom.css'), '/* url(ignored.png) */ @import "./parts/more.css";\n@font-face { src: url("../fonts/brand.woff2") format("woff2"); }\nbody { background: url(data:image/png;base64,AAAA) }\n');
    writeFileSync(join(dir, 'styles/parts/more.css'), '@import url(https://fonts.example.com/x.css);\n.hero { background-image: url(\'hero.png?v=2#top\'); }\n');
    writeFileSync(join(dir, 'styles/parts/hero.png'), 'png');
    writeFileSync(join(dir, 'fonts/brand.woff2'), 'woff2');
    const files = configInputs({ brand: { logo: join(dir, 'logo.svg') }, customCss: [join(dir, 'styles/custom.css')] });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['fonts/brand.woff2', 'logo.svg', 'styles/custom.css', 'styles/parts/hero.png', 'styles/parts/more.css']);
    const before = key(files);
    writeFileSync(join(dir, 'fonts/brand.woff2'), 'woff2, a newer cut');
    const font = key(files);
    expect(font).not.toBe(before);
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="2"/>');
    expect(key(files)).not.toBe(font);
    expect(cssReferences('a { background: url(//cdn.example.com/a.png) } b { background: url(#clip) } c { background: url(/abs.png) }')).toEqual([]);
  });

  it('keys the git history the page dates come from: a commit makes another key', () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=w@example.com', '-c', 'user.name=Writer', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', 'content');
    git('commit', '-qm', 'first');
    const first = gitState(paths.contentDir);
    const before = key();
    appendFileSync(join(dir, 'content/en/billing/billing-faq.md'), '\nA line.\n');
    git('commit', '-qam', 'second');
    expect(gitState(paths.contentDir)).not.toBe(first);
    // The same bytes as a moment ago would give the same key: the date of the commit is what changed.
    expect(inputsKey(paths, [], first).key).not.toBe(before);
    expect(key()).not.toBe(inputsKey(paths, [], first).key);
  });

  it('reports the newest input, so a build that sees a file saved after it started records nothing', () => {
    const startedAt = Date.now() - 5;
    expect(inputsKey(paths, []).newestMs).toBeLessThan(Date.now() + 1);
    appendFileSync(join(dir, 'content/en/billing/billing-faq.md'), '\nSaved during the build.\n');
    expect(inputsKey(paths, []).newestMs).toBeGreaterThanOrEqual(startedAt);
  });

  it('trusts the output only as the build left it: a touched, rewritten, added or removed file means build again', () => {
    const files = listOutput(paths.outDir);
    expect(files.map((f) => f[0])).toEqual(['en/index.html', 'index.html']);
    expect(outputUnchanged(paths.outDir, files)).toBe(true);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'dist/index.html'), later, later);
    expect(outputUnchanged(paths.outDir, files)).toBe(false);
    const touched = listOutput(paths.outDir);
    writeFileSync(join(dir, 'dist/en/index.html'), '<p>EN</p>');
    expect(outputUnchanged(paths.outDir, touched)).toBe(false);
    const rewritten = listOutput(paths.outDir);
    writeFileSync(join(dir, 'dist/extra.html'), '');
    expect(outputUnchanged(paths.outDir, rewritten)).toBe(false);
    rmSync(join(dir, 'dist/extra.html'));
    expect(outputUnchanged(paths.outDir, rewritten)).toBe(true);
    rmSync(join(dir, 'dist/en/index.html'));
    expect(outputUnchanged(paths.outDir, rewritten)).toBe(false);
    rmSync(join(dir, 'dist'), { recursive: true });
    expect(outputUnchanged(paths.outDir, rewritten)).toBe(false);
  });

  it('keeps one record per output folder and reads a damaged one as none', () => {
    const cache = openBuildCache(join(dir, 'cache'));
    const record = { key: key(), extraInputs: [], files: listOutput(paths.outDir), report: ['✓ No problems'], articles: 3, languages: 2 };
    writeOutputRecord(cache, paths.outDir, record);
    expect(readOutputRecord(cache, paths.outDir)).toEqual(record);
    expect(readOutputRecord(cache, join(dir, 'elsewhere'))).toBeUndefined();
    for (const e of readdirSync(join(dir, 'cache'), { recursive: true, withFileTypes: true })) if (e.isFile()) appendFileSync(join(e.parentPath, e.name), 'x');
    expect(readOutputRecord(openBuildCache(join(dir, 'cache')), paths.outDir)).toBeUndefined();
  });
});
