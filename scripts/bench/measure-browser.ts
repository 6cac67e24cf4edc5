// Search and page weight as a reader's browser sees them: real Chromium against the built site on 127.0.0.1.
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../tests/e2e/static-server.ts';
import { typingSequence, type BenchQuery } from '../../src/bench/queries.ts';
import { mean, median, percentile } from './stats.ts';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How one site lets a reader search: ours (a header combobox) or Starlight's Pagefind dialog. */
export interface SearchDriver {
  name: string;
  /** How long the UI waits after a keystroke before it searches. */
  debounceMs: number;
  /** Focus or open the search UI, the way a reader starts a search. */
  open(page: Page): Promise<void>;
  input(page: Page): Locator;
  /** True when the page shows the answer to the current query (results or "no results"). */
  showsAnswer(page: Page): Promise<boolean>;
}

export const ourSearch: SearchDriver = {
  name: 'kb-site',
  debounceMs: 60,
  open: (page) => page.locator('.search-header input[type=search]').focus(),
  input: (page) => page.locator('.search-header input[type=search]'),
  async showsAnswer(page) {
    const status = page.locator('.search-header .search-status');
    if ((await status.count()) === 0) return false;
    const text = (await status.first().textContent()) ?? '';
    return text.trim() !== '' && !/…|\.\.\.$/.test(text);
  },
};

export const pagefindSearch: SearchDriver = {
  name: 'Starlight + Pagefind',
  // Pagefind UI's default debounce.
  debounceMs: 300,
  async open(page) {
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('.pagefind-ui__search-input').waitFor({ timeout: 15_000 });
  },
  input: (page) => page.locator('.pagefind-ui__search-input'),
  async showsAnswer(page) {
    const message = (await page.locator('.pagefind-ui__message').first().textContent().catch(() => null)) ?? '';
    return /\d|No results/i.test(message) && !/Searching/i.test(message);
  },
};

/** Round-trip time emulated while searching. */
export const searchRttMs = 80;

export interface Transfer {
  bytes: number;
  requests: number;
  /** Longest chain of requests where each starts only after the previous one finished. */
  roundTrips: number;
  ms: number;
  paths: string[];
}

export interface QueryMeasurement {
  query: string;
  first: Transfer;
  /** Bytes transferred by each later keystroke. */
  keystrokeBytes: number[];
}

export interface PageWeight {
  path: string;
  htmlBytes: number;
  jsBytes: number;
  cssBytes: number;
  jsFiles: number;
  cssFiles: number;
}

export interface LocaleSearchMeasurement {
  locale: string;
  page: PageWeight;
  queries: QueryMeasurement[];
}

export interface BrowserSession {
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function openBrowserSession(distDir: string): Promise<BrowserSession> {
  const server = await startStaticServer(distDir);
  try {
    const browser = await chromium.launch({ executablePath: process.env.KB_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
    return {
      server,
      browser,
      async close() {
        await browser.close().catch(() => {});
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export interface RequestRecord {
  url: string;
  start: number;
  end?: number;
  /** The browser's own clock (Resource Timing), more exact than when Playwright's events reach us. */
  browserStart?: number;
  browserEnd?: number;
}

/** Watches a page's requests so we know when the network is quiet and how requests chained. */
function trackRequests(page: Page) {
  const records: RequestRecord[] = [];
  const open = new Map<Request, RequestRecord>();
  let lastActivity = performance.now();
  page.on('request', (request) => {
    const record = { url: request.url(), start: performance.now() };
    records.push(record);
    open.set(request, record);
    lastActivity = performance.now();
  });
  const done = (request: Request) => {
    const record = open.get(request);
    if (record) {
      record.end = performance.now();
      const timing = request.timing();
      if (timing.startTime > 0 && timing.responseEnd >= 0) {
        record.browserStart = timing.startTime;
        record.browserEnd = timing.startTime + timing.responseEnd;
      }
    }
    open.delete(request);
    lastActivity = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    records,
    inFlight: () => open.size,
    quietFor: () => performance.now() - lastActivity,
  };
}

type Tracker = ReturnType<typeof trackRequests>;

/** Wait until the page shows an answer and no request has been in flight for a while. */
async function settle(page: Page, driver: SearchDriver, tracker: Tracker, quietMs = 300, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (tracker.inFlight() === 0 && tracker.quietFor() >= quietMs && (await driver.showsAnswer(page))) return;
    if (performance.now() > deadline) throw new Error(`${driver.name}: no search answer within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(40);
  }
}

export function roundTrips(records: readonly RequestRecord[]): number {
  // One clock for all: the browser's where every request has it, else ours.
  const browserClock = records.every((r) => r.browserStart !== undefined);
  const timed = records.map((r) => (browserClock ? { start: r.browserStart!, end: r.browserEnd } : r));
  const sorted = timed.sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) {
      const q = sorted[j]!;
      if (q.end !== undefined && q.end <= r.start) best = Math.max(best, depth[j]!);
    }
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}

async function newTrackedPage(session: BrowserSession, init?: (context: BrowserContext) => Promise<unknown>): Promise<{ context: BrowserContext; page: Page; tracker: Tracker; errors: string[] }> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Nothing may leave 127.0.0.1; a request elsewhere would also skew the byte counts.
  await context.route('**/*', (route) => (route.request().url().startsWith(session.server.url) ? route.continue() : route.abort()));
  if (init) await init(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, tracker: trackRequests(page), errors };
}

/** Load a page with an empty cache and count what it transfers before anyone searches. */
export async function measurePageWeight(session: BrowserSession, path: string): Promise<PageWeight> {
  const { context, page } = await newTrackedPage(session);
  try {
    const mark = session.server.log.length;
    await page.goto(session.server.url + path);
    await page.waitForLoadState('networkidle');
    const log = session.server.log.slice(mark);
    const sum = (re: RegExp) => log.filter((r) => re.test(r.path)).reduce((s, r) => s + r.bytes, 0);
    return {
      path,
      htmlBytes: sum(/\/$|\.html$/),
      jsBytes: sum(/\.m?js$/),
      cssBytes: sum(/\.css$/),
      jsFiles: log.filter((r) => /\.m?js$/.test(r.path)).length,
      cssFiles: log.filter((r) => /\.css$/.test(r.path)).length,
    };
  } finally {
    await context.close();
  }
}

/**
 * A reader's first search on a fresh page (empty cache): open the search, enter `typed` at once,
 * wait for the answer; then type `more` one character at a time, waiting for each answer.
 * Bytes are what the server sent (precompressed where the site ships .br files).
 */
export async function measureQuery(session: BrowserSession, driver: SearchDriver, path: string, query: BenchQuery, rttMs = searchRttMs): Promise<QueryMeasurement> {
  const { context, page, tracker, errors } = await newTrackedPage(session);
  try {
    await page.goto(session.server.url + path);
    await page.waitForLoadState('networkidle');
    // On 127.0.0.1 a response can arrive before a sibling request has even been sent, which would make
    // parallel requests look sequential. A realistic round-trip time keeps the two apart, and makes the
    // time to answer meaningful.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: -1, uploadThroughput: -1 });
    const mark = session.server.log.length;
    const recordMark = tracker.records.length;
    const started = performance.now();
    await driver.open(page);
    await driver.input(page).fill(query.typed);
    await settle(page, driver, tracker);
    const firstLog = session.server.log.slice(mark);
    const firstRecords = tracker.records.slice(recordMark);
    const lastEnd = Math.max(started, ...firstRecords.map((r) => r.end ?? r.start));
    const first: Transfer = {
      bytes: firstLog.reduce((s, r) => s + r.bytes, 0),
      requests: firstLog.length,
      roundTrips: roundTrips(firstRecords),
      ms: lastEnd - started,
      paths: firstLog.map((r) => r.path),
    };
    const keystrokeBytes: number[] = [];
    for (const char of query.more) {
      const before = session.server.log.length;
      await driver.input(page).pressSequentially(char);
      // Give the UI's debounce time to fire before waiting for the network to go quiet.
      await page.waitForTimeout(driver.debounceMs + 60);
      await settle(page, driver, tracker, 250 + rttMs);
      keystrokeBytes.push(session.server.log.slice(before).reduce((s, r) => s + r.bytes, 0));
    }
    if (errors.length) throw new Error(`${driver.name}: errors in the page while searching "${query.typed}": ${errors.slice(0, 3).join(' | ')}`);
    return { query: query.typed + query.more, first, keystrokeBytes };
  } finally {
    await context.close();
  }
}

export interface LatencyResult {
  samples: number;
  p50: number;
  p95: number;
}

export function summariseLatency(samples: readonly number[]): LatencyResult {
  return { samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * Warm latency in the page: the project's search client, bundled for the browser and served from the
 * same origin, runs every prefix a reader passes through, once to load the data, then `rounds` times
 * timed. `clientBundle` is the ES module source exporting `createSearchClient`.
 */
export async function measureWarmLatencyInBrowser(
  session: BrowserSession,
  path: string,
  clientBundle: string,
  queries: readonly BenchQuery[],
  options: { rounds: number; limit: number },
): Promise<number[]> {
  const { context, page } = await newTrackedPage(session, (context) =>
    context.route('**/__bench/search-client.js', (route) => route.fulfill({ body: clientBundle, contentType: 'text/javascript; charset=utf-8' })),
  );
  try {
    await page.goto(session.server.url + path);
    const manifestUrl = await page.locator('input[type=search][data-manifest]').first().getAttribute('data-manifest');
    if (!manifestUrl) throw new Error(`no search box with data-manifest on ${path}`);
    const sequence = queries.flatMap(typingSequence);
    const samples = await page.evaluate(
      async ({ manifestUrl, sequence, rounds, limit }) => {
        const { createSearchClient } = await import('/__bench/search-client.js' as string);
        const client = createSearchClient({ manifestUrl, fetch: (url: string) => fetch(url) });
        for (const q of sequence) await client.search(q, { limit });
        const times: number[] = [];
        for (let r = 0; r < rounds; r++) {
          for (const q of sequence) {
            const t = performance.now();
            await client.search(q, { limit });
            times.push(performance.now() - t);
          }
        }
        return times;
      },
      { manifestUrl, sequence, rounds: options.rounds, limit: options.limit },
    );
    return samples;
  } finally {
    await context.close();
  }
}

export function summariseTransfers(measurements: readonly QueryMeasurement[]) {
  return {
    firstBytes: median(measurements.map((m) => m.first.bytes)),
    firstBytesMax: Math.max(0, ...measurements.map((m) => m.first.bytes)),
    firstRequests: median(measurements.map((m) => m.first.requests)),
    firstRoundTrips: Math.max(0, ...measurements.map((m) => m.first.roundTrips)),
    firstMs: median(measurements.map((m) => m.first.ms)),
    keystrokeBytes: median(measurements.flatMap((m) => m.keystrokeBytes)),
    keystrokeMean: mean(measurements.flatMap((m) => m.keystrokeBytes)),
    keystrokeMax: Math.max(0, ...measurements.flatMap((m) => m.keystrokeBytes)),
  };
}
