import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';
import { axeViolations } from './axe.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// The one static 404.html answers every missing path; the browser reports the 404 status itself as an error.
const realErrors = (errors: string[]) => errors.filter((e) => !/status of 404/.test(e));

describe('the 404 page', () => {
  const cases = [
    { path: '/ja/billing/no-such-page/', locale: 'ja', title: 'ページが見つかりません', query: '返金' },
    { path: '/ko/nope', locale: 'ko', title: '페이지를 찾을 수 없습니다', query: '비밀번호' },
    { path: '/en/no-such-page/', locale: 'en', title: 'Page not found', query: 'refund' },
    { path: '/no-language/at-all/', locale: 'en', title: 'Page not found', query: 'refund' },
  ];
  for (const { path, locale, title, query } of cases) {
    it(`speaks the language of ${path} and searches in it`, async () => {
      const t = await h.open(path);
      expect(await t.page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await t.page.locator('h1').innerText()).toBe(title);
      expect(await t.page.title()).toMatch(new RegExp(`^${title} \\| `));
      expect(await t.page.locator('.site-title').getAttribute('href')).toBe(`/${locale}/`);
      expect(await t.page.locator('.footer-contact a').getAttribute('href')).toContain(`lang=${locale}`);
      const input = t.page.locator('.not-found input[type=search]');
      expect(await input.getAttribute('data-locale')).toBe(locale);
      await input.click();
      await input.fill(query);
      const first = t.page.locator('.search-panel:not([hidden]) [role=option]').first();
      await expect.poll(() => first.getAttribute('href'), { timeout: 10_000 }).toMatch(new RegExp(`^/${locale}/`));
      // The theme toggle of the swapped-in header works.
      await t.page.locator('[data-theme-toggle]').click();
      expect(await t.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(t.cspViolations).toEqual([]);
      expect(realErrors(t.consoleErrors)).toEqual([]);
      await t.close();
    });
  }

  it('passes axe in another language', async () => {
    const t = await h.open('/ko/no-such-page/', { colorScheme: 'dark' });
    expect(await axeViolations(t, '/ko/no-such-page/')).toEqual([]);
    await t.close();
  });

  it('is in the default language without JavaScript', async () => {
    const t = await h.open('/ja/no-such-page/', { javaScriptEnabled: false });
    expect(await t.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await t.page.locator('h1').innerText()).toBe('Page not found');
    await t.close();
  });
});
