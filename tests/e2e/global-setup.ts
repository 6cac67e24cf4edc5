import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../..');
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Build the example help center with the test config, exactly as `npm run build` does. */
export function buildSite(outDir: string, options: { env?: Record<string, string>; quiet?: boolean } = {}): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.ts', `--out=${outDir}`], {
    cwd: root,
    env: { ...process.env, KB_CONFIG: resolve(root, 'tests/e2e/kb.config.e2e.yml'), KB_QUIET: '1', ...options.env },
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
const sites = {
  /** The example help center. */
  main: { out: '.tmp/e2e-dist', env: {} },
  /** The example under a path, as a GitHub Pages project site. */
  base: { out: '.tmp/e2e-dist-base', env: { KB_SITE_URL: 'https://example.github.io/help-center/' } },
  /** Hostile content: payloads in titles, descriptions, keywords, tags, bodies and category files. */
  xss: { out: '.tmp/xss-dist', env: { KB_CONTENT_DIR: resolve(root, 'tests/fixtures/content/xss') } },
  /** The example with tests/e2e/kb.config.brand.yml: a logo, a green accent and home page words. */
  brand: { out: '.tmp/e2e-dist-brand', env: { KB_CONFIG: resolve(root, 'tests/e2e/kb.config.brand.yml') } },
  /** Hostile files: SVGs, assets, paths and markup that must not publish anything executable. */
  hostile: { out: '.tmp/hostile-dist', env: { KB_CONTENT_DIR: resolve(root, 'tests/fixtures/content/hostile') } },
} satisfies Record<string, { out: string; env: Record<string, string> }>;
export type SiteName = keyof typeof sites;

/** One build per site and one browser for all test files (each file opens its own contexts in it). */
export default async function setup(project: TestProject) {
  const [browser] = await Promise.all([
    chromium.launchServer({ executablePath: process.env.KB_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs }),
    ...Object.entries(sites).map(([name, site]) => buildSite(resolve(root, site.out), { env: site.env, quiet: name !== 'main' })),
  ]);
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
