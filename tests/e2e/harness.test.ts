import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browser.ts';
import { chromiumArgs } from './global-setup.ts';

// The other tests' "no request leaves the machine" checks are only as good as the harness that records them.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the browser test harness', () => {
  it('records a request to another host, which fails without leaving the machine, and forgets it on the next open', async () => {
    const t = await h.open('/en/');
    const image = await t.page.evaluate(() => new Promise((done) => Object.assign(new Image(), { onload: () => done('loaded'), onerror: () => done('failed'), src: 'http://203.0.113.9/pixel.png' })));
    expect(image).toBe('failed');
    await expect(t.page.goto('https://cdn.example.com/fonts/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    expect(t.externalRequests).toEqual(['http://203.0.113.9/pixel.png', 'https://cdn.example.com/fonts/']);
    await t.page.waitForURL(/^chrome-error:/);
    await t.goto('/en/');
    await t.page.evaluate(() => localStorage.setItem('kb-theme', 'dark'));
    const seenByTest: string[] = [];
    t.page.on('console', (m) => seenByTest.push(m.text()));
    await t.close();

    const again = await h.open('/en/');
    expect(again.page).toBe(t.page); // the same page, reused
    expect(again.externalRequests).toEqual([]);
    expect(await again.page.evaluate(() => localStorage.length)).toBe(0);
    // The harness still listens; the earlier test's listener is gone.
    await again.page.evaluate(() => console.error('after the wipe'));
    expect(again.consoleErrors).toEqual(['after the wipe']);
    expect(seenByTest).toEqual([]);
    expect(await again.page.evaluate(() => document.documentElement.dataset.theme ?? matchMedia('(prefers-color-scheme: dark)').matches)).not.toBe('dark');
    await again.close();
  });

  it("runs Chromium with Playwright's disabled features and its own in one list, and no browser-UI pages beside each test's page", async () => {
    // Chromium keeps only the last --disable-features; tests/e2e/chromium.sh joins them. Read back off the process of
    // this run's browser (its host rules tell it apart from any other Chromium on the machine).
    const hostRules = chromiumArgs.find((a) => a.startsWith('--host-resolver-rules='))!;
    const browsers = readdirSync('/proc')
      .filter((pid) => /^\d+$/.test(pid))
      .map((pid) => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { return []; } })
      .filter((args) => /chrom(e|ium)$/.test(args[0] ?? '') && args.includes(hostRules) && !args.some((a) => a.startsWith('--type=')));
    expect(browsers.length).toBeGreaterThan(0);
    for (const args of browsers) {
      const lists = args.filter((a) => a.startsWith('--disable-features='));
      expect(lists).toHaveLength(1);
      expect(lists[0]!.split(/[=,]/)).toEqual(expect.arrayContaining(['PaintHolding', 'WebUIOmniboxPopup']));
    }
    const t = await h.open('/en/');
    const cdp = await h.browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    expect(targetInfos.filter((info) => info.type !== 'page').map((info) => info.url)).toEqual([]);
    await t.close();
  });
});
