import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

/**
 * A GitHub Pages project site lives under /<repository>/. The Pages workflow passes that address in
 * KB_SITE_URL; every link, asset, script and search file must then carry the path.
 */
const dist = inject('sites').base; // built by global-setup with KB_SITE_URL=https://example.github.io/help-center/ and the brand config
const prefix = '/help-center';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ root: dist, prefix });
});
afterAll(async () => {
  await h?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

describe('a site served under a path (GitHub Pages project site)', () => {
  it('puts the path in front of every site-relative link, asset, form and search index in every page', () => {
    const outside: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/\s(href|src|action|data-manifest)="(\/[^"]*)"/g)) {
        const url = m[2]!;
        if (url.startsWith('//') || url === '/_events') continue; // the analytics endpoint is configured as an absolute path
        if (!url.startsWith(`${prefix}/`)) outside.push(`${file.slice(dist.length)}: ${m[1]}="${url}"`);
      }
    }
    expect(outside).toEqual([]);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://example.github.io${prefix}/en/</loc>`);
    expect(sitemap).toMatch(/hreflang="ja" href="https:\/\/example\.github\.io\/help-center\/ja\//);
  });

  it('sends a visitor at the root on to a language, and every page loads without a missing file', async () => {
    const t = await h.open(`${prefix}/`);
    await t.page.waitForURL(/\/help-center\/(en|ja|ko)\/$/);
    const links = await t.page.locator('.category-card').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links.length).toBeGreaterThan(2);
    await t.page.locator('.category-card').first().click();
    await t.page.locator('.article-card').first().click();
    await expect.poll(() => t.page.locator('article h1').count()).toBe(1);
    expect(new URL(t.page.url()).pathname).toMatch(/^\/help-center\/[a-z]+\/[^/]+\/[^/]+\/$/);
    expect(t.consoleErrors).toEqual([]);
    expect(t.externalRequests).toEqual([]);
    expect(h.server.log.filter((r) => !r.path.startsWith(`${prefix}/`) && r.path !== prefix)).toEqual([]);
    await t.close();
  });

  it('searches, and a result leads to the article under the path', async () => {
    const t = await h.open(`${prefix}/en/`);
    const input = t.page.locator('.search-hero input');
    await input.focus();
    await input.pressSequentially('refund', { delay: 20 });
    // The answer to the whole word, not to an earlier keystroke ("refun"), whose first result may differ.
    await expect.poll(() => t.page.locator('.search-hero .search-panel').getAttribute('data-query'), { timeout: 10_000 }).toBe('refund');
    const options = t.page.locator('.search-hero [role=listbox] [role=option]');
    expect(await options.count()).toBeGreaterThan(0);
    const href = (await options.nth(0).getAttribute('href'))!;
    expect(href.startsWith(`${prefix}/en/`)).toBe(true);
    await input.press('ArrowDown');
    await input.press('Enter');
    await t.page.waitForURL(`**${href}`);
    expect(await t.page.locator('article h1').innerText()).toMatch(/refund/i);
    expect(t.consoleErrors).toEqual([]);
    await t.close();
  });

  it('answers a missing page under the path in the language of its path', async () => {
    const t = await h.open(`${prefix}/ja/no-such-page/`);
    expect(await t.page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await t.page.locator('.site-title').getAttribute('href')).toBe(`${prefix}/ja/`);
    expect(t.cspViolations).toEqual([]);
    await t.close();
  });

  it('switches language to the same article under the path', async () => {
    const t = await h.open(`${prefix}/en/account/reset-your-password/`);
    const ja = t.page.locator('a[hreflang="ja"]').first();
    expect(await ja.getAttribute('href')).toBe(`${prefix}/ja/account/reset-your-password/`);
    await t.close();
  });
});
