import { chromium } from 'playwright-core';
import { startStaticServer } from '/work/main/tests/e2e/static-server.ts';
import { readdirSync, readFileSync } from 'node:fs';
const server = await startStaticServer('/work/main/.tmp/e2e-dist', {});
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.env.EXTRA ? process.env.EXTRA.split(' ') : [])];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const url = process.env.URL!.startsWith('/') ? server.url + process.env.URL : process.env.URL!;
const n = +(process.env.N ?? 12);
const mode = process.env.MODE;
const renderers = new Set<string>();
const scan = () => { for (const p of readdirSync('/proc')) { if (!/^\d+$/.test(p)) continue; try { const c = readFileSync(`/proc/${p}/cmdline`, 'utf8'); if (c.includes('--type=renderer')) renderers.add(p); } catch {} } };
const c0 = await browser.newContext();
const p0 = await c0.newPage();
for (let i = 0; i < n; i++) {
  if (mode === 'newctx') { const c = await browser.newContext(); const page = await c.newPage(); await page.goto(url); scan(); await c.close(); }
  else if (mode === 'newpage') { const page = await c0.newPage(); await page.goto(url); scan(); await page.close(); }
  else { await p0.goto(url + (url.includes('?') ? '&' : '?') + 'i=' + i); scan(); }
}
console.log('renderers', renderers.size);
await browser.close(); await server.close();
