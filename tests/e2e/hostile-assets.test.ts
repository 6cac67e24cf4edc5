import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { connectBrowser } from './browser.ts';

/**
 * A site built from hostile content (tests/fixtures/content/hostile), every published file opened by its own URL
 * on a host that applies no `_headers` and with the pages' CSP meta tag taken out: whatever runs, runs. Each
 * payload would log a `kb-pwned:` marker; none may.
 */
const dist = inject('sites').hostile; // built by global-setup

let server: StaticServer;
let browser: Browser;
let published: string[];
beforeAll(async () => {
  // The control of an earlier run, when global-setup reused this site: not a published file.
  rmSync(join(dist, '_control'), { recursive: true, force: true });
  published = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name) && e.name !== '_headers')
    .map((e) => `/${relative(dist, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .sort();
  // A control outside the published files: an SVG that does run, so a silent browser cannot pass the test.
  mkdirSync(join(dist, '_control'), { recursive: true });
  writeFileSync(join(dist, '_control/runs.svg'), `<svg xmlns="http://www.w3.org/2000/svg" onload="console.log('kb-pwned:control')"/>`);
  server = await startStaticServer(dist, { bare: true });
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every marker a script logs or alerts, and every request that would leave the test server. */
async function trackedPage(): Promise<{ page: Page; markers: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const markers: string[] = [];
  page.on('console', (m) => m.text().includes('kb-pwned') && markers.push(m.text()));
  page.on('dialog', (d) => {
    markers.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // chrome: and chrome-extension: are the browser's own files (its PDF viewer, when it shows a PDF rather than
    // downloading it), served from inside Chromium: they leave nothing. Counted, they were put on the next file.
    if (url.startsWith(server.url) || /^(data|chrome|chrome-extension):/.test(url)) return route.continue();
    markers.push(`request: ${url}`);
    return route.abort();
  });
  return { page, markers, close: () => context.close() };
}

async function open(page: Page, path: string) {
  const url = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  // A PDF is a download in headless Chromium: the navigation ends without a document, which is fine.
  await page.goto(server.url + url, { waitUntil: 'load' }).catch((e: Error) => {
    if (!/download/i.test(e.message)) throw e;
  });
  await page.waitForTimeout(50);
}

describe('hostile content, served with no headers and no CSP', () => {
  it('publishes pages, assets and search files to open', () => {
    expect(published.filter((p) => p.endsWith('.html')).length).toBeGreaterThanOrEqual(8);
    expect(published.filter((p) => p.startsWith('/_assets/')).map((p) => p.replace(/\.[0-9a-f]{10}\./, '.'))).toEqual(['/_assets/drawing.svg', '/_assets/polyglot.gif', '/_assets/prices.pdf', '/_assets/trailer.png']);
    expect(published.some((p) => p.startsWith('/_search/'))).toBe(true);
  });

  it('would see a payload that runs', async () => {
    const { page, markers, close } = await trackedPage();
    await open(page, '/_control/runs.svg');
    await close();
    expect(markers).toEqual(['kb-pwned:control']);
  });

  it('runs no payload in any published file opened by its URL', async () => {
    const { page, markers, close } = await trackedPage();
    const seen: Record<string, string[]> = {};
    for (const path of published) {
      const before = markers.length;
      await open(page, path);
      if (markers.length > before) seen[path] = markers.slice(before);
    }
    await close();
    expect(seen).toEqual({});
  });

  it('runs no payload when a reader hovers, focuses, clicks, opens details and searches', async () => {
    const { page, markers, close } = await trackedPage();
    await open(page, '/en/billing/raw-html/');
    // Every event an inline handler could wait for, on every element of the article.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.prose *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'animationstart']) el.dispatchEvent(new Event(type));
        if (el instanceof HTMLDetailsElement) el.open = !el.open;
        if (!(el instanceof HTMLAnchorElement)) (el as HTMLElement).click?.();
      }
    });
    expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)))).toEqual([]);
    expect(await page.evaluate(() => [...document.querySelectorAll('a')].filter((a) => /^(javascript|data|vbscript):/i.test(a.href)).map((a) => a.href))).toEqual([]);
    await page.locator('input[type=search]').first().fill('kb-pwned onerror script');
    await page.waitForTimeout(800);
    await close();
    expect(markers).toEqual([]);
  });
});
