import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startStaticServer, type StaticServer } from './static-server.ts';


/** The one Chromium that global-setup started, shared by every test file. `close()` only disconnects from it. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

export interface Harness {
  server: StaticServer;
  browser: Browser;
  /**
   * A fresh page that records console errors, CSP violations and any request to a host other than the test server
   * (or `allowOrigins`, such as a second server playing a product that embeds the widget). `path` may be a full URL.
   */
  open(path: string, options?: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; allowOrigins?: string[]; beforeLoad?: (page: Page) => Promise<void> }): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface TrackedPage {
  page: Page;
  /**
   * Navigate this page to another path of the site (or a full URL). Cheaper than `open`: no new browser context,
   * and the scripts the site shares between pages are compiled already. Tracking goes on in the same arrays.
   */
  goto(path: string): Promise<void>;
  context: BrowserContext;
  consoleErrors: string[];
  externalRequests: string[];
  cspViolations: string[];
  dialogs: string[];
}

/** The example site from global-setup, or another build (`root`), optionally served under a path (`prefix`). */
export async function startHarness(options: { root?: string; prefix?: string } = {}): Promise<Harness> {
  const server = await startStaticServer(options.root ?? inject('distDir'), { prefix: options.prefix });
  const browser = await connectBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext({
        colorScheme: options.colorScheme ?? 'light',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: options.viewport ?? { width: 1280, height: 900 },
      });
      contexts.push(context);
      // A step that hangs fails as itself (which click, which navigation) long before the test's own timeout.
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const url = (p: string) => (/^https?:/.test(p) ? p : server.url + p);
      const tracked: TrackedPage = {
        page,
        context,
        goto: async (p) => void (await page.goto(url(p))),
        consoleErrors: [],
        externalRequests: [],
        cspViolations: [],
        dialogs: [],
      };
      page.on('console', (m) => {
        if (m.type() === 'error') tracked.consoleErrors.push(m.text());
        if (/Content Security Policy/i.test(m.text())) tracked.cspViolations.push(m.text());
      });
      page.on('pageerror', (e) => tracked.consoleErrors.push(String(e)));
      page.on('dialog', (d) => {
        tracked.dialogs.push(d.message());
        void d.dismiss();
      });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.url) || url.startsWith('data:') || options.allowOrigins?.some((o) => url.startsWith(o))) return route.continue();
        tracked.externalRequests.push(url);
        return route.abort();
      });
      await options.beforeLoad?.(page);
      await page.goto(url(path));
      return tracked;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}
