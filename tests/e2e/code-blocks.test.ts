import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';
import { axeViolations } from './axe.ts';

// The webhooks reference has HTTP, JSON and JavaScript blocks, wide enough to scroll on a phone, in en and ja.
const article = '/en/integrations/webhooks/';
const phone = { width: 390, height: 844 };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('code blocks', () => {
  it('shows code at one size, 0.9 of the text, not shrunk twice', async () => {
    const t = await h.open(article);
    const sizes = await t.page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
      return { text: px(document.querySelector('.prose > p')!), pre: px(document.querySelector('.prose pre')!), code: px(document.querySelector('.prose pre code')!), inline: px(document.querySelector('.prose p code')!) };
    });
    expect(sizes.code).toBe(sizes.pre);
    expect(sizes.code / sizes.text).toBeCloseTo(0.9, 2);
    expect(sizes.inline / sizes.text).toBeCloseTo(0.9, 2);
    await t.close();
  });

  it('labels each block with its language, outside the code that is copied', async () => {
    const t = await h.open(article);
    const labels = await t.page.locator('.code-block').evaluateAll((blocks) => blocks.map((b) => getComputedStyle(b, '::before').content));
    expect(labels.slice(0, 3)).toEqual(['"HTTP"', '"JSON"', '"JavaScript"']);
    expect(await t.page.locator('.code-block pre').first().innerText()).not.toContain('HTTP\n');
    await t.close();
  });

  it('copies a block with the keyboard and announces it politely, in the page language', async () => {
    for (const [path, copied] of [[article, 'Copied'], ['/ja/integrations/webhooks/', 'コピーしました']] as const) {
      const t = await h.open(path);
      await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
      const block = t.page.locator('.code-block[data-language="JSON"]').first();
      const button = block.getByRole('button');
      await expect.poll(() => button.count()).toBe(1);
      expect(await button.getAttribute('aria-label')).toMatch(path.startsWith('/ja/') ? /^コピー: コード（JSON）$/ : /^Copy: Code \(JSON\)$/);
      await button.focus();
      await t.page.keyboard.press('Enter');
      const status = block.getByRole('status');
      await expect.poll(() => status.innerText()).toBe(copied);
      expect(await status.getAttribute('role')).toBe('status'); // role=status is aria-live=polite
      const clipboard = await t.page.evaluate(() => navigator.clipboard.readText());
      expect(clipboard).toBe((await block.locator('pre').textContent())!.replace(/\n$/, ''));
      expect(clipboard.startsWith('{')).toBe(true);
      await t.page.keyboard.press('Space');
      await expect.poll(() => status.innerText()).toBe(copied);
      expect(t.cspViolations).toEqual([]);
      expect(t.consoleErrors).toEqual([]);
      await t.close();
    }
  });

  it('lets a keyboard reach and scroll every block that is wider than a 390 px screen', async () => {
    const t = await h.open(article, { viewport: phone });
    const blocks = await t.page.locator('.prose pre').evaluateAll((pres) =>
      pres.map((p) => ({ scrolls: p.scrollWidth > p.clientWidth, tabIndex: (p as HTMLElement).tabIndex, role: p.getAttribute('role'), name: p.getAttribute('aria-label') })),
    );
    expect(blocks.filter((b) => b.scrolls).length).toBeGreaterThan(0);
    for (const b of blocks) expect(b).toMatchObject({ tabIndex: 0, role: 'group', name: expect.stringMatching(/^Code/) });
    const wide = blocks.findIndex((b) => b.scrolls);
    const pre = t.page.locator('.prose pre').nth(wide);
    // Tab from the copy button before it lands on the block itself, which then scrolls with the arrow keys.
    await t.page.locator('.code-block').nth(wide).getByRole('button').focus();
    await t.page.keyboard.press('Tab');
    expect(await pre.evaluate((p) => p === document.activeElement)).toBe(true);
    await t.page.keyboard.press('ArrowRight');
    await t.page.keyboard.press('ArrowRight');
    await expect.poll(() => pre.evaluate((p) => p.scrollLeft)).toBeGreaterThan(0);
    await t.close();
  });

  it('passes axe with its copy buttons and focusable blocks, in both themes and after a copy', async () => {
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const t = await h.open(article, { colorScheme, viewport: phone });
      await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
      await expect.poll(() => t.page.locator('.code-copy').count()).toBeGreaterThan(0);
      await t.page.locator('.code-copy').first().click();
      await expect.poll(() => t.page.locator('.code-copy-status').first().innerText()).toBe('Copied');
      failures.push(...(await axeViolations(t, `${article} [${colorScheme}]`)));
      await t.close();
    }
    expect(failures).toEqual([]);
  });

  it('keeps names in inline code whole on a phone: invoice.voided breaks after its dot or not at all', async () => {
    const t = await h.open(article, { viewport: phone });
    const broken = await t.page.locator('.prose :not(pre) > code').evaluateAll((codes) =>
      codes.flatMap((code) => {
        // Each line box of the element; a break is only allowed right after a "." "_" or "/".
        const range = document.createRange();
        const text = code.textContent ?? '';
        const lines: string[] = [];
        let top: number | undefined;
        let line = '';
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent!.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const y = Math.round(range.getClientRects()[0]?.top ?? 0);
            if (top !== undefined && y > top + 2) {
              lines.push(line);
              line = '';
            }
            top = y;
            line += node.textContent![i];
          }
        }
        lines.push(line);
        return lines.slice(0, -1).some((l) => !/[._/\s-]$/.test(l)) ? [`${text} → ${lines.join(' | ')}`] : [];
      }),
    );
    expect(broken).toEqual([]);
    await t.close();
  });
});
