import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness, type TrackedPage } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
/** The machine may be busy: a poll waits up to 10 s (vitest's default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const events = () => h.server.events.map((e) => JSON.parse(e.body));
const firstSuggestion = (t: TrackedPage) => t.page.locator('.contact-suggestion').first();

async function write(t: TrackedPage, subject: string, message: string) {
  await t.page.locator('#contact-subject').fill(subject);
  await t.page.locator('#contact-message').fill(message);
}

describe('the contact page answers first', () => {
  it('suggests the right article for a question typed in en, ja and ko, and only then offers the channel', async () => {
    const cases = [
      ['en', 'Charged twice this month', 'How do I get my money back?', '/en/billing/request-a-refund/'],
      ['ja', '二重に請求されました', '返金してもらうにはどうすればいいですか', '/ja/billing/request-a-refund/'],
      ['ko', '이중 결제가 됐어요', '환불받으려면 어떻게 해야 하나요?', '/ko/billing/request-a-refund/'],
    ] as const;
    // The three languages side by side: most of each is waiting for the browser.
    await Promise.all(cases.map(async ([locale, subject, message, answer]) => {
      const t = await h.open(`/${locale}/contact/`);
      await t.page.locator('[data-contact-form][data-contact-ready]').waitFor();
      const channel = t.page.locator('[data-contact-channel]');
      expect(await channel.isVisible()).toBe(false);
      await write(t, subject, message);
      await poll(() => firstSuggestion(t).getAttribute('href')).toBe(answer);
      expect(await channel.isVisible()).toBe(true);
      expect(await t.page.locator('[data-contact-status]').innerText()).not.toBe('');
      expect(events().some((e) => e.type === 'contact_start' && e.locale === locale && e.source === 'contact-page')).toBe(true);
      if (locale === 'en') {
        // Through DevTools, so the page's strict CSP stays on while axe runs. The header and footer are every page's,
        // checked by a11y.test.ts; this is the form with its suggestions and channel.
        await t.page.evaluate(axeSource);
        // Every rule in light; in dark only colour contrast, the one rule a colour scheme changes.
        for (const scheme of ['light', 'dark'] as const) {
          await t.page.emulateMedia({ colorScheme: scheme });
          const only = scheme === 'dark' ? { runOnly: ['color-contrast'] } : {};
          const result = await t.page.evaluate((o) => (window as any).axe.run({ include: [['main']] }, { resultTypes: ['violations'], ...o }), only);
          expect(result.violations.map((v: any) => `[${scheme}] ${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        }
      }
      expect(t.consoleErrors).toEqual([]);
      await t.close();
    }));
  });

  it('keeps what the customer typed before the page script ran (a slow connection), and answers it', async () => {
    // The page's scripts are held until both fields are filled, as on a connection slower than the customer.
    const typed = Promise.withResolvers<void>();
    const t = await h.open('/en/contact/', {
      beforeLoad: async (page) => {
        await page.route('**/*.js', async (route) => {
          await typed.promise;
          await route.continue();
        });
        void write({ page } as TrackedPage, 'Charged twice this month', 'How do I get my money back?').then(typed.resolve, typed.reject);
      },
    });
    await t.page.locator('[data-contact-form][data-contact-ready]').waitFor();
    expect(await t.page.locator('#contact-subject').inputValue()).toBe('Charged twice this month');
    expect(await t.page.locator('#contact-message').inputValue()).toBe('How do I get my money back?');
    await poll(() => firstSuggestion(t).getAttribute('href')).toBe('/en/billing/request-a-refund/');
    // Nothing was saved before, so nothing claims to have been kept.
    expect(await t.page.locator('[data-contact-status]').innerText()).not.toContain('We kept what you wrote.');
    expect(t.consoleErrors).toEqual([]);
    await t.close();
  });

  it('keeps the draft when the customer opens a suggestion and comes back, and the contact link carries it', async () => {
    const from = `${h.server.url}/en/billing/payment-failed/`;
    const t = await h.open(`/en/contact/?from=${encodeURIComponent(`${from}?session=secret`)}`);
    await t.page.locator('[data-contact-form][data-contact-ready]').waitFor();
    await write(t, 'Charged twice this month', 'How do I get my money back?');
    await poll(() => firstSuggestion(t).getAttribute('href')).toBe('/en/billing/request-a-refund/');
    // The page the customer came from did not answer them: it is not suggested back.
    expect(await t.page.locator(`.contact-suggestion[href="/en/billing/payment-failed/"]`).count()).toBe(0);
    await firstSuggestion(t).click();
    await t.page.waitForURL('**/en/billing/request-a-refund/');
    await poll(() => events().filter((e) => e.type === 'contact_suggestion_click').length).toBeGreaterThan(0);
    const click = events().findLast((e) => e.type === 'contact_suggestion_click');
    expect(click).toMatchObject({ locale: 'en', source: 'contact-page', rank: 1, url: '/en/billing/request-a-refund/', query: 'Charged twice this month' });

    await t.page.goBack();
    // Restored by the page's script as soon as it runs (or kept by the back-forward cache).
    await poll(() => t.page.locator('#contact-subject').inputValue()).toBe('Charged twice this month');
    expect(await t.page.locator('#contact-message').inputValue()).toBe('How do I get my money back?');
    // Coming back another way (the footer link, a new visit in the tab) finds the same draft.
    await t.page.goto(`${h.server.url}/en/contact/`);
    await poll(() => t.page.locator('#contact-subject').inputValue()).toBe('Charged twice this month');
    await poll(() => t.page.locator('[data-contact-status]').innerText()).toContain('We kept what you wrote.');

    const link = t.page.locator('a[data-contact-send]');
    await link.waitFor({ state: 'visible' });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe('https://tallybird.example/contact');
    // This example's template has no {message}: the message rides after the subject in {query}.
    expect(href.searchParams.get('q')).toBe('Charged twice this month\n\nHow do I get my money back?');
    expect(href.searchParams.get('from')).toBe(from);
    expect(href.searchParams.get('lang')).toBe('en');

    // Sending: the event, then the draft is gone (the navigation to the outside host is held here).
    await t.page.evaluate(() => {
      const a = document.querySelector<HTMLAnchorElement>('a[data-contact-send]')!;
      a.addEventListener('click', (e) => e.preventDefault());
      a.click();
    });
    await poll(() => events().filter((e) => e.type === 'contact_submit').length).toBeGreaterThan(0);
    const submit = events().findLast((e) => e.type === 'contact_submit');
    expect(submit).toMatchObject({ locale: 'en', source: 'contact-page', query: 'Charged twice this month', searchId: click.searchId });
    expect(submit.resultCount).toBeGreaterThan(0);
    expect(JSON.stringify(events())).not.toContain('money back?"');
    expect(await t.page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
    await t.close();
  });

  it('is where the footer, "not helpful" and zero-results contact links lead', async () => {
    // The article page's links are in its HTML as built.
    const html = readFileSync(join(inject('distDir'), 'ja/billing/request-a-refund/index.html'), 'utf8');
    const links = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*data-contact-source="(footer|not-helpful)"/g)].map((m) => ({ source: m[2], url: new URL(m[1]!.replaceAll('&amp;', '&'), h.server.url) }));
    expect(links.map((l) => [l.source, l.url.pathname])).toEqual([['not-helpful', '/ja/contact/'], ['footer', '/ja/contact/']]);
    expect(links[0]!.url.searchParams.get('from')).toMatch(/\/ja\/billing\/request-a-refund\/$/);

    const t = await h.open('/ja/');
    await t.page.locator('.search-hero input').fill('zzqxv返金認証');
    const zero = t.page.locator('.search-contact');
    await zero.waitFor({ timeout: 10_000 });
    await zero.click();
    await t.page.waitForURL('**/ja/contact/**');
    await poll(() => t.page.locator('#contact-subject').inputValue()).toBe('zzqxv返金認証');
    // Nothing matches it, so the channel is offered at once.
    await t.page.locator('[data-contact-channel]').waitFor({ state: 'visible', timeout: 10_000 });
    await poll(() => events().some((e) => e.type === 'contact_start' && e.query === 'zzqxv返金認証')).toBe(true);
    expect(t.cspViolations).toEqual([]);
    await t.close();

    // Without JavaScript there are no suggestions, but the channel is there at once.
    const plain = await h.open('/en/contact/', { javaScriptEnabled: false });
    expect(await plain.page.locator('a[data-contact-send]').isVisible()).toBe(true);
    await plain.close();
  });
});
