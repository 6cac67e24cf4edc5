import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type TrackedPage } from './browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const searchRequests = (since: number) => h.server.log.slice(since).filter((r) => r.path.startsWith('/_search/'));
const options = (t: TrackedPage) => t.page.locator('[role=listbox] [role=option]');

async function typeQuery(t: TrackedPage, selector: string, query: string) {
  const input = t.page.locator(selector);
  await input.click();
  await input.pressSequentially(query, { delay: 20 });
  // Wait for the answer to the whole query, not to an earlier keystroke.
  await expect.poll(() => t.page.locator('.search-panel').first().getAttribute('data-query'), { timeout: 10_000 }).toBe(query);
}

describe('search interface', () => {
  it('fetches nothing for search until the reader focuses the box', async () => {
    const before = h.server.log.length;
    const t = await h.open('/en/billing/');
    await t.page.waitForLoadState('networkidle');
    expect(searchRequests(before)).toEqual([]);
    const scripts = h.server.log.slice(before).filter((r) => r.path.endsWith('.js'));
    expect(scripts.length).toBe(1); // the page script only; the search UI is a separate, lazy chunk
    await t.page.locator('.search-header input').focus();
    await expect.poll(() => searchRequests(before).length).toBeGreaterThan(0);
    await t.close();
  });

  it('focuses the search box with / and with Ctrl+K', async () => {
    const t = await h.open('/en/billing/');
    await t.page.keyboard.press('/');
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await t.page.locator('h1').click();
    await t.page.keyboard.press('Control+k');
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await t.close();
  });

  it('shows results as you type, grouped by article, with the combobox pattern and keyboard flow', async () => {
    const t = await h.open('/en/');
    await typeQuery(t, '.search-hero input', 'refund');
    const input = t.page.locator('.search-hero input');
    expect(await input.getAttribute('role')).toBe('combobox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const listId = await input.getAttribute('aria-controls');
    expect(await t.page.locator(`#${listId}`).getAttribute('role')).toBe('listbox');
    expect(await options(t).count()).toBeGreaterThan(0);
    expect(await t.page.locator('.search-group').first().locator('.search-option-title').first().innerText()).toMatch(/refund/i);
    expect(await t.page.locator('mark').count()).toBeGreaterThan(0);

    await input.press('ArrowDown');
    const first = await options(t).nth(0).getAttribute('id');
    expect(await input.getAttribute('aria-activedescendant')).toBe(first);
    expect(await options(t).nth(0).getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowDown');
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(first);
    await input.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await input.press('ArrowDown');
    const href = await options(t).nth(0).getAttribute('href');
    await input.press('Enter');
    await t.page.waitForURL(`**${href}`);
    expect(t.consoleErrors).toEqual([]);
    expect(t.cspViolations).toEqual([]);
    await t.close();
  });

  it('links a hit deep in an article to its heading', async () => {
    const t = await h.open('/en/');
    await typeQuery(t, '.search-hero input', 'two-factor recovery codes');
    const hrefs = await options(t).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.some((href) => href?.includes('#'))).toBe(true);
    await t.close();
  });

  for (const [locale, query] of [['ja', '返金'], ['ko', '비밀번호'], ['ja', 'ﾊﾟｽﾜｰﾄﾞ']] as const) {
    it(`finds ${locale} articles for ${query}`, async () => {
      const t = await h.open(`/${locale}/`);
      await typeQuery(t, '.search-hero input', query);
      expect(await options(t).count()).toBeGreaterThan(0);
      expect(await t.page.locator('.search-status').first().innerText()).toMatch(locale === 'ja' ? /件/ : /결과/);
      await t.close();
    });
  }

  it('says plainly when nothing is found, then offers suggestions and a contact link carrying the query', async () => {
    const t = await h.open('/ja/');
    await typeQuery(t, '.search-hero input', 'zzqxv返金認証');
    expect(await options(t).count()).toBe(0);
    expect(await t.page.locator('.search-status').first().innerText()).toContain('zzqxv返金認証');
    expect(await t.page.locator('.search-extra .suggestions a').count()).toBeGreaterThan(0);
    const contact = await t.page.locator('.search-contact').getAttribute('href');
    const url = new URL(contact!);
    expect(url.searchParams.get('q')).toBe('zzqxv返金認証');
    expect(url.searchParams.get('lang')).toBe('ja');
    await t.close();
  });

  it('answers a whole question pasted in, in each language, and links the answer first', async () => {
    const questions: [string, string, string][] = [
      ['/en/', 'Hi, I was charged twice this month, how do I get my money back?', '/en/billing/request-a-refund/'],
      ['/ja/', '先月、二重に請求されていたのですが、返金してもらうにはどうすればいいですか', '/ja/billing/request-a-refund/'],
      ['/ko/', '이중 결제가 됐는데 환불받으려면 어떻게 해야 하나요?', '/ko/billing/request-a-refund/'],
    ];
    const t = await h.open('/en/');
    for (const [path, question, answer] of questions) {
      if (path !== '/en/') await t.goto(path);
      const input = t.page.locator('.search-hero input');
      await input.click();
      await input.fill(question);
      await expect.poll(() => t.page.locator('.search-panel').first().getAttribute('data-query'), { timeout: 10_000 }).toBe(question);
      expect(await options(t).first().getAttribute('href')).toBe(answer);
      expect(await t.page.locator('.search-panel.search-nothing-found').count()).toBe(0);
    }
    await t.close();
  });

  it('says when no article answers a question, offers the closest ones, then help and a contact link carrying it', async () => {
    const t = await h.open('/en/');
    const question = 'can I pay my Tallybird subscription with bitcoin or another cryptocurrency?';
    const input = t.page.locator('.search-hero input');
    await input.click();
    await input.fill(question);
    await expect.poll(() => t.page.locator('.search-panel').first().getAttribute('data-query'), { timeout: 10_000 }).toBe(question);
    const panel = t.page.locator('.search-panel').first();
    expect(await panel.getAttribute('class')).toContain('search-nothing-found');
    expect(await panel.locator('.search-status').innerText()).toContain('No article answers');
    expect(await panel.locator('.search-closest-label').innerText()).toBe('Closest articles');
    // The listbox is named by the label, and its options are still reachable from the keyboard.
    expect(await panel.locator('[role=listbox]').getAttribute('aria-labelledby')).toBe(await panel.locator('.search-closest-label').getAttribute('id'));
    await input.press('ArrowDown');
    expect(await t.page.evaluate(() => document.activeElement?.getAttribute('aria-activedescendant'))).toBeTruthy();
    const contact = new URL((await panel.locator('.search-contact').getAttribute('href'))!);
    expect(contact.searchParams.get('q')).toBe(question);
    await t.close();
  });

  it('keeps the newest answer when typing fast (stale responses are dropped)', async () => {
    const t = await h.open('/en/');
    const input = t.page.locator('.search-hero input');
    await input.click();
    await input.pressSequentially('invoice', { delay: 0 });
    await input.fill('password');
    await expect.poll(() => t.page.locator('.search-option-title').first().innerText(), { timeout: 10_000 }).toMatch(/password/i);
    await t.page.waitForTimeout(300);
    expect(await t.page.locator('.search-option-title').first().innerText()).toMatch(/password/i);
    await t.close();
  });

  it('has a shareable search page at /<lang>/search/?q=', async () => {
    const t = await h.open('/en/search/?q=export');
    await expect.poll(() => t.page.locator('[data-search-page-results] [role=option]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const input = t.page.locator('.search-page input');
    expect(await input.inputValue()).toBe('export');
    await input.fill('refund');
    await expect.poll(() => t.page.evaluate(() => location.search)).toBe('?q=refund');
    await t.close();
  });
});
