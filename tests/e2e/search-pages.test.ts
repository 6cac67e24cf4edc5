import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TrackedPage } from './browser.ts';
import { axeViolations } from './axe.ts';

const phone = { width: 390, height: 844 };
const nothing = 'zzqxv wire transfer fee from abroad';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const results = (t: TrackedPage) => t.page.locator('[data-search-page-results] .search-group > .search-option:not(.search-suboption)').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const settled = (t: TrackedPage, query: string) =>
  expect.poll(() => t.page.locator('.search-panel-page').getAttribute('data-query'), { timeout: 10_000 }).toBe(query);
const params = (t: TrackedPage) => t.page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));

describe('the search page, a page of results at a time', () => {
  it('shows ten results, says which page of how many, and pages with real links, the URL and Back', async () => {
    const t = await h.open('/en/search/?q=invoice');
    await settled(t, 'invoice');
    const first = await results(t);
    expect(first).toHaveLength(10);
    const status = t.page.locator('.search-panel-page .search-status');
    const [, total, pages] = /^(\d+) results · page 1 of (\d+)$/.exec(await status.innerText())!;
    expect(Number(pages)).toBe(Math.ceil(Number(total) / 10));

    const pager = t.page.getByRole('navigation', { name: 'Pages of search results' });
    expect(await pager.locator('[aria-current="page"]').innerText()).toBe('1');
    expect(await pager.getByRole('link', { name: 'Page 2' }).count()).toBe(1);
    expect(await pager.getByRole('link', { name: 'Previous' }).count()).toBe(0);

    // By keyboard: the link to the next page, then reading resumes at the new status line.
    await pager.getByRole('link', { name: 'Next' }).focus();
    await t.page.keyboard.press('Enter');
    await expect.poll(() => params(t)).toEqual({ q: 'invoice', page: '2' });
    await expect.poll(() => status.innerText()).toMatch(/page 2 of/);
    const second = await results(t);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((href) => first.includes(href))).toEqual([]);
    expect(await t.page.evaluate(() => document.activeElement?.classList.contains('search-status'))).toBe(true);
    expect(await pager.locator('[aria-current="page"]').innerText()).toBe('2');

    await t.page.goBack();
    await expect.poll(() => params(t)).toEqual({ q: 'invoice' });
    await expect.poll(() => results(t)).toEqual(first);
    expect(t.consoleErrors).toEqual([]);
    expect(t.cspViolations).toEqual([]);
    await t.close();
  });

  it('passes axe on a later page, with the pager, in both themes', async () => {
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const t = await h.open('/ja/search/?q=%E8%AB%8B%E6%B1%82&page=2', { colorScheme });
      await expect.poll(() => t.page.locator('.search-pager').count(), { timeout: 10_000 }).toBe(1);
      failures.push(...(await axeViolations(t, `/ja/search/ page 2 [${colorScheme}]`)));
      await t.close();
    }
    expect(failures).toEqual([]);
  });

  it('opens the page a shared link names, the last one when it asks for too many, and starts a new query on page 1', async () => {
    const t = await h.open('/en/search/?q=invoice&page=2');
    await settled(t, 'invoice');
    await expect.poll(() => t.page.locator('.search-pager [aria-current="page"]').innerText()).toBe('2');

    const far = await h.open('/en/search/?q=invoice&page=99');
    await settled(far, 'invoice');
    const last = await far.page.locator('.search-pager [aria-current="page"]').innerText();
    expect(Number(last)).toBeGreaterThan(1);
    await expect.poll(() => params(far)).toEqual({ q: 'invoice', page: last });

    const input = t.page.locator('.search-page input');
    await input.fill('refund');
    await expect.poll(() => params(t)).toEqual({ q: 'refund' });
    await t.close();
    await far.close();
  });

  it('links from a dropdown with more answers than it shows to all of them on the search page', async () => {
    const t = await h.open('/en/');
    const input = t.page.locator('.search-hero input');
    await input.click();
    await input.fill('invoice');
    const all = t.page.locator('.search-hero .search-all');
    await expect.poll(() => all.count(), { timeout: 10_000 }).toBe(1);
    expect(await all.innerText()).toMatch(/^See all \d+ results$/);
    await all.click();
    await t.page.waitForURL('**/en/search/?q=invoice');
    await settled(t, 'invoice');
    await t.close();
  });
});

describe('the search page when nothing is found', () => {
  it('lists the topics once', async () => {
    const t = await h.open(`/en/search/?q=${encodeURIComponent(nothing)}`);
    await settled(t, nothing);
    const topics = await t.page.locator('h2').evaluateAll((hs) => hs.filter((h) => h.textContent === 'Topics' && (h as HTMLElement).offsetParent !== null).length);
    expect(topics).toBe(1);
    // An ordinary search still lists them, under the results.
    await t.page.locator('.search-page input').fill('refund');
    await settled(t, 'refund');
    expect(await t.page.locator('[data-search-page-topics]').isVisible()).toBe(true);
    await t.close();
  });

  it('fits the "Contact support about …" button on a 390 px screen, on the search page and in a dropdown', async () => {
    const queries = [nothing, 'zzqxvwiretransferfeefromabroadandmoreunbrokenletters', 'can I pay my Tallybird subscription with bitcoin or another cryptocurrency?'];
    const t = await h.open('/en/search/', { viewport: phone });
    for (const [path, query] of [...queries.map((q) => ['/en/search/', q]), ['/en/', nothing], ['/ja/', 'zzqxv返金認証'], ['/ja/search/', 'zzqxv返金認証についてのとても長い問い合わせ'], ['/ko/', 'zzqxv해외송금수수료는얼마인가요']] as const) {
      await t.goto(path);
      const input = t.page.locator('input[type=search]:visible').first();
      await input.click();
      await input.fill(query);
      const button = t.page.locator('.search-panel:not([hidden]) .search-contact');
      await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
      // A dropdown ends on the screen; scrolled to its end, the button is wholly visible.
      await t.page.locator('.search-panel:not([hidden])').evaluate((p) => (p.scrollTop = p.scrollHeight));
      if (!path.endsWith('/search/')) await expect.poll(() => t.page.locator('.search-panel:not([hidden])').evaluate((p) => p.getBoundingClientRect().bottom)).toBeLessThanOrEqual(phone.height);
      else await button.evaluate((b) => b.scrollIntoView({ block: 'center', behavior: 'instant' }));
      const fit = await button.evaluate((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, right: r.right, bottom: r.bottom, overflow: b.scrollWidth - b.clientWidth };
      });
      expect(fit.left, `${path} ${query}`).toBeGreaterThanOrEqual(0);
      expect(fit.right, `${path} ${query}`).toBeLessThanOrEqual(phone.width);
      expect(fit.bottom, `${path} ${query}`).toBeLessThanOrEqual(phone.height);
      expect(fit.overflow, `${path} ${query}`).toBeLessThanOrEqual(0);
    }
    await t.close();
  });
});
