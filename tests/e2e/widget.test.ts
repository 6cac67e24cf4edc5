import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness, type TrackedPage } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
/** The machine may be busy: a poll waits up to 10 s (vitest's default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
/** A second origin playing the customer's product, with a CSP that allows nothing but the help center. */
let product: StaticServer;
const productDir = resolve(import.meta.dirname, '../../.tmp/e2e-product');

function productPage(help: string, attributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tallybird app</title>
<script src="${help}/_widget/v1.js" ${attributes} async></script></head>
<body><main><h1>Tallybird</h1><p>Billing settings of a made-up product.</p></main></body></html>`;
}

beforeAll(async () => {
  h = await startHarness();
  const help = h.server.url;
  rmSync(productDir, { recursive: true, force: true });
  for (const [path, attributes] of [
    ['settings/billing', 'data-locale="en"'],
    ['app', 'data-locale="ja" data-context="/invoices"'],
  ] as const) {
    mkdirSync(join(productDir, path), { recursive: true });
    writeFileSync(join(productDir, path, 'index.html'), productPage(help, attributes));
  }
  // No style-src at all: the widget's styles are constructed stylesheets, which the policy does not govern.
  const csp = `default-src 'none'; script-src ${help}; connect-src ${help}; img-src ${help}; base-uri 'none'; form-action 'none'`;
  writeFileSync(join(productDir, '_headers'), `/*\n  Content-Security-Policy: ${csp}\n`);
  writeFileSync(join(productDir, '404.html'), '<!doctype html><title>Not found</title>');
  product = await startStaticServer(productDir);
});
afterAll(async () => {
  await h?.close();
  await product?.close();
});

const events = () => h.server.events.map((e) => JSON.parse(e.body));
const inWidget = (t: TrackedPage, selector: string) => t.page.locator(`[data-kb-widget] ${selector}`);
const helpBytes = (from: number) => h.server.log.slice(from).reduce((n, l) => n + l.bytes, 0);

/** Record the page's own globals and any read of document.cookie, before the page runs anything. */
async function watchGlobals(page: Page) {
  await page.addInitScript(() => {
    const w = window as any;
    Object.defineProperty(w, '__kbBaseline', { value: Object.getOwnPropertyNames(window), enumerable: false });
    let reads = 0;
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(Document.prototype, 'cookie', { get() { reads++; return cookie.get!.call(this); }, set(v) { cookie.set!.call(this, v); }, configurable: true });
    Object.defineProperty(w, '__kbCookieReads', { get: () => reads, enumerable: false });
  });
}

/** Every axe rule in light; in dark only colour contrast, the one rule a colour scheme changes. */
async function axe(page: Page, schemes: readonly ('light' | 'dark')[] = ['light', 'dark']): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    const only = scheme === 'dark' ? ['color-contrast'] : undefined;
    const result = await page.evaluate((rules) => (window as any).axe.run(document.querySelector('[data-kb-widget]'), { resultTypes: ['violations'], ...(rules ? { runOnly: rules } : {}) }), only);
    for (const v of result.violations) out.push(`[${scheme}] ${v.id}: ${v.help} (${v.nodes.map((n: any) => JSON.stringify(n.target)).slice(0, 3).join(', ')})`);
  }
  return out;
}

describe('the help widget in a product on another origin', () => {
  // axe-core runs inside the widget in each view: home and an article (light and dark) in the first test, the contact
  // form with its suggestions in Japanese (light and dark) in the second, the closed button in light.
  it('costs one small file until pressed, then searches, reads an article in place and takes feedback, under a strict CSP', async () => {
    const start = h.server.log.length;
    const t = await h.open(`${product.url}/settings/billing/`, { allowOrigins: [product.url], beforeLoad: watchGlobals });
    const button = inWidget(t, '.kbw-button');
    await button.waitFor();
    await t.page.waitForLoadState('networkidle');
    expect(h.server.log.slice(start).map((l) => l.path)).toEqual(['/_widget/v1.js']);
    expect(h.server.log.slice(start)[0]!.encoding).toBe('br');
    expect(helpBytes(start)).toBeLessThanOrEqual(6 * 1024);
    const globals = await t.page.evaluate(() => Object.getOwnPropertyNames(window).filter((n) => !(window as any).__kbBaseline.includes(n) && !n.startsWith('__kb')));
    expect(globals).toEqual(['KBWidget']);
    // axe-core (a global of its own, hence after that check), through DevTools so the page's CSP stays on.
    await t.page.evaluate(axeSource);
    const a11y = (await axe(t.page, ['light'])).map((f) => `button ${f}`);

    const pressed = h.server.log.length;
    await button.click();
    const panel = inWidget(t, '#kbw-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await t.page.evaluate(() => document.querySelector('[data-kb-widget]')!.shadowRoot!.activeElement?.id)).toBe('kbw-q');
    // Contextual help: this product path is mapped to these articles in their frontmatter.
    const suggested = await inWidget(t, '.kbw-body a.kbw-link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(suggested.slice(0, 3).sort()).toEqual(['/en/billing/payment-failed/', '/en/billing/request-a-refund/', '/en/billing/update-payment-method/']);
    a11y.push(...(await axe(t.page)).map((f) => `home ${f}`));

    await inWidget(t, '#kbw-q').pressSequentially('refund', { delay: 20 });
    // The answer to the whole word, not to a prefix typed on the way.
    const firstResult = inWidget(t, '.kbw-body > div[data-query="refund"] a.kbw-link').first();
    await firstResult.waitFor();
    expect(await inWidget(t, '#kbw-status').innerText()).toMatch(/results?$/);
    expect(new URL((await firstResult.getAttribute('href'))!).pathname).toBe('/en/billing/request-a-refund/');
    // Panel code, config, manifest, shards and fragments of the first search: within the site's first-search budget.
    expect(helpBytes(pressed)).toBeLessThanOrEqual(50 * 1024);

    await firstResult.click();
    const title = inWidget(t, '#kbw-article-title');
    await title.waitFor();
    expect(await title.innerText()).toBe('Request a refund');
    expect(await inWidget(t, '.kbw-prose table').count()).toBe(1);
    await inWidget(t, '.kbw-feedback button:text-is("Yes")').click();
    await poll(() => events().some((e) => e.type === 'feedback' && e.page === '/_widget/')).toBe(true);
    expect(events().findLast((e) => e.type === 'feedback')).toMatchObject({ helpful: true, locale: 'en', url: '/en/billing/request-a-refund/' });
    expect(events().findLast((e) => e.type === 'result_click')).toMatchObject({ page: '/_widget/', query: 'refund', rank: 1 });
    // Changing the answer opens the reasons: the article with its form, checked in both schemes.
    await inWidget(t, '.kbw-feedback button:text-is("No")').click();
    await inWidget(t, '.kbw-feedback fieldset').waitFor();
    a11y.push(...(await axe(t.page)).map((f) => `article after No ${f}`));
    expect(a11y).toEqual([]);

    await t.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await t.page.evaluate(() => document.querySelector('[data-kb-widget]')!.shadowRoot!.activeElement?.className)).toBe('kbw-button');

    expect(await t.page.evaluate(() => (window as any).__kbCookieReads)).toBe(0);
    expect(await t.context.cookies()).toEqual([]);
    expect(t.cspViolations).toEqual([]);
    expect(t.consoleErrors).toEqual([]);
    expect(t.externalRequests).toEqual([]);
    await t.close();
  });

  it('suggests for data-context and KBWidget.open({ context, query }), and its contact form suggests before it offers the channel', async () => {
    const t = await h.open(`${product.url}/app/`, { allowOrigins: [product.url] });
    await inWidget(t, '.kbw-button').waitFor();
    await t.page.evaluate(axeSource);
    await t.page.evaluate(() => (window as any).KBWidget.open());
    await inWidget(t, '#kbw-panel').waitFor({ state: 'visible' });
    const links = () => inWidget(t, '.kbw-body a.kbw-link:visible').evaluateAll((a) => a.map((x) => new URL((x as HTMLAnchorElement).href).pathname));
    await poll(links).toEqual(expect.arrayContaining(['/ja/invoices/create-an-invoice/', '/ja/invoices/recurring-invoices/']));
    expect(await inWidget(t, '.kbw-body h3').first().innerText()).toBe('この画面のヘルプ');

    await t.page.evaluate(() => (window as any).KBWidget.open({ context: '/settings/security' }));
    await poll(async () => (await links()).slice(0, 2).sort()).toEqual(['/ja/account/reset-your-password/', '/ja/account/two-factor-authentication/']);
    await t.page.evaluate(() => (window as any).KBWidget.open({ query: '返金' }));
    await poll(async () => (await links())[0]).toBe('/ja/billing/request-a-refund/');

    await inWidget(t, '.kbw-foot button').click();
    const sendLink = inWidget(t, '.kbw-foot a.kbw-primary');
    await inWidget(t, '#kbw-subject').waitFor();
    expect(await sendLink.isVisible()).toBe(false);
    await inWidget(t, '#kbw-subject').fill('二重に請求されました');
    await inWidget(t, '#kbw-message').fill('返金してもらうにはどうすればいいですか');
    await poll(async () => (await links())[0]).toBe('/ja/billing/request-a-refund/');
    await sendLink.waitFor({ state: 'visible' });
    const href = new URL((await sendLink.getAttribute('href'))!);
    expect(href.searchParams.get('q')).toBe('二重に請求されました\n\n返金してもらうにはどうすればいいですか');
    expect(href.searchParams.get('from')).toBe(`${product.url}/app/`);
    expect(href.searchParams.get('lang')).toBe('ja');
    await poll(() => events().some((e) => e.type === 'contact_start' && e.source === 'widget' && e.locale === 'ja')).toBe(true);
    expect(await axe(t.page)).toEqual([]);

    // A suggestion opens in the panel; Back returns to the draft as it was.
    await inWidget(t, '.kbw-body a.kbw-link').first().click();
    await inWidget(t, '#kbw-article-title').waitFor();
    await poll(() => events().some((e) => e.type === 'contact_suggestion_click' && e.source === 'widget')).toBe(true);
    await inWidget(t, '.kbw-head button').first().click();
    expect(await inWidget(t, '#kbw-subject').inputValue()).toBe('二重に請求されました');
    expect(t.cspViolations).toEqual([]);
    expect(t.consoleErrors).toEqual([]);
    await t.close();
  });

  it("wears the help center's brand accent", () => {
    const loader = readFileSync(join(inject('sites').base, '_widget/v1.js'), 'utf8');
    const accent = /accent: "(#[0-9a-f]{6})"/i.exec(readFileSync(resolve(import.meta.dirname, 'kb.config.brand.yml'), 'utf8'))![1]!;
    expect(loader).toContain(`--kbw-accent:${accent}`);
  });

  it('works on the help center itself, its demo product page, with no CSP violation', async () => {
    const t = await h.open('/widget-demo/#/settings/billing');
    await inWidget(t, '.kbw-button').click();
    await inWidget(t, '#kbw-panel .kbw-link').first().waitFor();
    const first = () => inWidget(t, '.kbw-body a.kbw-link:visible').first().getAttribute('href');
    expect(new URL((await first())!).pathname).toMatch(/^\/en\/billing\//);
    // The demo is a single-page app: a route change tells the widget, which suggests for the new screen.
    await t.page.evaluate(() => (location.hash = '#/settings/team'));
    await poll(async () => new URL((await first())!).pathname).toMatch(/^\/en\/account\/(invite-team-members|team-roles-and-permissions)\/$/);
    expect(t.cspViolations).toEqual([]);
    expect(t.consoleErrors).toEqual([]);
    await t.close();
  });
});
