import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

// A team starting its own help center: this project packed as a tarball (no registry), a content repository
// scaffolded with the starter in a temporary folder, the tarball installed there, then kb-site check, build and
// search, in that folder, on the installed package.
const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
// The writer's environment, not the test runner's (Vitest's NODE_ENV=test and VITEST* change how Astro runs; the
// runner's NODE_COMPILE_CACHE would fill this project's cache with the temporary install's files, never read again).
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'NODE_COMPILE_CACHE' && !k.startsWith('VITEST')));

let dir: string;
let site: string;
let tarball: string;
let packed: { path: string; size: number }[];
let tarballBytes: number;
let built: { stdout: string; stderr: string };
let h: Harness;
const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
}

/**
 * kb-site as the project's npm scripts run it. The starter's `node` devDependency puts Node 24 on their PATH; the
 * test installs without devDependencies (that Node alone is 190 MB) and runs the installed bin with its own Node 24.
 */
function kbSite(args: string[], options: { cwd?: string } = {}) {
  return run(process.execPath, [join(site, 'node_modules/kb-site/bin/kb-site.js'), ...args], { cwd: options.cwd ?? site, env, encoding: 'utf8' });
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
  throw new Error('expected the command to fail');
}

/**
 * `npm install` in the site, as its README says. The packages kb-site pulls in (Astro and the rest, 12,000 files)
 * are first linked from this project's own node_modules: exactly the production packages of its package-lock.json,
 * at the versions every other test runs on, and none of its devDependencies (so an import kb-site does not declare
 * still fails). npm then resolves kb-site's dependencies against that tree, installs kb-site from this tarball and
 * fetches whatever the tree lacks; it only skips downloading and unpacking what is already there (30 s of a fresh
 * CI run, against 3 s). Without install scripts: a script writing into a linked package would write into this
 * project's copy (npm 11 runs none without approval anyway).
 */
async function installSite(site: string) {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  // Top-level folders only (a package's nested node_modules come with it); optional ones for other platforms are absent.
  const production = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && path.lastIndexOf('node_modules/') === 0 && !entry.dev && !entry.devOptional)
    .map(([path]) => path)
    .filter((path) => existsSync(join(root, path)));
  await linkPackages(production, site);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], { cwd: site, env, encoding: 'utf8' });
}

/** Hard links (the same file system: a temporary folder on the project's disk), else copies. */
async function linkPackages(paths: string[], site: string) {
  await run('cp', ['-al', '--parents', ...paths, site], { cwd: root }).catch(async () => {
    await rm(join(site, 'node_modules'), { recursive: true, force: true });
    await run('cp', ['-a', '--parents', ...paths, site], { cwd: root });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-package-'));
  const pack = await timed('npm pack', () => run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, env, encoding: 'utf8' }));
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; size: number; files: { path: string; size: number }[] }];
  tarball = join(dir, info.filename);
  packed = info.files;
  tarballBytes = info.size;
  await timed('create-kb-site', () =>
    run(process.execPath, [join(root, 'bin/create-kb-site.js'), 'acme-help', '--title', 'Acme Help', '--locales', 'en,ja', '--url', 'https://help.acme.example', '--from', tarball, '--no-install'], { cwd: dir, env, encoding: 'utf8' }),
  );
  site = join(dir, 'acme-help');
  // What a team customises first, without forking: footer links, a string, their own stylesheet.
  await mkdir(join(site, 'styles'));
  await writeFile(join(site, 'styles/custom.css'), '.site-footer { border-top: 4px solid rgb(11, 110, 79); }\n');
  await writeFile(
    join(site, 'kb.config.yml'),
    `${await readFile(join(site, 'kb.config.yml'), 'utf8')}
footer:
  links:
    - { label: { en: Status, ja: ステータス }, href: "https://status.acme.example" }
strings:
  en:
    search.placeholder: Ask Acme anything…
customCss: [styles/custom.css]
`,
  );
  await timed('npm install', () => installSite(site));
  built = await timed('kb-site build', () => kbSite(['build']));
  h = await startHarness({ root: join(site, 'dist') });
  console.log(`package test: tarball ${(tarballBytes / 1024).toFixed(0)} KB, ${packed.length} files; ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`);
}, 240_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('packs the generator and its docs, without tests, fixtures, example content or build output', () => {
    const paths = packed.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/kb-site.js', 'bin/create-kb-site.js', 'astro.config.mjs', 'src/integration.ts', 'scripts/build.ts', 'public/favicon.svg', 'docs/customizing.md']));
    const unwanted = paths.filter((p) => /^(tests|content|dist|\.tmp|\.kb-cache|node_modules|scripts\/bench|src\/bench)\//.test(p) || p === 'docs/benchmarks.md');
    expect(unwanted).toEqual([]);
    expect(tarballBytes).toBeLessThan(400_000);
  });
});

describe('a content repository started with create-kb-site', () => {
  it('has the files a team needs, with kb-site as its one dependency', async () => {
    for (const file of ['content/en/getting-started/welcome.md', 'content/ja/getting-started/welcome.md', 'kb.config.yml', '.gitignore', '.github/workflows/deploy.yml', 'README.md']) expect(existsSync(join(site, file)), file).toBe(true);
    const pkg = JSON.parse(await readFile(join(site, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['kb-site']);
    expect(pkg.dependencies['kb-site']).toMatch(/^file:\.\.\/kb-site-[\d.]+\.tgz$/);
    expect(pkg.devDependencies).toEqual({ node: expect.stringMatching(/^\^24\./) });
    expect(pkg.scripts).toMatchObject({ dev: 'kb-site dev', build: 'kb-site build', check: 'kb-site check' });
    expect(await readFile(join(site, 'kb.config.yml'), 'utf8')).toContain('title: Acme Help');
    expect(await readFile(join(site, '.gitignore'), 'utf8')).toMatch(/^\.kb-cache\/$/m);
  });

  it('passes kb-site check', async () => {
    const { stdout } = await kbSite(['check']);
    expect(stdout).toContain('No problems (2 articles in 2 languages checked)');
  });

  it('installed the tarball of this run, not one npm kept from an earlier run', async () => {
    for (const file of ['scripts/build.ts', 'src/site-data.ts']) expect(await readFile(join(site, 'node_modules/kb-site', file), 'utf8'), file).toBe(await readFile(join(root, file), 'utf8'));
  });

  it("installed kb-site's dependencies and none of this project's devDependencies", async () => {
    // Those that nothing kb-site installs needs too (@types/node is both, for one): vitest, playwright-core and the rest.
    const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8'));
    const devDependencies = Object.keys(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).devDependencies).filter((name) => lock.packages[`node_modules/${name}`]?.dev);
    expect(devDependencies).toEqual(expect.arrayContaining(['vitest', 'playwright-core', 'typescript']));
    expect(devDependencies.filter((name) => existsSync(join(site, 'node_modules', name)))).toEqual([]);
    expect(existsSync(join(site, 'node_modules/astro/package.json'))).toBe(true);
  });

  it('builds into its own dist/ and keeps every cache in .kb-cache/, nothing in node_modules', () => {
    expect(built.stdout).toContain(`Built 2 articles in 2 languages into ${join(site, 'dist')}`);
    expect(existsSync(join(site, 'dist/en/getting-started/welcome/index.html'))).toBe(true);
    // Astro's own folder (astro/) appears only where Astro keeps its cache there: with the build cache, a build gives
    // Astro a folder inside build/ for the pages it copies between builds.
    const caches = readdirSync(join(site, '.kb-cache')).sort();
    // node-compile/ is Node's compiled code of kb-site (src/build/compile-cache.ts).
    // vite/ is where Vite keeps what it caches (Vite 8.3 wrote there during a build, 8.4 does not): allowed, not required.
    expect(caches).toEqual(expect.arrayContaining(['build', 'node-compile']));
    expect(caches.filter((c) => !['astro', 'build', 'node-compile', 'vite'].includes(c))).toEqual([]);
    expect(readdirSync(join(site, '.kb-cache/build/kb-cache-1/pages'))).toEqual(expect.arrayContaining(['dist', 'incremental-build.json', 'verified.json']));
    for (const cache of ['.astro', '.vite', '.cache']) expect(existsSync(join(site, 'node_modules', cache)), cache).toBe(false);
    expect(readdirSync(join(site, 'node_modules/kb-site')).filter((f) => /^(dist|\.astro|\.kb-cache|node_modules)$/.test(f))).toEqual([]);
  });

  it('finds the welcome article from the terminal', async () => {
    const { stdout } = await kbSite(['search', 'write an article', '--lang', 'en', '--json']);
    expect(JSON.parse(stdout)[0]).toMatchObject({ rank: 1, url: '/en/getting-started/welcome/', title: 'Welcome' });
  });

  it('searches in the browser', async () => {
    const t = await h.open('/en/');
    await t.page.locator('.search-hero input').click();
    await t.page.locator('.search-hero input').pressSequentially('write an article', { delay: 20 });
    await expect.poll(() => t.page.locator('.search-panel').first().getAttribute('data-query'), { timeout: 10_000 }).toBe('write an article');
    const first = t.page.locator('[role=listbox] [role=option]').first();
    expect(await first.getAttribute('href')).toMatch(/^\/en\/getting-started\/welcome\//);
    expect(t.consoleErrors).toEqual([]);
    expect(t.cspViolations).toEqual([]);
    expect(t.externalRequests).toEqual([]);
    await t.close();
  });

  it("shows the team's footer links, strings and stylesheet", async () => {
    const t = await h.open('/ja/');
    expect(await t.page.locator('.footer-links a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([['ステータス', 'https://status.acme.example']]);
    expect(await t.page.locator('.site-footer').evaluate((f) => getComputedStyle(f).borderTop)).toBe('4px solid rgb(11, 110, 79)');
    await t.page.goto(`${h.server.url}/en/getting-started/welcome/`);
    expect(await t.page.locator('.search-header input').getAttribute('placeholder')).toBe('Ask Acme anything…');
    expect(await t.page.locator('.footer-links a').textContent()).toBe('Status');
    expect(t.cspViolations).toEqual([]);
    await t.close();
  });

  it('answers a mistyped flag with one line and exit 2', async () => {
    const result = await failure(kbSite(['build', '--outt', 'site']));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('kb-site: kb-site build has no flag --outt. Did you mean --out?\nRun "kb-site --help" for the commands and flags.\n');
  });
});
