import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

const dist = inject('distDir');
const locales = ['en', 'ja', 'ko'];

/** Pick real pages from the build, so the tests follow the content instead of hard-coding it. */
function articlePages(locale: string): string[] {
  const pages: string[] = [];
  for (const category of readdirSync(join(dist, locale), { withFileTypes: true })) {
    if (!category.isDirectory() || category.name === 'search') continue;
    for (const slug of readdirSync(join(dist, locale, category.name), { withFileTypes: true })) {
      if (slug.isDirectory()) pages.push(`/${locale}/${category.name}/${slug.name}/`);
    }
  }
  return pages.sort();
}
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const faqPage = (locale: string) => articlePages(locale).find((p) => html(p).includes('"@type":"FAQPage"'));

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('every page type renders in each locale', () => {
  for (const locale of locales) {
    it(`renders the ${locale} home, a category, an article, search and the feed`, async () => {
      const article = articlePages(locale)[0]!;
      const category = article.split('/').slice(0, 3).join('/') + '/';
      const paths = [`/${locale}/`, category, article, `/${locale}/search/`];
      const t = await h.open(paths[0]!);
      for (const [i, path] of paths.entries()) {
        if (i) await t.goto(path);
        expect(await t.page.locator('html').getAttribute('lang')).toBe(locale);
        await expect.poll(() => t.page.locator('h1').count()).toBe(1);
        expect(await t.page.locator('[data-kb-search] input[type=search]').count()).toBeGreaterThan(0);
        expect(t.consoleErrors, path).toEqual([]);
        expect(t.externalRequests, path).toEqual([]);
        expect(t.cspViolations, path).toEqual([]);
      }
      await t.close();
      const feed = await fetch(`${h.server.url}/${locale}/feed.xml`).then((r) => r.text());
      expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    });
  }

  it('shows no English interface text on Japanese and Korean pages', async () => {
    const t = await h.open(articlePages('ja')[0]!);
    for (const locale of ['ja', 'ko']) {
      if (locale !== 'ja') await t.goto(articlePages(locale)[0]!);
      const chrome = await t.page.evaluate(() =>
        [...document.querySelectorAll('header, footer, nav, .feedback, .article-meta, label, button')].map((e) => (e as HTMLElement).innerText).join(' '),
      );
      expect(chrome).not.toMatch(/\b(Search|Home|Previous|Next|Related|Was this|Yes|No|Updated|Contact)\b/);
    }
    await t.close();
  });

  it('serves a 404 page with a search box', async () => {
    const t = await h.open('/en/no-such-page/');
    expect(await t.page.locator('h1').innerText()).toMatch(/not found/i);
    expect(await t.page.locator('[data-kb-search] input').count()).toBe(1);
    await t.close();
  });

  it('reads without JavaScript', async () => {
    const t = await h.open(articlePages('en')[0]!, { javaScriptEnabled: false });
    expect((await t.page.locator('.prose').innerText()).length).toBeGreaterThan(100);
    await t.close();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const paths = ['/en/', articlePages('ja')[0]!];
    const t = await h.open(paths[0]!, { viewport: { width: 320, height: 640 } });
    for (const [i, path] of paths.entries()) {
      if (i) await t.goto(path);
      const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await t.close();
  });
});

describe('FAQ pages', () => {
  it('opens the item a deep link points at, and carries FAQPage JSON-LD', async () => {
    const path = faqPage('en')!;
    expect(path).toBeDefined();
    const id = /<summary>\s*<h2 id="([^"]+)"/.exec(html(path))![1]!;
    const t = await h.open(`${path}#${id}`);
    const open = await t.page.evaluate((id) => document.getElementById(decodeURIComponent(id))!.closest('details')!.open, id);
    expect(open).toBe(true);
    const ld = await t.page.evaluate(() => [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!)));
    const faq = ld.find((d) => d['@type'] === 'FAQPage');
    expect(faq['@context']).toBe('https://schema.org');
    expect(faq.mainEntity.length).toBeGreaterThanOrEqual(3);
    for (const q of faq.mainEntity) {
      expect(q['@type']).toBe('Question');
      expect(q.name).toMatch(/\S/);
      expect(q.acceptedAnswer['@type']).toBe('Answer');
      expect(q.acceptedAnswer.text.length).toBeGreaterThan(10);
    }
    await t.close();
  });

  it('opens an item when the hash changes after load, and works without JavaScript as <details>', async () => {
    const path = faqPage('ja') ?? faqPage('en')!;
    const ids = [...html(path).matchAll(/<summary>\s*<h2 id="([^"]+)"/g)].map((m) => m[1]!);
    const t = await h.open(path);
    await t.page.evaluate((id) => (location.hash = id), ids.at(-1)!);
    await expect.poll(() => t.page.evaluate((id) => document.getElementById(decodeURIComponent(id))!.closest('details')!.open, ids.at(-1)!)).toBe(true);
    await t.page.locator('details.faq-item summary').first().click();
    expect(await t.page.locator('details.faq-item').first().getAttribute('open')).not.toBeNull();
    await t.close();
  });
});

describe('article pages', () => {
  const withToc = (locale: string) => articlePages(locale).find((p) => html(p).includes('data-toc'));

  it('has one table of contents: a sidebar on wide screens, a collapsed box above the text on phones', async () => {
    const path = withToc('en')!;
    expect(path).toBeDefined();
    const wide = await h.open(path);
    expect(await wide.page.locator('.toc').count()).toBe(1);
    expect(await wide.page.locator('[data-toc]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const [toc, prose] = [await wide.page.locator('.toc').boundingBox(), await wide.page.locator('.prose').boundingBox()];
    expect(toc!.x).toBeGreaterThan(prose!.x + prose!.width - 1); // beside the text
    const link = wide.page.locator('.toc a').nth(1);
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await link.click();
    await expect.poll(() => wide.page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(target);
    await expect.poll(() => wide.page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), target)).toBeLessThan(200);
    await wide.close();

    const phone = await h.open(path, { viewport: { width: 375, height: 740 } });
    const details = phone.page.locator('[data-toc]');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const [box, text] = [await phone.page.locator('.toc').boundingBox(), await phone.page.locator('.prose').boundingBox()];
    expect(box!.y).toBeLessThan(text!.y); // above the text
    await phone.page.locator('[data-toc] summary').click();
    expect(await phone.page.locator('.toc a').first().isVisible()).toBe(true);
    await phone.close();
  });

  it('gives FAQ pages no table of contents: the collapsed questions already are one', async () => {
    expect(html(faqPage('en')!)).not.toContain('data-toc');
  });

  it('links every heading to itself', async () => {
    const path = withToc('ja') ?? withToc('en')!;
    const t = await h.open(path);
    const anchors = await t.page.locator('.prose h2').evaluateAll((hs) =>
      hs.map((h) => ({ id: h.id, href: h.querySelector('a.heading-anchor')?.getAttribute('href'), name: h.querySelector('a.heading-anchor')?.getAttribute('aria-label') })),
    );
    expect(anchors.length).toBeGreaterThan(1);
    for (const a of anchors) {
      expect(a.href).toBe(`#${a.id}`);
      expect(a.name).toMatch(/\S/);
    }
    await t.close();
  });

  it('turns task lists into checklists a reader can tick, each box named by its text', async () => {
    const path = articlePages('en').find((p) => html(p).includes('task-list-item'))!;
    expect(path).toBeDefined();
    const t = await h.open(path);
    const box = t.page.locator('.task-list-item input[type=checkbox]').first();
    const label = (await t.page.locator('.task-list-item label').first().innerText()).trim();
    await expect.poll(() => t.page.getByRole('checkbox', { name: label }).count()).toBe(1);
    const before = await box.isChecked();
    await t.page.locator('.task-list-item label').first().click({ position: { x: 60, y: 5 } });
    expect(await box.isChecked()).toBe(!before);
    await t.close();
  });
});

describe('language switcher', () => {
  it('leads to the same article in another language', async () => {
    const en = articlePages('en').find((p) => articlePages('ja').includes(p.replace('/en/', '/ja/')))!;
    const t = await h.open(en);
    await t.page.locator('.language-switcher summary').click();
    await t.page.locator('.language-menu a[lang="ja"]').click();
    await t.page.waitForURL(`**${en.replace('/en/', '/ja/')}`);
    expect(await t.page.locator('html').getAttribute('lang')).toBe('ja');
    await t.close();
  });

  it('goes to the home page with a notice when there is no translation', async () => {
    const untranslated = articlePages('en').find((p) => !articlePages('ko').includes(p.replace('/en/', '/ko/')))!;
    const t = await h.open(untranslated);
    await t.page.locator('.language-switcher summary').click();
    await t.page.locator('.language-menu a[lang="ko"]').click();
    await t.page.waitForURL('**/ko/#untranslated');
    expect(await t.page.locator('#untranslated').isVisible()).toBe(true);
    expect(await t.page.locator('#untranslated').innerText()).toMatch(/[가-힣]/);
    await t.close();
  });
});

describe('theme', () => {
  it('toggles dark mode and remembers it', async () => {
    const t = await h.open('/en/');
    await t.page.locator('[data-theme-toggle]').click();
    expect(await t.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await t.page.reload();
    expect(await t.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(t.cspViolations).toEqual([]);
    await t.close();
  });
});
