import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';
import { contrastRatio } from '../../src/content/contrast.ts';

/**
 * The example site built with tests/e2e/kb.config.brand.yml (a logo, a green accent and home page words), served
 * under /help-center/ like a GitHub Pages project site: global-setup builds one site for both.
 */
const dist = inject('sites').base;
const prefix = '/help-center';
const accent = '#0b6e4f';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ root: dist, prefix });
});
afterAll(async () => {
  await h?.close();
});

const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

describe('a branded site', () => {
  it('shows the logo in the header: a content-hashed file with its size, beside the title that names the link', async () => {
    const t = await h.open(`${prefix}/en/billing/`);
    const logo = t.page.locator('.site-title img.site-logo');
    expect(await logo.getAttribute('src')).toMatch(/^\/help-center\/_assets\/brand-logo\.[0-9a-f]{10}\.svg$/);
    expect(await logo.getAttribute('alt')).toBe('');
    expect([await logo.getAttribute('width'), await logo.getAttribute('height')]).toEqual(['112', '28']);
    await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect((await logo.boundingBox())!.height).toBe(28);
    expect(await t.page.locator('.site-title').innerText()).toBe('Tallybird Help Center');
    await t.close();
  });

  it('colours links and buttons with the accent, and a lighter shade of it that reads in the dark theme', async () => {
    const light = await h.open(`${prefix}/en/`);
    const colors = () =>
      light.page.evaluate(() => ({
        link: getComputedStyle(document.querySelector('.category-card h3')!).color,
        button: getComputedStyle(document.querySelector('.search-submit')!).backgroundColor,
        background: getComputedStyle(document.body).backgroundColor,
      }));
    const day = await colors();
    expect([hex(day.link), hex(day.button)]).toEqual([accent, accent]);
    await light.page.locator('[data-theme-toggle]').click();
    const night = await colors();
    expect(hex(night.link)).not.toBe(accent);
    expect(contrastRatio(hex(night.link), hex(night.background))).toBeGreaterThanOrEqual(4.5);
    // Still green: the same hue, lighter.
    const [r, g, b] = night.link.match(/\d+/g)!.map(Number);
    expect(g).toBeGreaterThan(r!);
    expect(g).toBeGreaterThan(b!);
    expect(light.cspViolations).toEqual([]);
    await light.close();
  });

  it('says the configured words on the home page, per locale', async () => {
    const en = await h.open(`${prefix}/en/`);
    expect(await en.page.locator('.hero h1').innerText()).toBe('Hi! What can we help you with?');
    expect(await en.page.locator('.hero-sub').innerText()).toBe('Answers from the Tallybird team.');
    await en.close();
    const ja = await h.open(`${prefix}/ja/`);
    expect(await ja.page.locator('.hero h1').innerText()).toBe('こんにちは。どのようなご用件ですか？');
    expect(await ja.page.locator('.hero-sub').innerText()).toBe('ヘルプセンターを検索するか、トピックから探してください。');
    await ja.close();
    const ko = await h.open(`${prefix}/ko/`);
    expect(await ko.page.locator('.hero h1').innerText()).toBe('무엇을 도와드릴까요?');
    await ko.close();
  });

  it('does it with a stylesheet file: no inline style anywhere, so the CSP stays strict', () => {
    const pages = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    for (const page of pages) {
      const html = readFileSync(join(page.parentPath, page.name), 'utf8');
      expect(html, page.name).not.toMatch(/<style|\sstyle=/i);
    }
    const css = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(dist, '_astro', f), 'utf8')).join('\n');
    expect(css).toContain(`--accent:light-dark(${accent},`);
  });
});
