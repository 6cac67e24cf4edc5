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
   * A page that records console errors, CSP violations and any request to a host other than the test server
   * (or `allowOrigins`, such as a second server playing a product that embeds the widget). `path` may be a full URL.
   *
   * The page is as a new one: no cookies, storage, HTTP cache, permissions or listeners from an earlier use.
   * Pages are reused between `open`s (a new browser context costs Chromium four times a navigation), except
   * with `beforeLoad`, whose init scripts could not be taken back: that page gets a context of its own.
   */
  open(path: string, options?: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; allowOrigins?: string[]; beforeLoad?: (page: Page) => Promise<void> }): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface TrackedPage {
  page: Page;
  /**
   * Navigate this page to another path of the site (or a full URL). Cheaper than `open`: the scripts the site
   * shares between pages are compiled already. Tracking goes on in the same arrays.
   */
  goto(path: string): Promise<void>;
  context: BrowserContext;
  consoleErrors: string[];
  externalRequests: string[];
  cspViolations: string[];
  dialogs: string[];
  /** Done with this page: it is wiped and kept for the next `open` (or closed, if it had a context of its own). */
  close(): Promise<void>;
}

/** A context with its one page, kept between uses; `user` is the TrackedPage it is lent to. */
interface Slot {
  context: BrowserContext;
  page: Page;
  javaScriptEnabled: boolean;
  user?: TrackedPage & { allowOrigins?: string[] };
  /** The harness's own listeners on the page and the context. */
  own?: Set<() => void>;
}

/** The example site from global-setup, or another build (`root`), optionally served under a path (`prefix`). */
export async function startHarness(options: { root?: string; prefix?: string } = {}): Promise<Harness> {
  const server = await startStaticServer(options.root ?? inject('distDir'), { prefix: options.prefix });
  const browser = await connectBrowser();
  const contexts: BrowserContext[] = [];
  const idle: Slot[] = [];

  /** A context whose listeners report to whichever TrackedPage holds it at the moment. */
  async function newSlot(javaScriptEnabled: boolean): Promise<Slot> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    // A step that hangs fails as itself (which click, which navigation) long before the test's own timeout.
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const slot: Slot = { context, page, javaScriptEnabled };
    page.on('console', (m) => {
      if (!slot.user) return;
      if (m.type() === 'error') slot.user.consoleErrors.push(m.text());
      if (/Content Security Policy/i.test(m.text())) slot.user.cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => slot.user?.consoleErrors.push(String(e)));
    page.on('dialog', (d) => {
      slot.user?.dialogs.push(d.message());
      void d.dismiss();
    });
    // Watched, not intercepted: the browser itself cannot reach other hosts (global-setup's --host-resolver-rules),
    // and interception would turn off the HTTP cache and stop every request on its way to the server.
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(server.url) || /^(data|blob|about):/.test(url) || slot.user?.allowOrigins?.some((o) => url.startsWith(o))) return;
      slot.user?.externalRequests.push(url);
    });
    slot.own = new Set(emitters(slot).flatMap(listenersOf));
    return slot;
  }

  /**
   * Playwright's pages and contexts are Node-style event emitters, though its types do not say so
   * (tests/e2e/harness.test.ts would catch a change).
   */
  type Emitter = { eventNames(): (string | symbol)[]; listeners(name: string | symbol): (() => void)[]; off(name: string | symbol, listener: () => void): unknown };
  const emitters = (slot: Pick<Slot, 'page' | 'context'>) => [slot.page, slot.context] as unknown as Emitter[];
  const listenersOf = (emitter: Emitter) => emitter.eventNames().flatMap((name) => emitter.listeners(name));
  /** Take off whatever listeners a test added, keeping the harness's own. */
  function dropListeners(slot: Slot) {
    for (const emitter of emitters(slot)) {
      for (const name of emitter.eventNames()) for (const listener of emitter.listeners(name)) if (!slot.own!.has(listener)) emitter.off(name, listener);
    }
  }

  /** Back to a new page's state: nothing a page stored survives, and the page itself shows nothing. */
  async function wipe(slot: Slot, origins: string[]) {
    dropListeners(slot);
    for (const other of slot.context.pages()) if (other !== slot.page) await other.close();
    await slot.page.goto('about:blank');
    const cdp = await slot.context.newCDPSession(slot.page);
    await cdp.send('Network.clearBrowserCache');
    for (const origin of new Set(origins)) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    await cdp.detach();
    await slot.context.clearCookies();
    await slot.context.clearPermissions();
  }

  return {
    server,
    browser,
    async open(path, options = {}) {
      const url = (p: string) => (/^https?:/.test(p) ? p : server.url + p);
      const javaScriptEnabled = options.javaScriptEnabled ?? true;
      const own = Boolean(options.beforeLoad);
      const at = idle.findIndex((s) => s.javaScriptEnabled === javaScriptEnabled);
      const slot = !own && at >= 0 ? idle.splice(at, 1)[0]! : await newSlot(javaScriptEnabled);
      const { page, context } = slot;
      const tracked: TrackedPage & { allowOrigins?: string[] } = {
        page,
        context,
        allowOrigins: options.allowOrigins,
        goto: async (p) => void (await page.goto(url(p))),
        consoleErrors: [],
        externalRequests: [],
        cspViolations: [],
        dialogs: [],
        async close() {
          if (slot.user !== tracked) return;
          slot.user = undefined;
          if (own) return context.close();
          await wipe(slot, [new URL(server.url).origin, ...(options.allowOrigins ?? []).map((o) => new URL(o).origin)]);
          idle.push(slot);
        },
      };
      slot.user = tracked;
      await page.setViewportSize(options.viewport ?? { width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
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
