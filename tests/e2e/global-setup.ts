import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');
/**
 * No host name resolves in the test browser, so no request can leave the machine: the test servers are 127.0.0.1
 * by address. Tests see any attempt (the harness records requests to other hosts) without intercepting each request.
 */
const hostResolverRules = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
/**
 * Chromium 156 opens two address-bar popup pages (WebUI, each in a renderer of its own) for every browser context (a
 * run opens about two dozen): turned off, a run costs Chromium 10–15% less CPU. Chromium keeps only the last
 * --disable-features it is given, so tests/e2e/chromium.sh joins this one with Playwright's.
 */
const noAddressBarPopups = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', hostResolverRules, noAddressBarPopups];

/** Build the example help center with the test config, exactly as `npm run build` does. */
export function buildSite(outDir: string, options: { env?: Record<string, string>; quiet?: boolean } = {}): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.ts', `--out=${outDir}`], {
    cwd: root,
    // Each site its own build cache: the builds run side by side, and each prunes what it did not use.
    env: { ...process.env, KB_CONFIG: resolve(root, 'tests/e2e/kb.config.e2e.yml'), KB_QUIET: '1', KB_CACHE_DIR: `${outDir}.cache`, ...options.env },
    // Quiet: the content warnings were shown once already; errors still come with the exception.
    stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
    if (!options.quiet) process.stderr.write(d);
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`build of ${outDir} failed (exit ${code}):\n${stderr}`))));
  });
}

/** Every site the browser tests open, built once and side by side before any test runs. */
export const sites = {
  /** The example help center. */
  main: { out: '.tmp/e2e-dist', env: {} },
  /**
   * The example under a path, as a GitHub Pages project site, and branded with tests/e2e/kb.config.brand.yml (a logo,
   * a green accent and home page words): one build for both, since a brand must survive a base path too.
   */
  base: { out: '.tmp/e2e-dist-base', env: { KB_SITE_URL: 'https://example.github.io/help-center/', KB_CONFIG: resolve(root, 'tests/e2e/kb.config.brand.yml') } },
  /** Hostile content: payloads in titles, descriptions, keywords, tags, bodies and category files. */
  xss: { out: '.tmp/xss-dist', env: { KB_CONTENT_DIR: resolve(root, 'tests/fixtures/content/xss') } },
  /** Hostile files: SVGs, assets, paths and markup that must not publish anything executable. */
  hostile: { out: '.tmp/hostile-dist', env: { KB_CONTENT_DIR: resolve(root, 'tests/fixtures/content/hostile') } },
} satisfies Record<string, { out: string; env: Record<string, string> }>;
export type SiteName = keyof typeof sites;

/** Everything a site build reads: the generator, the content and fixtures, the configs and the locked dependencies. */
const buildInputs = ['astro.config.mjs', 'package-lock.json', 'kb.config.yml', 'scripts', 'src', 'plugins', 'public', 'content', 'tests/fixtures', 'tests/e2e/kb.config.e2e.yml', 'tests/e2e/kb.config.brand.yml'];

let inputs: Promise<string> | undefined;

/**
 * A digest of every build input's path and bytes (a link's target, not what it points to), the runtime and the
 * last commit that touched content (articles show their last commit's date). Read once for all the sites.
 */
function inputsDigest(): Promise<string> {
  return (inputs ??= (async () => {
    const head = await promisify(execFile)('git', ['log', '-1', '--format=%H', '--', 'content', 'tests/fixtures/content'], { cwd: root }).then((r) => r.stdout.trim(), () => '');
    const hash = createHash('sha256').update(`${process.version}\0${head}\0`);
    const files: string[] = [];
    for (const input of buildInputs) {
      const path = join(root, input);
      const stat = await lstat(path).catch(() => undefined);
      if (!stat) continue;
      if (!stat.isDirectory()) files.push(path);
      else for (const e of await readdir(path, { recursive: true, withFileTypes: true })) if (!e.isDirectory()) files.push(join(e.parentPath, e.name));
    }
    for (const file of files.sort()) {
      const link = (await lstat(file)).isSymbolicLink();
      hash.update(`${relative(root, file)}\0${link ? 'link:' : ''}`).update(link ? await readlink(file) : await readFile(file)).update('\0');
    }
    return hash.digest('hex');
  })());
}

/** The inputs of one site: everything every build reads, and the site's own settings. */
async function buildInputsHash(settings: unknown): Promise<string> {
  return createHash('sha256').update(await inputsDigest()).update(JSON.stringify(settings)).digest('hex');
}

/**
 * Builds a site unless the last build of it had the same inputs (its hash sits beside the output, not in it):
 * a second `npm test` with only tests edited starts at the tests. `KB_E2E_REBUILD=1` always builds.
 */
async function buildSiteOnce(name: string, site: { out: string; env: Record<string, string> }): Promise<boolean> {
  const outDir = resolve(root, site.out);
  const stamp = `${outDir}.inputs`;
  const want = await buildInputsHash(site.env);
  if (!process.env.KB_E2E_REBUILD && (await readFile(stamp, 'utf8').catch(() => '')) === want && (await lstat(join(outDir, 'index.html')).catch(() => undefined))) {
    return true;
  }
  await mkdir(dirname(stamp), { recursive: true }); // a fresh clone has no .tmp/ yet
  await writeFile(stamp, '');
  await buildSite(outDir, { env: site.env, quiet: name !== 'main' });
  await writeFile(stamp, want);
  return false;
}

/** One build per site and one browser for all test files (each file opens its own contexts in it). */
export default async function setup(project: TestProject) {
  const names = Object.keys(sites) as SiteName[];
  // The wrapper starts KB_CHROMIUM, or /usr/bin/chromium.
  const launched = chromium.launchServer({ executablePath: join(root, 'tests/e2e/chromium.sh'), args: chromiumArgs });
  const built = Promise.all(names.map((name) => buildSiteOnce(name, sites[name])));
  // A failed build stops the run; the browser goes with it rather than holding the process open.
  const [browser, reused] = await Promise.all([launched, built]).catch(async (error) => {
    await launched.then((b) => b.close(), () => {});
    throw error;
  });
  const kept = names.filter((_, i) => reused[i]);
  if (kept.length) console.log(`Browser tests reuse the sites built from these same inputs (${kept.join(', ')}); KB_E2E_REBUILD=1 builds them again.`);
  project.provide('distDir', resolve(root, sites.main.out));
  project.provide('sites', Object.fromEntries(Object.entries(sites).map(([name, site]) => [name, resolve(root, site.out)])) as Record<SiteName, string>);
  project.provide('browserEndpoint', browser.wsEndpoint());
  return () => browser.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    sites: Record<SiteName, string>;
    browserEndpoint: string;
  }
}
