import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser } from './browser.ts';

// `npm run dev` as a writer uses it: the example copied to a temporary folder, the dev server started the way the
// README says, a real browser on a page, then files saved the way an editor saves them.
const root = resolve(import.meta.dirname, '../..');

let dir: string;
let server: ChildProcess;
let output = '';
let base: string;
let browser: Browser;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    }).on('error', fail);
  });
}

beforeAll(async () => {
  // Outside the project, where Vite's dependency scan does not look.
  dir = await mkdtemp(join(tmpdir(), 'kb-dev-'));
  await cp(join(root, 'content'), join(dir, 'content'), { recursive: true });
  await cp(join(root, 'kb.config.yml'), join(dir, 'kb.config.yml'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // --ignore-lock: a writer's own `npm run dev` may be running; this one must neither refuse to start nor stop it.
  // The writer's environment, not the test runner's: Vitest's NODE_ENV=test and VITEST* change how Astro serves.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  server = spawn(process.execPath, ['scripts/astro.ts', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    // A fresh Astro config folder: with telemetry on, Astro would print its notice there on the first run.
    // A build cache of its own, which dev reads and fills as a build does.
    env: { ...env, KB_CONTENT_DIR: join(dir, 'content'), KB_CONFIG: join(dir, 'kb.config.yml'), KB_CACHE_DIR: join(dir, 'cache'), XDG_CONFIG_HOME: join(dir, 'config'), FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro dev exited:\n${output}`);
    const ok = await fetch(`${base}/en/`, { signal: AbortSignal.timeout(20_000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() - started > 90_000) throw new Error(`astro dev did not answer within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid && server.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface DevPage {
  page: Page;
  problems: string[];
}

async function open(path: string): Promise<DevPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : (problems.push(`external request ${route.request().url()}`), route.abort())));
  await page.goto(base + path);
  return { page, problems };
}

/** Save a file, then wait until the open page has reloaded by itself and shows `expected`. */
async function saveAndSee(p: DevPage, file: string, edit: (text: string) => string, locator: string, expected: RegExp | string) {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const next = edit(text);
  expect(next).not.toBe(text);
  const loaded = p.page.waitForEvent('load', { timeout: 15_000 });
  const saved = performance.now();
  await writeFile(path, next);
  await loaded;
  await expect.poll(() => p.page.locator(locator).first().innerText(), { timeout: 15_000 }).toMatch(expected);
  reloads.push(`${file}: ${Math.round(performance.now() - saved)} ms`);
}

/** Type a query into the home page's search box and wait for the first option; on failure say what the browser and the server reported. */
async function search(p: DevPage, query: string, expected: RegExp) {
  const input = p.page.locator('.search-hero input');
  await input.click();
  await input.pressSequentially(query, { delay: 20 });
  await expect.poll(() => p.page.locator('[role=listbox] [role=option]').first().innerText().catch(() => ''), { timeout: 15_000 }).toMatch(expected).catch((e: Error) => {
    throw new Error(`${e.message}\nbrowser:\n${p.problems.join('\n')}\nserver (last lines):\n${output.split('\n').slice(-20).join('\n')}`);
  });
}

/** Save-to-visible times, printed at the end (the target is a second; this machine is shared, so no timed assertion). */
const reloads: string[] = [];
afterAll(() => console.info(`dev reload after save: ${reloads.join(', ')}`));

describe('npm run dev', () => {
  it('serves the whole site styled, with images, under the dev CSP, and no telemetry notice', async () => {
    const p = await open('/en/invoices/create-an-invoice/');
    // The site's stylesheet applies (dev injects it as a <style> element, which the built site's CSP would block).
    expect(await p.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).not.toBe('');
    expect(await p.page.evaluate(() => getComputedStyle(document.querySelector('header')!).display)).not.toBe('inline');
    const image = p.page.locator('article img').first();
    await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(p.problems).toEqual([]);
    expect(output).not.toMatch(/telemetry/i);
    const policy = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(policy(await p.page.content())).toContain("style-src 'self' 'unsafe-inline'");
    // The built site keeps the strict policy.
    const built = policy(await readFile(join(inject('distDir'), 'en/invoices/create-an-invoice/index.html'), 'utf8'));
    expect(built).toContain("style-src 'self';");
    expect(built).not.toMatch(/unsafe-inline|ws:/);
    // What it rendered is in the build cache, for the next `npm run dev` or build (src/markdown/render-cache.ts).
    const rendered = await readdir(join(dir, 'cache'), { recursive: true, withFileTypes: true });
    expect(rendered.filter((e) => e.isFile() && e.parentPath.includes('/render/')).length).toBeGreaterThan(20);
    await p.page.context().close();
  });

  it('searches from memory, also after a build in the same folder', async () => {
    // A writer builds while dev runs: the build's own Vite server must leave dev's optimized dependencies alone.
    const built = join(dir, 'built');
    const build = await promisify(execFile)(process.execPath, ['scripts/build.ts', `--out=${built}`], {
      cwd: root,
      env: { ...process.env, KB_CONTENT_DIR: join(root, 'tests/fixtures/content/basic'), KB_CONFIG: join(dir, 'none.yml'), KB_CACHE: '0', KB_QUIET: '1' },
      encoding: 'utf8',
    });
    expect(build.stdout).toMatch(/Built 3 articles/);
    const p = await open('/en/');
    await search(p, 'refund', /refund/i);
    expect(p.problems).toEqual([]);
    await p.page.context().close();
  });

  it('reloads the page by itself when an article, a category, the config or an image is saved', async () => {
    const p = await open('/en/invoices/create-an-invoice/');
    await saveAndSee(p, 'content/en/invoices/create-an-invoice.md', (t) => t.replace('title: Create and send an invoice', 'title: Create and send your first invoice'), 'h1', 'Create and send your first invoice');
    await saveAndSee(p, 'content/en/invoices/_category.yml', (t) => t.replace('title: Invoices', 'title: Invoicing'), '.breadcrumbs', /Invoicing/);
    await saveAndSee(p, 'kb.config.yml', (t) => t.replace('title: Tallybird Help Center', 'title: Tallybird Support'), '.site-title', /Tallybird Support/);
    // The brand colour is a stylesheet made from the config: it follows the save too.
    const accent = () => p.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    const before = await accent();
    await saveAndSee(p, 'kb.config.yml', (t) => `${t}\nbrand:\n  accent: "#0b5a3c"\n`, '.site-title', /Tallybird Support/);
    await expect.poll(accent, { timeout: 15_000 }).not.toBe(before);
    expect((await accent()).toLowerCase()).toContain('#0b5a3c');

    const image = p.page.locator('article img').first();
    const src = await image.getAttribute('src');
    const svg = join(dir, 'content/_assets/b-new-invoice-form.svg');
    const loaded = p.page.waitForEvent('load', { timeout: 15_000 });
    await writeFile(svg, (await readFile(svg, 'utf8')).replace('</svg>', '<rect width="1" height="1" fill="#fff"/></svg>'));
    await loaded;
    await expect.poll(() => p.page.locator('article img').first().getAttribute('src'), { timeout: 15_000 }).not.toBe(src);
    await expect.poll(() => p.page.locator('article img').first().evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);

    // A mistake shows on the page as the build would report it, and the fix brings the page back.
    const article = 'content/en/invoices/create-an-invoice.md';
    await saveAndSee(p, article, (t) => t.replace('title: Create and send your first invoice', 'titel: Create and send your first invoice'), 'h1', /error.* in the content/);
    const listed = await p.page.locator('[data-kb-content-errors] li').allInnerTexts();
    expect(listed.join('\n')).toMatch(/create-an-invoice\.md:2\b.*titel/);
    await saveAndSee(p, article, (t) => t.replace('titel:', 'title:'), 'h1', 'Create and send your first invoice');
    // The error page is a 500 on purpose, which the console reports; nothing else may be there.
    expect(p.problems.filter((m) => !/status of 500/.test(m))).toEqual([]);
    p.problems.length = 0;

    // The search index follows the edit too.
    const saved = join(dir, 'content/en/invoices/create-an-invoice.md');
    await writeFile(saved, (await readFile(saved, 'utf8')).replace('Every invoice in Tallybird starts as a draft.', 'Every invoice in Tallybird starts as a draft, even a zanzibarite one.'));
    await expect.poll(() => output.match(/create-an-invoice\.md changed/g)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    const s = await open('/en/');
    await search(s, 'zanzibarite', /first invoice/i);
    expect([...p.problems, ...s.problems]).toEqual([]);
    await p.page.context().close();
    await s.page.context().close();
  }, 180_000);

  it('serves the help widget and its demo product page, with the articles as last saved', async () => {
    // After the saves above and one more: the widget searches and shows the edited article, as a build would publish it.
    const p = await open('/widget-demo/#/settings/billing');
    const inWidget = (selector: string) => p.page.locator(`[data-kb-widget] ${selector}`);
    // The demo page reloads by itself after a save too.
    await inWidget('.kbw-button').waitFor();
    const loaded = p.page.waitForEvent('load', { timeout: 15_000 });
    const article = join(dir, 'content/en/invoices/create-an-invoice.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('title: Create and send your first invoice', 'title: Create and send your first invoice today'));
    await loaded;
    await inWidget('.kbw-button').click();
    await inWidget('#kbw-panel .kbw-link').first().waitFor();
    await inWidget('#kbw-q').pressSequentially('zanzibarite', { delay: 20 });
    const first = inWidget('.kbw-body > div[data-query="zanzibarite"] a.kbw-link').first();
    await first.waitFor({ timeout: 15_000 });
    expect(new URL((await first.getAttribute('href'))!).pathname).toBe('/en/invoices/create-an-invoice/');
    await first.click();
    const title = inWidget('#kbw-article-title');
    await title.waitFor();
    expect(await title.innerText()).toBe('Create and send your first invoice today');
    expect(p.problems).toEqual([]);
    await p.page.context().close();
  });
});
