import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness, type TrackedPage } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sitemap = readFileSync(`${inject('distDir')}/sitemap-0.xml`, 'utf8');
const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => decodeURI(m[1]!));

/** Every page is checked in each of these: desktop and phone width, light and dark theme (light first at each width). */
const variants = [
  { width: 1280, height: 900, scheme: 'light' },
  { width: 1280, height: 900, scheme: 'dark' },
  { width: 390, height: 844, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
] as const;

interface Case {
  name: string;
  path: string;
  /** Brings the page into the state to check (an open dropdown, a sent "No"…). */
  prepare?: (page: Page) => Promise<void>;
}

/** One page of each type per locale (home, category, a guide, an FAQ, search, 404). */
function pageCases(): Case[] {
  const out = new Map<string, Case>();
  const add = (path: string, name = path) => out.set(path, { name, path });
  for (const locale of ['en', 'ja', 'ko']) {
    const own = paths.filter((p) => p.startsWith(`/${locale}/`));
    add(`/${locale}/`);
    const category = own.find((p) => p.split('/').length === 4);
    if (category) add(category);
    const articles = own.filter((p) => p.split('/').length === 5);
    const faq = articles.find((p) => /faq/.test(p));
    for (const article of [articles[0], faq].filter((a): a is string => Boolean(a))) add(article);
    add(`/${locale}/search/`);
  }
  add('/404.html');
  return [...out.values()];
}

async function waitForPanel(page: Page, query: string) {
  await page.waitForFunction((q) => [...document.querySelectorAll('.search-panel')].some((p) => (p as HTMLElement).dataset.query === q && !(p as HTMLElement).hidden), query, { timeout: 15_000 });
}

const typeInto = (selector: string, query: string) => async (page: Page) => {
  const input = page.locator(selector);
  await input.click();
  await input.fill(query);
  await waitForPanel(page, query);
};

const faqPath = () => paths.find((p) => p.startsWith('/en/') && /faq/.test(p))!;
const articlePath = () => paths.find((p) => p.startsWith('/en/') && p.split('/').length === 5)!;

/** The interactive states a reader can reach. */
const stateCases = (): Case[] => [
  { name: 'dropdown with results (en)', path: '/en/', prepare: typeInto('.search-hero input', 'refund') },
  { name: 'dropdown with results (ja)', path: '/ja/', prepare: typeInto('.search-hero input', '返金') },
  { name: 'dropdown, nothing answers a question, closest articles', path: '/en/', prepare: typeInto('.search-hero input', 'can I pay my Tallybird subscription with bitcoin or another cryptocurrency?') },
  { name: 'dropdown with nothing found (ja)', path: '/ja/', prepare: typeInto('.search-hero input', 'zzqxv返金認証') },
  { name: 'header dropdown on an article', path: articlePath(), prepare: typeInto('.search-header input', 'invoice') },
  { name: 'search page with results', path: '/en/search/?q=invoice', prepare: (page) => page.locator('[data-search-page-results] [role=option]').first().waitFor({ timeout: 15_000 }) },
  { name: 'search page with nothing found (ko)', path: '/ko/search/', prepare: typeInto('.search-page input[type=search]', 'zzqxv비밀') },
  {
    name: 'feedback after "No"',
    path: articlePath(),
    prepare: async (page) => {
      await page.locator('[data-helpful=no]').click();
      await page.locator('[data-feedback-followup]').waitFor({ state: 'visible' });
    },
  },
  { name: 'FAQ with every answer open', path: faqPath(), prepare: (page) => page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true))) },
];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/**
 * What axe's rules other than colour contrast read that a stylesheet could change between schemes: each element's
 * display, visibility and opacity, and its size. Equal in light and dark, those rules give the same answer in both.
 */
const layoutFingerprint = () =>
  [...document.querySelectorAll('body *')]
    .map((e) => {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return `${e.tagName}:${s.display}:${s.visibility}:${s.opacity === '0' ? 0 : 1}:${Math.round(r.width)}x${Math.round(r.height)}`;
    })
    .join('|');

/**
 * Check a case in every variant on one page: resizing and switching the theme keep the state. Every rule runs in
 * light; in dark, colour contrast runs (the rule a scheme changes), and every rule again if the dark scheme moved,
 * hid or showed anything.
 */
async function check(t: TrackedPage, c: Case): Promise<string[]> {
  const failures: string[] = [];
  const errorsBefore = t.consoleErrors.length;
  await t.page.setViewportSize({ width: variants[0].width, height: variants[0].height });
  await t.page.emulateMedia({ colorScheme: 'light' });
  await t.page.goto(h.server.url + c.path);
  await t.page.evaluate(axeSource); // through DevTools, so the page's strict CSP stays on while axe runs
  await c.prepare?.(t.page);
  let lightLayout = '';
  for (const v of variants) {
    await t.page.setViewportSize({ width: v.width, height: v.height });
    await t.page.emulateMedia({ colorScheme: v.scheme });
    const layout = await t.page.evaluate(layoutFingerprint);
    if (v.scheme === 'light') lightLayout = layout;
    const only = v.scheme === 'dark' && layout === lightLayout ? { runOnly: ['color-contrast'] } : {};
    // Without element selectors first (a third of axe's time on these pages); a page that fails is checked again
    // with them, to say where.
    const axeRun = (o: object) => t.page.evaluate((o) => (window as any).axe.run(document, { resultTypes: ['violations'], ...o }), o);
    let result = await axeRun({ ...only, selectors: false, ancestry: false, xpath: false });
    if (result.violations.length) result = await axeRun(only);
    for (const violation of result.violations) {
      const where = violation.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ');
      failures.push(`${c.name} [${v.width}px ${v.scheme}] ${violation.id}: ${violation.help} (${where})`);
    }
  }
  failures.push(...t.consoleErrors.slice(errorsBefore).map((e) => `${c.name}: console error ${e}`));
  return failures;
}

/** Two pages at a time (axe is CPU-bound and these machines have two cores), each going from case to case. */
async function checkAll(cases: Case[]): Promise<string[]> {
  const queue = [...cases];
  const failures: string[] = [];
  await Promise.all(
    [0, 1].map(async () => {
      const t = await h.open('/404.html');
      try {
        for (let c = queue.shift(); c; c = queue.shift()) failures.push(...(await check(t, c)));
      } finally {
        await t.close();
      }
    }),
  );
  return failures.sort();
}

describe('accessibility (axe-core), at 1280 and 390 px, light and dark', () => {
  it('reports zero violations on every page type', async () => {
    const cases = pageCases();
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(await checkAll(cases)).toEqual([]);
  }, 240_000);

  it('reports zero violations in every interactive state', async () => {
    expect(await checkAll(stateCases())).toEqual([]);
  }, 240_000);
});
