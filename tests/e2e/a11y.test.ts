import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sitemap = readFileSync(`${inject('distDir')}/sitemap-0.xml`, 'utf8');
const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => decodeURI(m[1]!));

/** One page of each type per locale, plus search and 404: enough to cover every component. */
function sample(): string[] {
  const out = new Set<string>(['/en/search/', '/ja/search/', '/ko/search/', '/404.html']);
  for (const locale of ['en', 'ja', 'ko']) {
    const own = paths.filter((p) => p.startsWith(`/${locale}/`));
    out.add(`/${locale}/`);
    const category = own.find((p) => p.split('/').length === 4);
    if (category) out.add(category);
    for (const article of own.filter((p) => p.split('/').length === 5).slice(0, 3)) out.add(article);
  }
  return [...out];
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`reports zero violations in the ${scheme} theme`, async () => {
      const failures: string[] = [];
      for (const path of sample()) {
        const t = await h.open(path, { colorScheme: scheme });
        // evaluate() runs through DevTools, so the page's strict CSP stays on while axe runs.
        await t.page.evaluate(axeSource);
        await t.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        const result = await t.page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations) failures.push(`${path} [${scheme}] ${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        await t.context.close();
      }
      expect(failures).toEqual([]);
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`reports zero violations in the search panel (results, "nothing found" with the closest articles, nothing at all) in the ${scheme} theme`, async () => {
      const failures: string[] = [];
      const states: [string, string][] = [
        ['/en/', 'refund'],
        ['/en/', 'can I pay my Tallybird subscription with bitcoin or another cryptocurrency?'],
        ['/ja/', 'zzqxv返金認証'],
        ['/ko/search/', '비밀번호'],
      ];
      for (const [path, query] of states) {
        const t = await h.open(path, { colorScheme: scheme });
        const input = t.page.locator(path.endsWith('/search/') ? '.search-page input[type=search]' : '.search-hero input');
        await input.click();
        await input.fill(query);
        await t.page.waitForFunction((q) => [...document.querySelectorAll('.search-panel')].some((p) => (p as HTMLElement).dataset.query === q && !(p as HTMLElement).hidden), query);
        await t.page.evaluate(axeSource);
        const result = await t.page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }));
        for (const v of result.violations) failures.push(`${path} "${query}" [${scheme}] ${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        await t.context.close();
      }
      expect(failures).toEqual([]);
    });
  }
});
