import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

// A site built from hostile content (tests/fixtures/content/xss, by global-setup): payloads in titles,
// descriptions, keywords, tags, bodies and category files.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ root: inject('sites').xss });
});
afterAll(async () => {
  await h?.close();
});

/** The page, the dialogs it opened (dismissed) and its console errors. */
async function visit(path: string): Promise<{ page: Page; dialogs: string[]; errors: string[]; close: () => Promise<void> }> {
  const t = await h.open(path);
  return { page: t.page, dialogs: t.dialogs, errors: t.consoleErrors, close: () => t.close() };
}

const injected = (page: Page) =>
  page.evaluate(() => ({
    marked: document.querySelectorAll('[data-xss], iframe, [onerror], [onload], [onmouseover], [style*="javascript"]').length,
    scripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/ld+json').map((s) => s.textContent).filter((t) => t?.includes('alert')),
    jsLinks: [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
  }));

describe('hostile content never becomes markup', () => {
  for (const path of ['/en/', '/en/billing/', '/en/billing/hostile-title/', '/en/billing/plain/']) {
    it(`renders ${path} with no dialog and no injected element`, async () => {
      const { page, dialogs, close } = await visit(path);
      await page.hover('body');
      for (const el of await page.locator('.prose div').all()) await el.hover().catch(() => {});
      expect(dialogs).toEqual([]);
      expect(await injected(page)).toEqual({ marked: 0, scripts: [], jsLinks: 0 });
      await close();
    });
  }

  it('shows payloads as text: the title reads literally', async () => {
    const { page, close } = await visit('/en/billing/hostile-title/');
    expect(await page.locator('h1').innerText()).toBe("Refunds <img src=x onerror=alert('title') data-xss>");
    expect(await page.title()).toContain("<img src=x onerror=alert('title') data-xss>");
    await close();
  });

  it('keeps search queries and excerpts inert', async () => {
    const { page, dialogs, close } = await visit('/en/');
    const input = page.locator('.search-hero input');
    for (const query of ['<img src=x onerror=alert(1) data-xss>', '"><svg onload=alert(2) data-xss>', 'script', 'refund', 'onerror']) {
      await input.fill(query);
      await page.waitForFunction(() => !document.querySelector('.search-status')?.textContent?.match(/…$/), null, { timeout: 10_000 });
      await page.waitForTimeout(150);
      expect(await injected(page), query).toEqual({ marked: 0, scripts: [], jsLinks: 0 });
    }
    await input.fill('script');
    await expect.poll(() => page.locator('[role=option]').count()).toBeGreaterThan(0);
    const excerpts = await page.locator('.search-excerpt').evaluateAll((els) => els.map((e) => e.innerHTML));
    for (const html of excerpts) expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/<[a-z]/i);
    await page.goto(`${h.server.url}/en/search/?q=${encodeURIComponent('<img src=x onerror=alert(3) data-xss>')}`);
    await page.waitForTimeout(500);
    expect(await injected(page)).toEqual({ marked: 0, scripts: [], jsLinks: 0 });
    expect(dialogs).toEqual([]);
    await close();
  });
});
