/**
 * Pagefind over the same built HTML: the article pages of the help center built by this project, indexed by
 * Pagefind's own indexer (npm `pagefind`, the extended build with Japanese segmentation) with the article as
 * its root, and queried through Pagefind's own browser client in Chromium.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../../tests/e2e/static-server.ts';
import type { Article } from '../../../src/content/model.ts';
import { keyOf, type Engine } from './engines.ts';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Parts of an article page that are navigation or chrome, not the article. */
const excludeSelectors = ['.breadcrumbs', 'nav', '.toc', '.feedback', '.related', '.article-footer', '.article-meta', '.heading-anchor', '.faq-permalink'];

export interface PagefindSession {
  engines(locale: string): Promise<Engine>;
  indexMs: number;
  close(): Promise<void>;
}

export async function openPagefind(distDir: string, workDir: string, articles: readonly Article[]): Promise<PagefindSession> {
  const pagefind = await import('pagefind');
  const site = join(workDir, 'pagefind-site');
  await rm(site, { recursive: true, force: true });
  await mkdir(site, { recursive: true });
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'article.article', excludeSelectors });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const a of articles) {
    const html = await readFile(join(distDir, a.url, 'index.html'), 'utf8');
    const added = await index.addHTMLFile({ url: a.url, content: html });
    if (added.errors.length) throw new Error(`Pagefind could not index ${a.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  const indexMs = performance.now() - started;
  const keys = new Map(articles.map((a) => [a.url, keyOf(a)]));
  const locales = [...new Set(articles.map((a) => a.locale))];
  // A page without the site's CSP, one per language: Pagefind picks the index from <html lang>.
  await writeFile(join(site, '404.html'), 'not found');
  for (const lang of locales) await writeFile(join(site, `${lang}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${lang}</title></head><body></body></html>`);

  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startStaticServer(site);
    browser = await chromium.launch({ executablePath: process.env.KB_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  } catch (error) {
    await server?.close();
    throw error;
  }
  const pages = new Map<string, Page>();
  return {
    indexMs,
    async engines(locale) {
      let page = pages.get(locale);
      if (!page) {
        page = await browser!.newPage();
        await page.goto(`${server!.url}/${locale}.html`);
        await page.evaluate(async () => {
          const pf = await import('/pagefind/pagefind.js' as string);
          await pf.init();
          (globalThis as unknown as { pf: unknown }).pf = pf;
        });
        pages.set(locale, page);
      }
      const p = page;
      return {
        name: 'Pagefind',
        about: 'Pagefind 1.6 (extended build) over the built article pages, its own browser client',
        async search(question) {
          const urls = await p.evaluate(async (q) => {
            const pf = (globalThis as unknown as { pf: { search(q: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }> } }).pf;
            const found = await pf.search(q);
            return Promise.all(found.results.slice(0, 10).map(async (r) => (await r.data()).url));
          }, question);
          const ranking = urls.map((u) => keys.get(u.endsWith('/') ? u : `${u}/`) ?? keys.get(u) ?? `?${u}`);
          return { ranking, nothingFound: ranking.length === 0 };
        },
      };
    },
    async close() {
      await browser?.close().catch(() => {});
      await server?.close();
    },
  };
}
