import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';

const phone = { width: 390, height: 844 };
const article = '/en/integrations/webhooks/';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the header on a phone', () => {
  it('is one bar plus the search box, and only the search box stays while reading (≤ 10 % of a 390×844 screen)', async () => {
    const t = await h.open('/404.html', { viewport: phone });
    for (const path of [article, '/ja/integrations/webhooks/', '/ko/billing/']) {
      await t.page.goto(h.server.url + path);
      const header = t.page.locator('.site-header');
      const atRest = (await header.boundingBox())!;
      expect(atRest.height, path).toBeLessThanOrEqual(phone.height * 0.13);
      // The title and the tools share one bar: the title never wraps under them.
      const [title, tools] = [await t.page.locator('.site-title').boundingBox(), await t.page.locator('.header-tools').boundingBox()];
      expect(Math.abs(title!.y - tools!.y), path).toBeLessThan(8);

      await t.page.mouse.wheel(0, 700);
      await expect.poll(() => t.page.evaluate(() => scrollY)).toBeGreaterThan(300);
      const visible = await header.evaluate((e) => Math.max(0, e.getBoundingClientRect().bottom));
      expect(visible, path).toBeLessThanOrEqual(phone.height * 0.1);
      const input = t.page.locator('.search-header input');
      const box = (await input.boundingBox())!;
      expect(box.y, path).toBeGreaterThanOrEqual(0);
      const hit = await t.page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('input')?.id, [box.x + box.width / 2, box.y + box.height / 2]);
      expect(hit, path).toBe('search-header');
      await input.click();
      expect(await t.page.evaluate(() => document.activeElement?.id)).toBe('search-header');
    }
    await t.close();
  });
});

describe('diagrams in the dark theme', () => {
  const filters = (t: Awaited<ReturnType<Harness['open']>>) =>
    t.page.locator('.prose img').evaluateAll((imgs) => imgs.map((i) => ({ svg: /\.svg$/i.test((i as HTMLImageElement).src), filter: getComputedStyle(i).filter })));

  it('inverts SVG diagrams (hues kept) and dims pictures, whether dark comes from the system or the toggle; light leaves them alone', async () => {
    const dark = await h.open(article, { colorScheme: 'dark' });
    const system = await filters(dark);
    expect(system.length).toBeGreaterThan(0);
    for (const img of system) expect(img.filter).toMatch(img.svg ? /invert\(0\.9\) hue-rotate\(180deg\)/ : /brightness/);
    await dark.close();

    const light = await h.open(article, { colorScheme: 'light' });
    for (const img of await filters(light)) expect(img.filter).toBe('none');
    await light.page.locator('[data-theme-toggle]').click();
    for (const img of await filters(light)) expect(img.filter).toMatch(img.svg ? /invert/ : /brightness/);
    await light.close();
  });
});

describe('Japanese line breaking', () => {
  // The lines a block of text is laid out in, from the position of each character.
  const lineTexts = (blocks: Element[]) =>
    blocks.map((block) => {
      const range = document.createRange();
      const lines: string[] = [];
      let top: number | undefined;
      let line = '';
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (top !== undefined && rect.top > top + 4) {
            lines.push(line.trim());
            line = '';
          }
          top = rect.top;
          line += node.textContent![i];
        }
      }
      lines.push(line.trim());
      return { text: block.textContent!.trim(), lines: lines.filter(Boolean), width: block.getBoundingClientRect().width };
    });

  it('breaks between phrases, never leaving a line of one character or of a character and its punctuation (390 px)', async () => {
    const short: string[] = [];
    const t = await h.open('/404.html', { viewport: phone });
    for (const path of ['/ja/', '/ja/billing/', '/ja/integrations/webhooks/', '/ja/billing/request-a-refund/', '/ja/search/', '/ja/no-such-page/']) {
      await t.page.goto(h.server.url + path);
      const styles = await t.page.locator('main p').first().evaluate((p) => ({ wordBreak: getComputedStyle(p).wordBreak, lineBreak: getComputedStyle(p).lineBreak }));
      expect(styles, path).toEqual({ wordBreak: 'auto-phrase', lineBreak: 'strict' });
      const blocks = await t.page.locator('main :is(h1, h2, h3, p, li):not(:has(p, li, ul, ol))').evaluateAll(lineTexts);
      for (const b of blocks) {
        if (b.lines.length < 2 || b.width < 40) continue; // one line, or visually hidden
        for (const line of b.lines) if ([...line].length === 1 || /^.[、。？！）」』]$/u.test(line)) short.push(`${path}: "${line}" in "${b.text}" (${b.lines.join(' | ')})`);
      }
    }
    await t.close();
    expect(short).toEqual([]);
  });
});

describe('card grids', () => {
  it('fill every row, with rows at most one card apart, at common widths (no lone card beside a hole)', async () => {
    const problems: string[] = [];
    for (const path of ['/en/', '/ko/', '/en/billing/', 'any count']) {
      const t = await h.open(path === 'any count' ? '/en/' : path, { viewport: { width: 1280, height: 900 } });
      // Grids of 1 to 14 cards, as a site with other numbers of topics or popular articles has.
      if (path === 'any count') {
        await t.page.evaluate(() => {
          const main = document.querySelector('main')!;
          main.replaceChildren();
          for (let n = 1; n <= 14; n++) {
            const ul = document.createElement('ul');
            ul.className = 'category-grid';
            ul.dataset.count = String(n);
            for (let i = 0; i < n; i++) ul.append(Object.assign(document.createElement('li'), { textContent: `card ${i + 1}` }));
            main.append(ul);
          }
        });
      }
      for (const width of [1280, 1024, 768, 390]) {
        await t.page.setViewportSize({ width, height: 900 });
        const grids = await t.page.locator('.category-grid, .article-list').evaluateAll((uls) =>
          uls.map((ul) => {
            const box = ul.getBoundingClientRect();
            const rows = new Map<number, { count: number; left: number; right: number }>();
            for (const li of ul.children) {
              const r = li.getBoundingClientRect();
              const row = rows.get(Math.round(r.top)) ?? { count: 0, left: Infinity, right: -Infinity };
              rows.set(Math.round(r.top), { count: row.count + 1, left: Math.min(row.left, r.left), right: Math.max(row.right, r.right) });
            }
            return { className: `${ul.className}${(ul as HTMLElement).dataset.count ? ` of ${(ul as HTMLElement).dataset.count}` : ''}`, left: box.left, right: box.right, rows: [...rows.values()] };
          }),
        );
        for (const g of grids) {
          const counts = g.rows.map((r) => r.count);
          const where = `${path} at ${width}px, ${g.className} rows ${counts.join('+')}`;
          if (Math.max(...counts) - Math.min(...counts) > 1) problems.push(`${where}: uneven`);
          if (g.rows.some((r) => Math.abs(r.left - g.left) > 1 || Math.abs(r.right - g.right) > 1)) problems.push(`${where}: a row with a hole`);
        }
      }
      await t.close();
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
